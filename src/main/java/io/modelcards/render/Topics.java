package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import io.modelcards.model.Texts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The datasets of a catalogue (its dataset pages), each under its canonical name (curated aliases: Coco → COCO; then
 * the benchmark vocabulary's name of the dataset: OKVQA → OK-VQA, COCO Captions → COCO), with every result a model
 * reports on it (from benchmark columns, columns naming a known dataset such as "box AP on COCO", curated results and
 * the cards' front matter model-index) and every other mention (training-data cells, prose, front matter). The
 * benchmark pages rank the results by {@link Leaderboards}.
 */
final class Topics {
    /** A value a model reports: which row of which table, with what metric. {@code rowId} may be empty. */
    /**
     * One result on a topic page; {@code type} and {@code sortKey} carry the typed cell for sorting. A result from
     * a table keeps only where it is (a catalogue has a million of them, and a page shows at most 500): its
     * label, value and sort key are read from the cell when asked for.
     */
    static final class Result {
        private final Model model;
        private final String metric;
        /** The table, by the place of its block among the model's blocks, and its row: -1 for a number stated outside tables. */
        private final int table;
        private final int row;
        private final int column;
        private final String label;
        private final String value;

        /** A cell of a table: row {@code row} of the table in the model's block number {@code table}. */
        Result(Model model, String metric, int table, int row, int column) {
            this(model, null, metric, table, row, column);
        }

        /** A cell of a table, read as a result of {@code label} (a variant or a baseline model). */
        Result(Model model, String label, String metric, int table, int row, int column) {
            this.model = model;
            this.metric = metric;
            this.table = table;
            this.row = row;
            this.column = column;
            this.label = label;
            this.value = null;
        }

        /** A number stated outside tables (front matter, curated.yaml). */
        Result(Model model, String label, String metric, java.math.BigDecimal value) {
            this.model = model;
            this.metric = metric;
            this.table = -1;
            this.row = -1;
            this.column = -1;
            this.label = label;
            this.value = value.toPlainString();
        }

        Model model() { return model; }
        String metric() { return metric; }
        String label() { return label != null ? label : rowLabel(table(), row(), column); }
        String rowId() { return table < 0 ? "" : row().id(); }
        String value() { return table < 0 ? value : row().cells().get(column).text().strip(); }
        String type() { return table < 0 ? "number" : row().cells().get(column).value().type(); }

        String sortKey() {
            if (table < 0) return value;
            var key = row().cells().get(column).value().sortKey();
            return key == null ? "" : key.toPlainString();
        }

        /**
         * The cell's table and row, read from the model when asked for (only for the results a page shows): a result
         * that held them would hold every benchmark table of the catalogue while the topics live, and a build holds
         * its models' tables encoded (build.StoredList).
         */
        private Table table() { return ((Block.TableBlock) model.blocks().get(table)).table(); }
        private Row row() { return table().rows().get(row); }
    }

    /** A model naming the topic without a value: where it does. {@code rowId} may be empty. */
    record Mention(Model model, String where, String rowId) {}

    /** A benchmark or dataset: {@code benchmark} when some table reports a value on it. */
    static final class Topic {
        final String name;
        final Set<String> aliases = new java.util.TreeSet<>();
        boolean benchmark;
        Runs<Result> results = new Runs<>();
        final List<Mention> mentions = new ArrayList<>();
        /**
         * Its mentions as its dataset page lists them, made once (BenchmarkPages): a topic serve keeps from the last
         * render keeps them; a copy to be changed does not.
         */
        List<CatalogueViews.MentionView> mentionViews;
        /**
         * A copy's: the views of the topic it was copied from, and the mentions they were made from (that topic's list,
         * which no longer changes). A mention the copy still holds (the same instance) keeps its view.
         */
        List<CatalogueViews.MentionView> viewsBefore;
        List<Mention> viewsBeforeOf;

        private final String slug;
        /** Its key in {@link #byName}. */
        final String key;

        Topic(String name, String slug, String key) {
            this.name = name;
            this.slug = slug;
            this.key = key;
        }

        /** A copy to be changed: its lists are new, holding the same runs, mentions and aliases. */
        Topic(Topic other) {
            this(other.name, other.slug, other.key);
            aliases.addAll(other.aliases);
            benchmark = other.benchmark;
            results = new Runs<>(other.results);
            mentions.addAll(other.mentions);
            if (other.mentionViews != null) {
                viewsBefore = other.mentionViews;
                viewsBeforeOf = other.mentions;
            }
        }

        String slug() {
            return slug;
        }

        /**
         * The models with a result or a mention, in that order, each once; asked for only once the topics are
         * complete. A site holds each model once, so models are told apart by identity (cheaper than hashing).
         */
        List<Model> models() {
            if (models != null) return models;
            List<List<Result>> runs = results.runs();
            if (previous != null && previous.models != null) {
                // serve: the same runs and mentions as the last render's topic, or the same but for edited models
                models = sameSources(previous) ? previous.models : renamed(previous);
                previous = null;
                if (models != null) return models;
            }
            previous = null;
            // sized for every run at once: growing the set was half of this at 10,000 cards
            Set<Model> seen = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>(runs.size() + mentions.size()));
            List<Model> list = new ArrayList<>();
            Model last = null;
            // a run is one model's: a column of its tables, or one stated result (serve asks this of every topic
            // on every edit, and reading the runs instead of the values took it from 90 ms to a few at 10,000 cards)
            for (List<Result> run : runs) {
                Model m = run.get(0).model();
                if (m != last && seen.add(m)) list.add(m);
                last = m;
            }
            for (Mention m : mentions) {
                if (m.model() != last && seen.add(m.model())) list.add(m.model());
                last = m.model();
            }
            models = java.util.Collections.unmodifiableList(list);
            return models;
        }

        private List<Model> models;
        /** This topic in serve's last render, while its models may still be reused. */
        private Topic previous;

        /** Whether this topic reads the same runs of results (the same instances) and mentions of the same models. */
        private boolean sameSources(Topic other) {
            List<List<Result>> a = results.runs();
            List<List<Result>> b = other.results.runs();
            if (a.size() != b.size() || mentions.size() != other.mentions.size()) return false;
            for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
            for (int i = 0; i < mentions.size(); i++) {
                if (mentions.get(i).model() != other.mentions.get(i).model()) return false;
            }
            return true;
        }

        /**
         * The last render's models when this topic reads the same sequence of models but for models parsed again
         * (a new instance with the same slug in each place of the old one), with the new instances in their places;
         * null when the sequence differs otherwise. A value edit gives each topic of its card new runs; finding the
         * models again over every run of a large topic took about 40 ms of an edit at 10,000 cards.
         */
        private List<Model> renamed(Topic other) {
            List<List<Result>> a = results.runs();
            List<List<Result>> b = other.results.runs();
            if (a.size() != b.size() || mentions.size() != other.mentions.size()) return null;
            Map<Model, Model> renamed = new java.util.IdentityHashMap<>();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i) && !rename(renamed, b.get(i).get(0).model(), a.get(i).get(0).model())) return null;
            }
            for (int i = 0; i < mentions.size(); i++) {
                if (!rename(renamed, other.mentions.get(i).model(), mentions.get(i).model())) return null;
            }
            if (renamed.isEmpty()) return other.models;
            // a site holds one model per slug, and this topic only the site's models: no old instance that was
            // renamed is read here any more, and no two old ones became one. Each model is once in the list: a few
            // renamed ones are found by reference (looking every model up was most of this)
            List<Model> list = new ArrayList<>(other.models);
            if (renamed.size() > 8) {
                list.replaceAll(m -> renamed.getOrDefault(m, m));
            } else {
                for (Map.Entry<Model, Model> r : renamed.entrySet()) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) == r.getKey()) {
                            list.set(i, r.getValue());
                            break;
                        }
                    }
                }
            }
            return java.util.Collections.unmodifiableList(list);
        }

        /** Records that {@code now} took {@code was}'s place; false when it cannot be the same model. */
        private static boolean rename(Map<Model, Model> renamed, Model was, Model now) {
            if (was == now) return true;
            if (!was.slug().equals(now.slug())) return false;
            Model before = renamed.putIfAbsent(was, now);
            return before == null || before == now;
        }

        /** Whether more than {@code n} models have a result or a mention; stops counting there. */
        boolean hasMoreModelsThan(int n) {
            if (models != null) return models.size() > n;
            Set<Model> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Model last = null;
            for (Result r : results) {
                if (r.model() != last && seen.add(r.model()) && seen.size() > n) return true;
                last = r.model();
            }
            for (Mention m : mentions) {
                if (m.model() != last && seen.add(m.model()) && seen.size() > n) return true;
                last = m.model();
            }
            return false;
        }
    }

    /** Topics by {@link #topicKey}: "common_voice", "Common Voice" and "common-voice" are one topic and one page. */
    final Map<String, Topic> byName = new TreeMap<>();
    final Map<String, String> canonical = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Topics() {}

    /** Whether these are serve's last topics with some values set again (TopicsPatch): each has the same models. */
    private boolean patched;

    boolean patched() {
        return patched;
    }

    void markPatched() {
        patched = true;
    }

    /**
     * What was looked up after {@link #of} made these topics (a render names the datasets of its benchmarks, which
     * makes the topics no card names and may add an alias): a patch starts from the topics as they were made, so a
     * render makes those again, in the same order, as a full render does. Null until made.
     */
    Late late;

    static final class Late {
        final List<String> keys = new ArrayList<>();
        final List<String> looked = new ArrayList<>();
        final List<Map.Entry<Topic, String>> aliases = new ArrayList<>();
    }

    /** Marks the topics made: what is looked up from now on is noted in {@link #late}. */
    Topics sealed() {
        late = new Late();
        return this;
    }

    static Topics of(Site site) {
        return of(site, new Memo(false));
    }

    /**
     * Like {@link #of(Site)}, with each model's {@link RelatedModels#linkedPages} read in the same pass over its
     * blocks ({@link #linkedPages()}): a build holds its models' blocks encoded, and each pass decodes them all again.
     */
    static Topics withLinkedPages(Site site) {
        Memo memo = new Memo(false);
        memo.readLinks = true;
        return of(site, memo);
    }

    /** What {@link #withLinkedPages} read: the model pages each model's text links to; else null. */
    Map<Model, List<String>> linkedPages() {
        return linkedPages;
    }

    private Map<Model, List<String>> linkedPages;

    /**
     * The topics of the site. What each model adds is found model by model and then added in catalogue order; with
     * a memo kept from the last call, a model (the same instance) is not read again, nor its text searched for the
     * topics' names while these stay the same.
     */
    static Topics of(Site site, Memo memo) {
        Topics t = new Topics();
        Curated curated = site.curated();
        t.vocabulary = curated.benchmarks();
        curated.aliases().forEach((name, aliases) -> aliases.forEach(a -> t.canonical.put(a, name)));
        // what a model adds is read with the vocabulary (which columns are benchmarks): another one reads all again
        if (!t.canonical.equals(memo.canonical) || !t.vocabulary.equals(memo.vocabulary)) memo.clear(t.canonical);
        memo.vocabulary = t.vocabulary;
        // what each model adds is read on every core (reading only the model, the vocabulary and the curated
        // names); the topics are then changed in catalogue order
        // each benchmark's and metric's name held once for all models (a build reads each model's tables anew, each
        // with strings of its own: 1.1 million columns held 2.2 million strings, 140 MB, at 100,000 cards)
        Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        var vocabulary = site.curated().benchmarks();
        // serve: a few models parsed again, the others the last call's instances in their places: only the new ones are
        // read, and TopicsPatch sets the places they fill (reading every model's additions from the memo into new
        // maps, three look-ups and three maps of 10,000 models, was most of this on an edit)
        List<Integer> changed = memo.readLinks ? null : TopicsPatch.changed(site, memo);
        if (changed != null) {
            Map<Model, List<Op>> columns = new java.util.IdentityHashMap<>();
            Map<Model, List<Stated>> stated = new java.util.IdentityHashMap<>();
            for (int i : changed) {
                Model m = site.models().get(i);
                columns.put(m, columnOps(m, vocabulary, names));
                stated.put(m, stated(m, vocabulary));
            }
            Topics patched = TopicsPatch.of(site, memo, changed, columns, stated);
            if (patched != null) return patched;
        }
        // a model's benchmark columns and its stated results in one pass (a build holds its blocks encoded, and each
        // pass over them decodes every model's once more)
        Map<Model, Read> read = PerModel.read(site.models(), Map.of(), m -> {
            List<Op> ops = memo.columns.get(m);
            if (ops == null) ops = columnOps(m, vocabulary, names);
            List<Stated> st = memo.stated.get(m);
            return new Read(ops, st != null ? st : stated(m, vocabulary),
                    memo.readLinks ? RelatedModels.linkedPages(m) : null);
        });
        Map<Model, List<Op>> columns = new java.util.IdentityHashMap<>(site.models().size());
        Map<Model, List<Stated>> stated = new java.util.IdentityHashMap<>(site.models().size());
        if (memo.readLinks) t.linkedPages = new java.util.IdentityHashMap<>(site.models().size());
        for (Map.Entry<Model, Read> e : read.entrySet()) {
            columns.put(e.getKey(), e.getValue().columns());
            stated.put(e.getKey(), e.getValue().stated());
            if (memo.readLinks) t.linkedPages.put(e.getKey(), e.getValue().linked());
        }
        read = null;
        Map<Model, Placements> placed = memo.placed == null ? null : new java.util.IdentityHashMap<>(site.models().size());
        for (Model m : site.models()) t.apply(columns.get(m), place(placed, m));
        memo.columns = columns;
        for (Model m : site.models()) {
            Placements at = place(placed, m);
            for (String d : m.frontMatter().datasets()) {
                Topic topic = t.topic(d);
                topic.mentions.add(new Mention(m, "front matter (datasets)", ""));
                if (at != null) at.add(topic, topic.mentions.size() - 1);
            }
        }
        t.curatedResults(site, stated, placed);
        memo.stated = stated;
        TopicNames known = t.knownNames(curated);
        String knownKey = known == null ? null : known.key();
        Map<Model, List<Op>> mentions = Map.of();
        boolean sameNames = java.util.Objects.equals(knownKey, memo.known);
        if (known != null) {
            mentions = PerModel.read(site.models(), sameNames ? memo.mentions : Map.of(), m -> t.mentionOps(m, known));
            for (Model m : site.models()) t.apply(mentions.get(m), place(placed, m));
        }
        memo.mentions = mentions;
        memo.known = knownKey;
        memo.knownPattern = known;
        memo.remember(site, t, placed);
        t.passOn(memo);
        return t.sealed();
    }

    /** The ops of {@code m}'s benchmark columns, in the order of its tables ({@code names} holds each name once). */
    private static List<Op> columnOps(Model m, io.modelcards.model.BenchmarkVocabulary vocabulary, Map<String, String> names) {
        List<Op> ops = new ArrayList<>();
        int b = 0;
        for (Block block : m.blocks()) {
            if (block instanceof Block.TableBlock tb) benchmarkColumns(m, tb.table(), b, vocabulary, ops, names);
            b++;
        }
        return ops;
    }

    /** What one model adds to the topics: its benchmark columns' ops and its stated results (and its linked pages). */
    private record Read(List<Op> columns, List<Stated> stated, List<String> linked) {}

    /** The models' placements for serve's memo (null when not kept), each model's made when first asked for. */
    private static Placements place(Map<Model, Placements> placed, Model m) {
        return placed == null ? null : placed.computeIfAbsent(m, k -> new Placements());
    }

    /**
     * Each topic may take its models from the last render's (Topic.models compares what they were read from); a
     * topic whose models were never asked for passes on the one before it, and no older one is kept.
     */
    void passOn(Memo memo) {
        for (Map.Entry<String, Topic> e : byName.entrySet()) {
            Topic old = memo.topics.get(e.getKey());
            if (old != null && old.models == null) old = old.previous;
            e.getValue().previous = old;
        }
        for (Topic old : memo.topics.values()) old.previous = null;
        memo.topics = new java.util.HashMap<>(byName);
    }

    /** What the models added to the topics last time, kept between renders by serve. Not thread-safe. */
    static final class Memo {
        private Map<String, String> canonical = Map.of();
        Map<Model, List<Op>> columns = Map.of();
        /** The last render's topics, by key. */
        private Map<String, Topic> topics = Map.of();
        Map<Model, List<Op>> mentions = Map.of();
        Map<Model, List<Stated>> stated = Map.of();
        private io.modelcards.model.BenchmarkVocabulary vocabulary;
        private String known;
        TopicNames knownPattern;
        /** Where each model's additions landed in {@link #last} (serve's memo only; null in a build's). */
        Map<Model, Placements> placed;
        /** The last call's topics and models. */
        Topics last;
        /** Whether {@link #of} also reads each model's linked pages ({@link #withLinkedPages}). */
        private boolean readLinks;
        List<Model> lastModels = List.of();
        Curated lastCurated;

        /** A memo for serve, which keeps where each model's additions went, to change only those of an edited model. */
        Memo() {
            this(true);
        }

        private Memo(boolean placing) {
            placed = placing ? Map.of() : null;
        }

        void remember(Site site, Topics t, Map<Model, Placements> placements) {
            if (placed == null) return;
            placed = placements;
            last = t;
            lastModels = site.models();
            lastCurated = site.curated();
        }

        /** The names searched for in the cards' text by the last call, or null. */
        TopicNames known() {
            return knownPattern;
        }

        private void clear(Map<String, String> newCanonical) {
            canonical = new TreeMap<>(newCanonical);
            columns = Map.of();
            mentions = Map.of();
            stated = Map.of();
            topics = Map.of();
            known = null;
            knownPattern = null;
            if (placed != null) placed = Map.of();
            last = null;
            lastModels = List.of();
        }
    }

    /** One thing a model adds to the topic written {@code written}: it is looked up (made) first, as topic() does. */
    sealed interface Op permits Touch, Reported, AddMention {
        String written();
    }

    /** Only the look-up: a name met in text, which makes the topic or adds the form to its aliases. */
    record Touch(String written) implements Op {}

    /**
     * A column reporting values on the topic (the topic is a benchmark): its rows that hold a value, each a result made
     * when asked for. The column is its own list of results: a catalogue's topics hold a million columns (1.14 million
     * at 100,000 synthetic cards, where the op, the list and its array of rows were 138 MB at the build's peak) and
     * show at most {@link Leaderboards#MAX_LINES} of a topic's results. Rows under 64 are held as the bits of one
     * {@code long}, others in an array. Immutable.
     */
    static final class Reported extends java.util.AbstractList<Result> implements Op, java.util.RandomAccess {
        private final String written;
        private final Model model;
        private final String metric;
        private final int table;
        private final int column;
        /** The rows as bits (row i is bit i), when every row is under 64; else 0 and {@link #rows} holds them. */
        private final long mask;
        private final int[] rows;

        Reported(String written, Model model, String metric, int table, int column, int[] valueRows, int n) {
            this.written = written;
            this.model = model;
            this.metric = metric;
            this.table = table;
            this.column = column;
            long bits = 0;
            boolean small = true;
            for (int i = 0; i < n && small; i++) {
                if (valueRows[i] >= 64) small = false;
                else bits |= 1L << valueRows[i];
            }
            this.mask = small ? bits : 0;
            this.rows = small ? null : java.util.Arrays.copyOf(valueRows, n);
        }

        @Override
        public String written() {
            return written;
        }

        @Override
        public Result get(int index) {
            if (index < 0 || index >= size()) throw new IndexOutOfBoundsException(index);
            return new Result(model, metric, table, row(index), column);
        }

        /** The row of the index-th value: the index-th set bit of the mask, or the array's. */
        private int row(int index) {
            if (rows != null) return rows[index];
            long bits = mask;
            for (int i = 0; i < index; i++) bits &= bits - 1; // drop the lowest set bit
            return Long.numberOfTrailingZeros(bits);
        }

        /** The number of values: the rows' (not held apart: a column's object is 48 bytes, and there are a million). */
        @Override
        public int size() {
            return rows != null ? rows.length : Long.bitCount(mask);
        }

        /** By identity, as a column's op always was (serve compares runs by instance; results are made on request). */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    record AddMention(String written, Mention mention) implements Op {}

    /** Applies a model's ops in order; with {@code at}, notes where each landed (a run, a mention, else -1). */
    private void apply(List<Op> ops, Placements at) {
        for (Op op : ops) {
            Topic t = topic(op.written());
            int index = -1;
            if (op instanceof Reported c) {
                t.benchmark = true;
                index = t.results.addRun(c, c.size());
            } else if (op instanceof AddMention a) {
                t.mentions.add(a.mention());
                index = t.mentions.size() - 1;
            }
            if (at != null) at.add(t, index);
        }
    }

    /**
     * Where one model's additions went, in the order they were made (its column ops, its front matter datasets, its
     * stated results, its mention ops): the topic's key and the index of the run or mention, -1 for none.
     */
    static final class Placements {
        private String[] keys = new String[8];
        private int[] at = new int[8];
        private int size;

        void add(Topic t, int index) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                at = java.util.Arrays.copyOf(at, size * 2);
            }
            keys[size] = t.key;
            at[size++] = index;
        }

        int size() {
            return size;
        }

        String key(int i) {
            return keys[i];
        }

        int at(int i) {
            return at[i];
        }
    }

    /** The name topic() files a written name under; two names with the same key are the same topic. */
    private String key(String written) {
        return canonicalName(written);
    }

    /**
     * A written name's topic name: its curated canonical name, then the vocabulary's name of the dataset it names
     * ("OKVQA" is OK-VQA; "COCO Captions", a task on COCO's images, is COCO), else the name as written.
     */
    private String canonicalName(String written) {
        String name = canonical.getOrDefault(written.strip(), written.strip());
        var known = vocabulary.find(name);
        return known.isPresent() ? known.get().datasetName() : name;
    }

    io.modelcards.model.BenchmarkVocabulary vocabulary = io.modelcards.model.BenchmarkVocabulary.EMPTY;

    List<Topic> all() {
        List<Topic> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing((Topic x) -> x.name.toLowerCase(Locale.ROOT)).thenComparing(x -> x.name));
        return list;
    }

    List<Topic> benchmarks() {
        return all().stream().filter(x -> x.benchmark).toList();
    }

    /** topic() of each name written, as made by this instance (a name is looked up once). */
    final Map<String, Topic> looked = new java.util.HashMap<>();

    private Topic topic(String written) {
        Topic known = looked.get(written);
        if (known != null) return known; // made, and the name written added to its aliases, already
        Topic t = lookUp(written);
        looked.put(written, t);
        if (late != null) late.looked.add(written);
        return t;
    }

    /** The topic of a dataset named {@code name}, or null when there is none. */
    Topic existing(String name) {
        return byName.get(topicKey(canonicalName(name)));
    }

    /** The topic of a dataset named {@code name}, made if no card named it. */
    Topic named(String name) {
        return topic(name);
    }

    private Topic lookUp(String written) {
        String name = canonicalName(written);
        Topic t = byName.computeIfAbsent(topicKey(name), k -> {
            if (late != null) late.keys.add(k);
            return new Topic(name, uniqueSlug(name), k);
        });
        if (!written.strip().equals(t.name) && t.aliases.add(written.strip()) && late != null) {
            late.aliases.add(Map.entry(t, written.strip()));
        }
        return t;
    }

    final Set<String> slugs = new java.util.HashSet<>();

    /**
     * Names that differ only in case and separators are one topic ("common_voice", "Common Voice",
     * "common-voice"); "RefCOCO+" and "RefCOCO" are two, with two pages (refcoco, refcoco-2).
     */
    private static String topicKey(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    /** Names that differ only in punctuation (RefCOCO, RefCOCO+) get pages of their own: the later one a "-2". */
    private String uniqueSlug(String name) {
        String base = topicSlug(name);
        String s = base;
        for (int i = 2; !slugs.add(s); i++) s = base + "-" + i;
        return s;
    }

    private static void benchmarkColumns(Model m, Table table, int block,
                                         io.modelcards.model.BenchmarkVocabulary vocabulary, List<Op> ops,
                                         Map<String, String> names) {
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            if (!isBenchmarkColumn(col, vocabulary)) continue;
            ops.add(column(names.computeIfAbsent(col.benchmark(), k -> k), m, table, block, c,
                    names.computeIfAbsent(metric(col), k -> k)));
        }
    }

    /**
     * A column whose header names a benchmark on its first line ({@code VQAv2<br>OE VQA acc.}): one the vocabulary
     * knows (any, without a vocabulary). Other two-line headers ({@code Qwen3-235B<br>(non-thinking)}) are models; their
     * values reach the topics as the model's results.
     */
    static boolean isBenchmarkColumn(Column col, io.modelcards.model.BenchmarkVocabulary vocabulary) {
        if (col.benchmark().isBlank()) return false;
        return vocabulary.size() == 0 || vocabulary.find(col.benchmark()).isPresent();
    }

    /** The metric of a benchmark column; a header written under another name (RenderedSST2 for SST-2) keeps it. */
    static String metric(Column col) {
        return col.text().startsWith(col.benchmark()) ? col.metric() : col.text();
    }

    /** The values of column {@code c} of {@code table}, the table of the model's block number {@code block}. */
    private static Reported column(String written, Model m, Table table, int block, int c, String metric) {
        List<Row> rows = table.rows();
        int[] valueRows = new int[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (c >= r.cells().size()) continue;
            Cell cell = r.cells().get(c);
            if (!isValue(cell)) continue;
            valueRows[n++] = i;
        }
        return new Reported(written, m, metric, block, c, valueRows, n);
    }

    private static boolean isValue(Cell cell) {
        CellValue v = cell.value();
        if (v instanceof CellValue.Missing || v instanceof CellValue.Flag) return false;
        return Texts.hasDigit(cell.text());
    }

    /** The row's name: its group or first cell, then the short cells between it and the value ("Shots 8"). */
    static String rowLabel(Table table, Row r, int valueColumn) {
        List<String> parts = new ArrayList<>();
        int first = 0;
        List<Cell> cells = r.cells();
        if (!cells.isEmpty() && DIGITS.matcher(cells.get(0).text().strip()).matches()
                && (table.columns().isEmpty() || table.columns().get(0).text().isBlank())) first = 1;
        String name = first < cells.size() && !cells.get(first).text().isBlank() ? cells.get(first).text().strip()
                : r.group();
        if (!name.isBlank()) parts.add(name);
        for (int c = first + 1; c < Math.min(valueColumn, cells.size()); c++) {
            Column col = c < table.columns().size() ? table.columns().get(c) : null;
            if (col == null || !col.benchmark().isBlank()) break;
            String text = cells.get(c).text().strip();
            if (text.isEmpty() || text.length() > 16 || text.contains(",")) continue;
            parts.add(col.text().isBlank() ? text : col.text().strip() + " " + text);
        }
        return String.join(" · ", parts);
    }

    /** A result a card states beyond its benchmark columns: the topic it is filed under, and whether that is a benchmark. */
    record Stated(String written, boolean benchmark, Result result) {}

    /**
     * The results each card reports that its benchmark columns do not already show ({@code stated}: tables read
     * either way, lists, prose, the front matter model-index and .eval_results files), filed under their topics in
     * catalogue order, then curated.yaml's.
     */
    private void curatedResults(Site site, Map<Model, List<Stated>> stated, Map<Model, Placements> placed) {
        for (Model m : site.models()) {
            Placements at = place(placed, m);
            for (Stated st : stated.get(m)) {
                Topic topic = topic(st.written());
                if (st.benchmark()) topic.benchmark = true;
                int index = topic.results.addRun(List.of(st.result()), 1);
                if (at != null) at.add(topic, index);
            }
        }
        for (Curated.Result r : site.curated().results()) {
            Model m = modelNamed(site, r.model());
            String label = r.model() + (r.split().isEmpty() ? "" : " (" + r.split() + ")");
            if (m == null) {
                m = modelStating(site, r.source());
                if (m == null) continue;
                label = r.model() + (r.split().isEmpty() ? "" : " (" + r.split() + ")") + ", stated in " + m.name();
            }
            topic(r.dataset()).results.add(new Result(m, label, r.metric(), r.value()));
        }
    }

    /** A row by its table's id and its own (the ids' hashes are their Strings', made once; a joined text's was not). */
    private record RowOf(String table, String row) {}

    private static List<Stated> stated(Model m, io.modelcards.model.BenchmarkVocabulary vocabulary) {
        List<Stated> out = new ArrayList<>();
        Map<String, Integer> tables = null; // the block of each table, by the table's id
        Map<RowOf, Integer> rows = null; // by table and row id
        List<Block> blocks = null;
        // a model's results repeat a few variants and settings: each label is made once (made for each result, the
        // labels were 3 % of the bytes a build of 10,000 synthetic cards allocates)
        Map<List<Object>, String> labels = new java.util.HashMap<>();
        for (io.modelcards.model.Result r : m.results()) {
            if (r.benchmark().isBlank()) continue;
            var first = r.origins().get(0);
            if (first.kind() == io.modelcards.model.Result.Kind.CURATED) continue; // with curated.yaml's
            String label = labels.computeIfAbsent(List.of(r.variant(), r.baseline(), r.setting()), k -> {
                String who = r.variant().isEmpty() ? m.name()
                        : r.variant() + (r.baseline() ? ", reported in " + m.name() : "");
                return who + (r.setting().isEmpty() ? "" : " (" + r.setting() + ")");
            });
            String metric = r.metric().isEmpty() ? "score" : r.metric();
            Result result = null;
            if (first.kind() == io.modelcards.model.Result.Kind.TABLE) {
                if (tables == null) {
                    tables = new java.util.HashMap<>();
                    rows = new java.util.HashMap<>();
                    blocks = m.blocks();
                    for (int bi = 0; bi < blocks.size(); bi++) {
                        if (!(blocks.get(bi) instanceof Block.TableBlock tb)) continue;
                        Table t = tb.table();
                        tables.put(t.id(), bi);
                        for (int ri = 0; ri < t.rows().size(); ri++) rows.put(new RowOf(t.id(), t.rows().get(ri).id()), ri);
                    }
                }
                Integer bi = tables.get(first.table());
                if (bi == null) continue;
                Table t = ((Block.TableBlock) blocks.get(bi)).table();
                if (first.column() < t.columns().size() && isBenchmarkColumn(t.columns().get(first.column()), vocabulary)) {
                    continue; // a benchmark column: shown with its column
                }
                Integer ri = rows.get(new RowOf(t.id(), first.row()));
                if (ri == null || first.column() >= t.rows().get(ri).cells().size()) continue;
                result = new Result(m, label, metric, bi, ri, first.column());
            } else {
                result = new Result(m, label, metric, r.value());
            }
            out.add(new Stated(r.benchmark(), r.known() || first.kind() == io.modelcards.model.Result.Kind.MODEL_INDEX, result));
        }
        return out;
    }

    private static Model modelNamed(Site site, String name) {
        for (Model m : site.models()) if (m.name().equalsIgnoreCase(name) || m.heading().equalsIgnoreCase(name)) return m;
        return null;
    }

    private static Model modelStating(Site site, String source) {
        if (source.isBlank()) return null;
        for (Model m : site.models()) {
            for (Block b : m.blocks()) if (b instanceof Block.Prose p && p.text().contains(source)) return m;
        }
        return null;
    }

    /** Every name of a known topic, found as whole words; longest first, which orders the key serve compares. */
    private TopicNames knownNames(Curated curated) {
        Set<String> names = new LinkedHashSet<>();
        for (Topic t : byName.values()) {
            names.add(t.name);
            names.addAll(t.aliases);
        }
        for (Topic t : byName.values()) {
            curated.aliases().getOrDefault(t.name, List.of()).forEach(names::add);
        }
        // a name without a letter ("92.7", "2021") would be found in every card that prints that number
        names.removeIf(n -> n.length() < 3 || n.codePoints().noneMatch(Character::isLetter));
        if (names.isEmpty()) return null;
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new TopicNames(sorted);
    }

    /** What a model's tables and text add by naming the topics {@code known} finds. */
    List<Op> mentionOps(Model m, TopicNames known) {
        List<Op> ops = new ArrayList<>();
        int b = 0;
        for (Block block : m.blocks()) {
            if (block instanceof Block.TableBlock t) namedColumns(m, t.table(), b, known, ops);
            b++;
        }
        proseMentions(m, known, ops);
        return ops;
    }

    /** Columns that name a known dataset in their header report values on it; cells that name one mention it. */
    private void namedColumns(Model m, Table table, int block, TopicNames known, List<Op> ops) {
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            if (!col.benchmark().isBlank()) continue;
            TopicNames.Match h = known.find(col.text(), 0);
            if (h != null) {
                ops.add(column(h.name(), m, table, block, c, col.text().strip()));
                continue;
            }
            for (Row r : table.rows()) {
                if (c >= r.cells().size()) continue;
                Map<String, String> seen = new java.util.LinkedHashMap<>(); // key → the first name written
                Set<String> keys = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                known.findAll(r.cells().get(c).text(), name -> {
                    ops.add(new Touch(name));
                    if (keys.add(key(name))) seen.put(key(name), name);
                });
                if (seen.isEmpty()) continue;
                String where = (col.text().isBlank() ? "table" : "column " + col.text().strip()) + " of "
                        + rowLabel(table, r, c);
                for (String written : seen.values()) ops.add(new AddMention(written, new Mention(m, where, r.id())));
            }
        }
    }

    /**
     * The names {@code known} finds in a model's prose and lists, in order: what its mentions in text are made of
     * (with the model), so two models with the same list mention the same topics in the same words.
     */
    static List<String> namesInText(Model m, TopicNames known) {
        List<String> names = new ArrayList<>();
        for (Block b : m.blocks()) known.findAll(text(b), names::add);
        return names;
    }

    private static String text(Block b) {
        return b instanceof Block.Prose p ? p.text()
                : b instanceof Block.ListBlock l ? org.jsoup.Jsoup.parseBodyFragment(String.join(" ", l.items())).text() : "";
    }

    private void proseMentions(Model m, TopicNames known, List<Op> ops) {
        List<String> seen = new ArrayList<>(); // the first name written of each topic
        Set<String> keys = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : namesInText(m, known)) {
            ops.add(new Touch(name));
            if (keys.add(key(name))) seen.add(name);
        }
        for (String written : seen) ops.add(new AddMention(written, new Mention(m, "text", "")));
    }

    /** Lowercase ASCII slug, as parse.Slugs makes them (render does not import parse). */
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DASH_ENDS = Pattern.compile("^-+|-+$");

    /**
     * A topic's page name: its slug, or for a name without ASCII letters or digits ("日本語"), "topic-" and a hash
     * of the name, so that two such names get two pages.
     */
    static String topicSlug(String name) {
        String s = slug(name);
        if (!s.equals("topic")) return s;
        return "topic-" + Integer.toHexString(name.strip().toLowerCase(Locale.ROOT).hashCode());
    }

    static String slug(String text) {
        if (isAscii(text)) return asciiSlug(text);
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String s = DASH_ENDS.matcher(NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        return s.isEmpty() ? "topic" : s;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return false;
        return true;
    }

    /**
     * {@link #slug} of an ASCII text, which decomposition leaves as it is and which holds no combining mark: lower
     * case, each run of other characters than letters and digits one dash, none at the ends. Without the three
     * regular expressions (a chart's and a heading's id on every model page).
     */
    private static String asciiSlug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && sb.length() > 0) sb.append('-');
                gap = false;
                sb.append(c);
            } else {
                gap = true;
            }
        }
        return sb.length() == 0 ? "topic" : sb.toString();
    }
}
