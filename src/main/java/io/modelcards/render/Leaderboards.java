package io.modelcards.render;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The catalogue's results ({@code Model.results()}) grouped into leaderboards. A benchmark is a vocabulary entry (so
 * one task on one dataset: COCO detection and COCO Captions are two) or, unknown to the vocabulary, a name and a task.
 * Names the vocabulary does not know are benchmarks only where a card declares results on them (model-index).
 * Each benchmark has one leaderboard per set of metrics reported together (Winoground's group, text and image are one).
 * A leaderboard's lines are who scored (the card's model or variant, or a baseline it reports) under which setting;
 * lines are ranked within each setting (0 shots apart from 8 shots), results the card marks as not comparable
 * (its fine-tuning data holds the benchmark) after the comparable ones and without a rank, lines without the ranking
 * metric last.
 * <p>
 * A loop over a benchmark's entries or lines calls a method per item, which does the work: a build groups each
 * benchmark in one call over as many as 10,000s of entries, and with the launcher's JIT settings (no on-stack
 * replacement, see README "Heap and JIT") a loop runs in the interpreter until its method returns, while a method
 * called per item is compiled after a few hundred. Written as one long loop, the leaderboards of 10,000 synthetic
 * cards spent most of their time interpreted. The loop itself, in a method called once per board, still ran
 * interpreted, so the longest loops hand their items over in chunks ({@link #each}).
 */
final class Leaderboards {
    /**
     * The settings' dimensions, in order: {@code values()} copies its array at every call, and setting order asked it of
     * every comparison while a board's lines were sorted (100 MB of copies at 10,000 synthetic cards). Never written.
     */
    private static final Settings.Dimension[] DIMENSIONS = Settings.Dimension.values();

    /** A leaderboard shows at most this many lines, so a benchmark every model reports stays readable. */
    static final int MAX_LINES = 500;

    /** How many items a loop over a board's lines or a benchmark's entries hands to a method at a time ({@link #each}). */
    private static final int CHUNK = 64;

    /**
     * Calls {@code action} on each of {@code items}, in order, {@value #CHUNK} at a time from a method of its own. A
     * loop over a benchmark's 10,000s of lines in a method called once per board runs in the interpreter (the launcher
     * turns on-stack replacement off), calls included: at 10,000 synthetic cards the loops of ranking and grouping were
     * 3.6 % of the build's samples. The chunks' method is called for every chunk of every board and compiled after a
     * few hundred.
     */
    private static <T> void each(List<T> items, java.util.function.Consumer<? super T> action) {
        int n = items.size();
        for (int from = 0; from < n; from += CHUNK) chunk(items, from, Math.min(n, from + CHUNK), action);
    }

    private static <T> void chunk(List<T> items, int from, int to, java.util.function.Consumer<? super T> action) {
        for (int i = from; i < to; i++) action.accept(items.get(i));
    }

    /** Like {@link #each(List, java.util.function.Consumer)} for the numbers 0 to {@code n - 1}. */
    private static void each(int n, java.util.function.IntConsumer action) {
        for (int from = 0; from < n; from += CHUNK) chunk(from, Math.min(n, from + CHUNK), action);
    }

    private static void chunk(int from, int to, java.util.function.IntConsumer action) {
        for (int i = from; i < to; i++) action.accept(i);
    }

    /** Whether {@code test} holds for one of {@code items}, asked in order until it does, as {@link #each} does. */
    private static <T> boolean any(List<T> items, java.util.function.Predicate<? super T> test) {
        int n = items.size();
        for (int from = 0; from < n; from += CHUNK) if (any(items, from, Math.min(n, from + CHUNK), test)) return true;
        return false;
    }

    private static <T> boolean any(List<T> items, int from, int to, java.util.function.Predicate<? super T> test) {
        for (int i = from; i < to; i++) if (test.test(items.get(i))) return true;
        return false;
    }

    /** Error rates, losses and perplexities are better when lower, named so in the vocabulary or not. */
    private static final Pattern LOWER_IS_BETTER = Pattern.compile("(?i)\\b(wer|cer|error|loss|perplexity|ppl)\\b");

    /**
     * One result placed on a leaderboard: under {@code benchmark} (the vocabulary's entry when {@code known} is not
     * null), with its metric as shown, its setting read, and the notes of the table column it was read from. It holds
     * what grouping and ranking read (the value, who and the setting); the {@link #result} itself, the model's
     * {@code index}-th, is set when the entry is made from results held as objects (serve), or by {@link #resolve} for
     * the entries of the lines a build's boards show: a build holds its models' results encoded (build.StoredList),
     * and its 1.2 million entries would hold every result decoded while they group.
     */
    static final class Entry {
        private final Model model;
        private final int index;
        private volatile Result result;
        private final BigDecimal value;
        private final String variant;
        private final boolean baseline;
        /** Where it goes: benchmark, task, metric, settings and notes, one instance for the entries of a column in a build. */
        private final Kind kind;

        /** Benchmark, task, metric, settings and notes of an entry. */
        static final class Kind {
            private final String benchmark;
            private final BenchmarkVocabulary.Benchmark known;
            private final String task;
            private final String metric;
            private final Settings settings;
            private final List<Note> notes;
            /**
             * Made once: the entries' encoder looks each entry's kind up by it (1.3 million at 10,000 synthetic cards),
             * and a record's hash went through the vocabulary entry's lists and the settings each time.
             */
            private final int hash;

            Kind(String benchmark, BenchmarkVocabulary.Benchmark known, String task, String metric, Settings settings,
                 List<Note> notes) {
                this.benchmark = benchmark;
                this.known = known;
                this.task = task;
                this.metric = metric;
                this.settings = settings;
                this.notes = List.copyOf(notes);
                this.hash = java.util.Objects.hash(benchmark, known, task, metric, settings, this.notes);
            }

            String benchmark() {
                return benchmark;
            }

            BenchmarkVocabulary.Benchmark known() {
                return known;
            }

            String task() {
                return task;
            }

            String metric() {
                return metric;
            }

            Settings settings() {
                return settings;
            }

            List<Note> notes() {
                return notes;
            }

            @Override
            public boolean equals(Object o) {
                return o == this || o instanceof Kind k && hash == k.hash && java.util.Objects.equals(benchmark, k.benchmark)
                        && java.util.Objects.equals(known, k.known) && java.util.Objects.equals(task, k.task)
                        && java.util.Objects.equals(metric, k.metric) && java.util.Objects.equals(settings, k.settings)
                        && notes.equals(k.notes);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }

        Entry(Model model, int index, Result result, boolean keep, BigDecimal value, Kind kind) {
            this.model = model;
            this.index = index;
            this.result = keep ? result : null;
            this.value = value;
            this.variant = result.variant();
            this.baseline = result.baseline();
            this.kind = kind;
        }

        /** An entry without its result, as {@link StoredEntries} keeps it (see {@link #resolve}). */
        Entry(Model model, int index, BigDecimal value, String variant, boolean baseline, Kind kind) {
            this.model = model;
            this.index = index;
            this.value = value;
            this.variant = variant;
            this.baseline = baseline;
            this.kind = kind;
        }

        /** An entry holding its result (tests, and whatever groups results held as objects). */
        Entry(Model model, Result result, String benchmark, BenchmarkVocabulary.Benchmark known, String task,
              String metric, Settings settings, List<Note> notes) {
            this(model, -1, result, true, result.value(), new Kind(benchmark, known, task, metric, settings, notes));
        }

        Model model() {
            return model;
        }

        /** Its result's place among its model's results (-1 when made from a result alone). */
        int index() {
            return index;
        }

        Kind kind() {
            return kind;
        }

        /** The result; for a build's entries, only those of the lines shown ({@link #resolve}). */
        Result result() {
            Result r = result;
            if (r == null) throw new IllegalStateException("a leaderboard entry's result is read before it is resolved");
            return r;
        }

        BigDecimal value() {
            return value;
        }

        String variant() {
            return variant;
        }

        boolean baseline() {
            return baseline;
        }

        String benchmark() {
            return kind.benchmark();
        }

        BenchmarkVocabulary.Benchmark known() {
            return kind.known();
        }

        String task() {
            return kind.task();
        }

        String metric() {
            return kind.metric();
        }

        Settings settings() {
            return kind.settings();
        }

        List<Note> notes() {
            return kind.notes();
        }

        boolean comparable() {
            for (Note n : kind.notes()) if (n.notComparable()) return false;
            return true;
        }
    }

    /** One line: who scored, under which setting, with a value per metric (by metric key). */
    static final class Line {
        /** The model of its entries (serve's {@link #moveEntries} puts a newer instance of it, of the same slug and name). */
        Model model;
        final String variant;
        final boolean baseline;
        final Settings settings;
        final SmallMap<String, Entry> values = new SmallMap<>();
        /** The line's place by value in its setting (1 first, ties shared); 0 without a ranking value. */
        int rank;
        /**
         * The metrics (keys) whose best comparable value of its setting this line holds: most lines hold none, so the
         * set is made on the first ({@link #markBest}).
         */
        Set<String> best = Set.of();
        /**
         * Where its first entry is in its benchmark's entries: lines are made in that order, so a board's lines (before
         * {@link Board#keepShownLines}) are sorted by it, and ties among equal values keep it.
         */
        private final int order;
        /**
         * Its value of the ranking metric while its setting's lines are ranked ({@link #rank}), and that value as a
         * double: kept in the line, as an object beside each line was 25 MB more while a benchmark of 800,000 lines
         * was ranked (100,000 synthetic cards).
         */
        private BigDecimal ranking;
        private double approximate;

        Line(Model model, String variant, boolean baseline, Settings settings, int order) {
            this.model = model;
            this.variant = variant;
            this.baseline = baseline;
            this.settings = settings;
            this.order = order;
        }

        /** Where its first entry is in its benchmark's entries (see {@link #order}). */
        int order() {
            return order;
        }

        /** Sets its ranking value (and that value as a double) while its setting's lines are ranked. */
        void ranking(BigDecimal v) {
            ranking = v;
            approximate = v.doubleValue();
        }

        void markBest(String metric) {
            if (best.isEmpty()) best = new java.util.HashSet<>(2);
            best.add(metric);
        }

        /** Comparable unless a value of the ranking metric (or, without one, any value) is marked otherwise. */
        boolean comparable(String primary) {
            Entry e = values.get(primary);
            return e != null ? e.comparable() : !anyNotComparable();
        }

        BigDecimal value(String metric) {
            Entry e = values.get(metric);
            return e == null ? null : e.value();
        }

        boolean anyNotComparable() {
            for (int i = 0; i < values.size(); i++) if (!values.valueAt(i).comparable()) return true;
            return false;
        }

        /**
         * The name shown: the variant, after the model's name when it does not name the model itself (contain its name,
         * or start with the same word: "Gemma 3 PT 27B" of "Gemma 3 model card").
         */
        String who() {
            if (variant.isEmpty()) return model.name();
            if (baseline) return variant;
            String v = BenchmarkVocabulary.key(variant);
            String m = BenchmarkVocabulary.key(model.name());
            String first = BenchmarkVocabulary.key(FIRST_WORD.matcher(model.name().strip()).replaceFirst("$1"));
            boolean named = m.isEmpty() || v.contains(m) || (first.length() >= 3 && v.startsWith(first));
            return named ? variant : model.name() + " · " + variant;
        }

        private static final Pattern FIRST_WORD = Pattern.compile("^([^\\s_-]+).*$", Pattern.DOTALL);
    }

    /** A leaderboard: one benchmark's lines for one set of metrics, in setting groups, each group ranked. */
    static final class Board {
        /** Its view on the benchmark page and what it was made for (BenchmarkPages): made once per board. */
        CatalogueViews.BoardView view;
        String viewKey;
        /**
         * The last table and chart made of it, with the view key and id they were made for, and the lines whose entries
         * {@link #moveEntries} swapped since: serve makes only those lines' rows again, and the chart only when a
         * swapped model's variants (its sizes) differ.
         */
        LeaderboardTable.Made table;
        String tableKey;
        Set<Line> moved = Set.of();
        LeaderboardChart.Made chart;
        String chartId;
        final Benchmark benchmark;
        final String task;
        /** Metric keys in column order, with the name shown for each and whether higher is better. */
        final List<String> metrics = new ArrayList<>();
        final Map<String, String> metricNames = new HashMap<>();
        final Map<String, Boolean> higherIsBetter = new HashMap<>();
        /** The metric lines are ranked by: the one most lines have. */
        String primary;
        /** The setting dimensions some line states, in order. */
        final List<Settings.Dimension> dimensions = new ArrayList<>();
        /** Lines by setting, groups in setting order; in each, the ranked lines first. */
        final List<List<Line>> groups = new ArrayList<>();
        /** Lines not shown (beyond {@link #MAX_LINES}). */
        int dropped;
        /** Its id on the benchmark page ("lb-oe-vqa-acc"), unique there with the ids of its parts. */
        String id = "";
        /** Every line, shown or not (see {@link #keepShownLines}). */
        private List<Line> lines = new ArrayList<>();
        /** Whether {@link #lines} are in the order they were made (by {@link Line#order}): until keepShownLines. */
        private boolean linesInOrder = true;

        Board(Benchmark benchmark, String task) {
            this.benchmark = benchmark;
            this.task = task;
        }

        /** The metrics as shown, in column order: "group, text, image". */
        String metricList() {
            List<String> names = new ArrayList<>();
            for (String m : metrics) names.add(metricNames.get(m));
            return String.join(", ", names);
        }

        List<Line> lines() {
            List<Line> all = new ArrayList<>();
            for (List<Line> g : groups) all.addAll(g);
            return all;
        }

        int results() {
            int n = 0;
            for (List<Line> g : groups) for (Line l : g) n += l.values.size();
            return n;
        }

        /** The models with a line, each once, in catalogue order. */
        /** The models on the board, in line order; made once, when the board is complete (render reads it often). */
        private List<Model> models;

        synchronized List<Model> models() {
            if (models != null) return models;
            Set<Model> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            List<Model> out = new ArrayList<>();
            each(lines, l -> {
                if (seen.add(l.model)) out.add(l.model);
            });
            models = java.util.Collections.unmodifiableList(out);
            return models;
        }

        /** Made once: an entry moved in (the same result stated on another line) is as comparable as the one before. */
        private Boolean notComparable;

        synchronized boolean hasNotComparable() {
            if (notComparable == null) notComparable = anyNotComparable();
            return notComparable;
        }

        /**
         * For leaderboards made once (a build): what reads every line (its models, its marks) is made now, and only
         * the lines shown are kept. A board of a benchmark every model reports holds a line for each, and the lines
         * and entries of the 1.2 million results of 10,000 cards were 170 MB, for 10,000 lines shown.
         */
        synchronized void keepShownLines() {
            models();
            hasNotComparable();
            lines = new ArrayList<>(lines());
            linesInOrder = false;
        }

        private boolean anyNotComparable() {
            return any(lines, Line::anyNotComparable);
        }
    }

    /** A benchmark with its leaderboards; {@code known} is its vocabulary entry, or null. */
    static final class Benchmark {
        final String name;
        final BenchmarkVocabulary.Benchmark known;
        final List<Board> boards = new ArrayList<>();
        String slug = "";
        /** What its boards give the model pages ({@link ModelRanks}), made once; a benchmark serve keeps keeps it. */
        ModelRanks.Part ranks;
        /** The models (by slug) whose rows in {@link #ranks} are to be made again: their entries moved. */
        Set<String> staleRanks = Set.of();

        Benchmark(String name, BenchmarkVocabulary.Benchmark known) {
            this.name = name;
            this.known = known;
        }

        /** The dataset it is a task on, by name: the vocabulary's, else its own name. */
        String datasetName() {
            return known == null ? name : known.datasetName();
        }

        String derivedFrom() {
            return known == null ? "" : known.derivedFrom();
        }

        private List<Model> models;

        synchronized List<Model> models() {
            if (models != null) return models;
            Set<Model> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            List<Model> out = new ArrayList<>();
            for (Board b : boards) for (Model m : b.models()) if (seen.add(m)) out.add(m);
            models = java.util.Collections.unmodifiableList(out);
            return models;
        }

        int results() {
            int n = 0;
            for (Board b : boards) n += b.results();
            return n;
        }
    }

    private final List<Benchmark> benchmarks;

    /** The models' standings (ModelRanks), made once per leaderboards. */
    private ModelRanks ranks;

    /** The leaderboards these were made from by moving the entries of the models {@link #moved} (serve), or null. */
    private Leaderboards before;
    private Set<String> moved = Set.of();

    synchronized ModelRanks ranks() {
        if (ranks == null) {
            ModelRanks last = before == null ? null : before.ranks;
            ranks = last != null ? ModelRanks.of(this, last, moved) : ModelRanks.of(this);
            before = null;
        }
        return ranks;
    }

    private Leaderboards(List<Benchmark> benchmarks) {
        this.benchmarks = benchmarks;
    }

    /** The benchmarks, by name (case-insensitive), each with a slug of its own. */
    List<Benchmark> benchmarks() {
        return benchmarks;
    }

    /**
     * The most entries a build groups at once: 2 million (about 250 MB with their lists and lines, 125 bytes an entry),
     * or fewer when a fifth of the heap holds fewer. A catalogue with more results groups its benchmarks in batches of at
     * most this many entries (each batch reads its own from {@link StoredEntries}), so that 100,000 cards (11 million
     * entries, 1.4 GB at once) build in a 512 MB heap; a benchmark is never split, so the largest may be more. The system property {@value #BATCH_PROPERTY} sets it (tests use
     * small batches).
     */
    static final long BATCH_ENTRIES = Math.max(100_000, Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 5 / 125));
    static final String BATCH_PROPERTY = "modelcards.leaderboardBatch";

    /**
     * The leaderboards of a build, made once and never patched: nothing is kept for a next render, each benchmark is
     * grouped on its own (on every core) and keeps only the lines it shows, so that only the entries (of one batch of
     * benchmarks, see {@link #BATCH_ENTRIES}) and two benchmarks' lines are held at a time. Gives what
     * {@link #of(Site, Memo)} gives.
     */
    static Leaderboards of(Site site) {
        return of(site, (Scratch) null);
    }

    /**
     * Like {@link #of(Site)}; a catalogue of more results than one batch keeps every model's entries, made once, in
     * {@code scratch} (in the heap when it is null) until its batch reads them ({@link StoredEntries}).
     */
    static Leaderboards of(Site site, Scratch scratch) {
        BenchmarkVocabulary vocabulary = site.curated().benchmarks();
        Map<String, String> metricKeys = new java.util.concurrent.ConcurrentHashMap<>();
        long batch = Long.getLong(BATCH_PROPERTY, BATCH_ENTRIES);
        long results = 0;
        for (Model m : site.models()) results += m.results().size(); // no list is read for its size
        if (results <= batch) {
            Map<Object, Object> values = new java.util.concurrent.ConcurrentHashMap<>();
            return named(new ArrayList<>(grouped(site.models(), vocabulary, values, metricKeys)));
        }
        // every model's entries made once (its results and tables read once) and kept by benchmark; then batches of
        // whole benchmarks, in order of first appearance, each reading only its own entries
        StoredEntries store = new StoredEntries(scratch);
        List<StoredEntries.Made> made = site.models().parallelStream()
                .map(m -> store.store(entries(m, vocabulary), Leaderboards::keyOf)).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StoredEntries.Made m : made) addCounts(m.stored().keys(), m.counts(), counts);
        List<StoredEntries.Stored> stored = made.stream().map(StoredEntries.Made::stored).toList(); // counts summed
        made = null;
        java.util.Set<String> slugs = new java.util.HashSet<>();
        boolean inRuns = true;
        for (Model m : site.models()) inRuns &= slugs.add(m.slug());
        slugs = null;
        List<Benchmark> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        long n = 0;
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            if (n + c.getValue() > batch && !keys.isEmpty()) {
                out.addAll(grouped(site.models(), stored, store, keys, counts, metricKeys, inRuns));
                keys = new java.util.HashSet<>();
                n = 0;
            }
            keys.add(c.getKey());
            n += c.getValue();
        }
        if (!keys.isEmpty()) out.addAll(grouped(site.models(), stored, store, keys, counts, metricKeys, inRuns));
        return named(out);
    }

    private static void addCounts(String[] keys, int[] ns, Map<String, Long> counts) {
        for (int i = 0; i < keys.length; i++) counts.merge(keys[i], (long) ns[i], Long::sum);
    }

    /** The benchmarks of every model's entries, grouped, their shown lines resolved. */
    private static List<Benchmark> grouped(List<Model> models, BenchmarkVocabulary vocabulary, Map<Object, Object> values,
                                           Map<String, String> metricKeys) {
        List<List<Entry>> read = models.parallelStream().map(m -> entries(m, vocabulary, values)).toList();
        return grouped(read, metricKeys);
    }

    /**
     * The benchmarks of the entries kept in {@code stored} (by model) whose key is in {@code keys}, grouped, their shown
     * lines resolved; a model none of whose keys is in {@code keys} is not read. Each entry goes into its benchmark's
     * lines as it is read, model by model: no list of a batch's entries is made (at 100,000 synthetic cards one
     * benchmark has 2.5 million entries, and their lists were 30 MB of a heap with little room left). {@code inRuns}:
     * no two models have the same slug (so each model's entries of a benchmark come in one run, see {@link #lines}).
     * <p>
     * The keys are dealt into shares of about as many entries ({@code counts}), one per core, and each share is read
     * and grouped on a core of its own: a benchmark's lines are made from its entries in catalogue order by one core,
     * as before, and the benchmarks come in order of first appearance, as one pass over the models would meet them. On
     * one core this pass was half of the leaderboards' time at 10,000 synthetic cards (1 million entries).
     */
    private static List<Benchmark> grouped(List<Model> models, List<StoredEntries.Stored> stored, StoredEntries store,
                                           java.util.Set<String> keys, Map<String, Long> counts,
                                           Map<String, String> metricKeys, boolean inRuns) {
        List<java.util.Set<String>> shares = shares(keys, counts, Runtime.getRuntime().availableProcessors());
        List<Grouping> found = new ArrayList<>();
        for (List<Grouping> g : shares.parallelStream().map(share -> grouped(models, stored, store, share, metricKeys,
                inRuns)).toList()) {
            found.addAll(g);
        }
        found.sort(Comparator.comparingLong(g -> g.firstAt));
        Grouping[] parts = found.toArray(new Grouping[0]);
        found = null;
        List<Benchmark> out = java.util.stream.IntStream.range(0, parts.length).parallel().mapToObj(i -> {
            Grouping g = parts[i];
            parts[i] = null; // the lines not shown go once its boards are made
            return boards(new Benchmark(g.first.benchmark(), g.first.known()), g.maker.byTask);
        }).toList();
        resolve(out);
        return out;
    }

    /** The groupings of one share of a batch's keys, each when its first entry is read (see {@link Grouping#firstAt}). */
    private static List<Grouping> grouped(List<Model> models, List<StoredEntries.Stored> stored, StoredEntries store,
                                          java.util.Set<String> share, Map<String, String> metricKeys, boolean inRuns) {
        Map<String, Grouping> byKey = new HashMap<>();
        List<Grouping> made = new ArrayList<>();
        each(models.size(), i -> {
            StoredEntries.Stored s = stored.get(i);
            for (String k : s.keys()) {
                if (share.contains(k)) {
                    store.read(models.get(i), s, share, (key, e) -> {
                        Grouping g = byKey.get(key);
                        if (g == null) {
                            g = new Grouping(e, inRuns, metricKeys, firstAt(i, s.keys(), key));
                            byKey.put(key, g);
                            made.add(g);
                        }
                        g.add(e);
                    });
                    return;
                }
            }
        });
        return made;
    }

    /** Where a pass over the models meets key {@code key} first: in model {@code model}, the keys of its entries. */
    private static long firstAt(int model, String[] keys, String key) {
        int k = 0;
        while (!keys[k].equals(key)) k++;
        return (long) model << 32 | k;
    }

    /**
     * {@code keys} dealt into at most {@code n} shares of about as many entries: the largest first, each to the share
     * with the fewest so far.
     */
    static List<java.util.Set<String>> shares(java.util.Set<String> keys, Map<String, Long> counts, int n) {
        List<String> bySize = new ArrayList<>(keys);
        bySize.sort(Comparator.comparingLong((String k) -> counts.getOrDefault(k, 0L)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        int shares = Math.max(1, Math.min(n, bySize.size()));
        List<java.util.Set<String>> out = new ArrayList<>();
        long[] sizes = new long[shares];
        for (int i = 0; i < shares; i++) out.add(new java.util.HashSet<>());
        for (String k : bySize) {
            int least = 0;
            for (int i = 1; i < shares; i++) if (sizes[i] < sizes[least]) least = i;
            out.get(least).add(k);
            sizes[least] += counts.getOrDefault(k, 0L);
        }
        return out;
    }

    /** A benchmark's lines being made from its entries, as they are read; its first entry names it. */
    private static final class Grouping {
        final Entry first;
        final LineMaker maker;
        /** Where its first entry was read: its model's place, then its key's place among that model's keys. */
        final long firstAt;
        private int next;

        Grouping(Entry first, boolean inRuns, Map<String, String> metricKeys, long firstAt) {
            this.first = first;
            this.maker = new LineMaker(inRuns, metricKeys);
            this.firstAt = firstAt;
        }

        void add(Entry e) {
            maker.add(e, next++);
        }
    }

    /** The benchmarks of {@code read} (each model's entries, in catalogue order), grouped, their shown lines resolved. */
    private static List<Benchmark> grouped(List<List<Entry>> read, Map<String, String> metricKeys) {
        Map<String, List<Entry>> entriesOf = partition(read, Map.of(), null);
        read = null; // the entries are in entriesOf
        @SuppressWarnings("unchecked")
        List<Entry>[] parts = entriesOf.values().toArray(new List[0]);
        entriesOf = null;
        List<Benchmark> out = java.util.stream.IntStream.range(0, parts.length).parallel().mapToObj(i -> {
            List<Entry> entries = parts[i];
            parts[i] = null; // the entries of lines not shown go with their lines
            Benchmark b = new Benchmark(entries.get(0).benchmark(), entries.get(0).known());
            Map<String, List<Line>> byTask = lines(entries, metricKeys);
            entries = null; // held by their lines
            return boards(b, byTask);
        }).toList();
        resolve(out);
        return out;
    }

    /** {@code b} with the boards of its lines ({@code byTask}, emptied as they are made), each keeping its shown lines. */
    private static Benchmark boards(Benchmark b, Map<String, List<Line>> byTask) {
        for (var it = byTask.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Line>> task = it.next();
            it.remove(); // a task's lines not shown go once its boards are made
            for (List<Line> component : components(task.getValue())) {
                Board board = board(b, task.getKey(), component);
                board.keepShownLines();
                b.boards.add(board);
            }
        }
        return b;
    }

    /** A model's tables by id. */
    private static Map<String, Table> tablesById(Model m) {
        Map<String, Table> tables = new HashMap<>();
        for (Table t : m.tables()) tables.put(t.id(), t);
        return tables;
    }

    /** The column of the first table cell {@code r} was read from, or null. */
    private static Column column(Result r, Map<String, Table> tables) {
        for (Result.Origin o : r.origins()) {
            if (o.kind() != Result.Kind.TABLE) continue;
            Table t = tables.get(o.table());
            if (t != null && o.column() >= 0 && o.column() < t.columns().size()) return t.columns().get(o.column());
        }
        return null;
    }

    /** The key an entry's benchmark is grouped by, as {@link Keys#of} makes it. */
    private static String keyOf(Entry e) {
        return key(e.known(), e.benchmark());
    }

    /** The key of a benchmark: the vocabulary's entry ({@code known}), else its name as written, compared loosely. */
    private static String key(BenchmarkVocabulary.Benchmark known, String benchmark) {
        return known != null ? "known\u0000" + known.name() : "name\u0000" + BenchmarkVocabulary.key(benchmark);
    }

    /** The vocabulary's entry for a known result's benchmark, as its metric names it (or null). */
    private static BenchmarkVocabulary.Benchmark known(Result r, String metric, BenchmarkVocabulary vocabulary) {
        return vocabulary.find(r.benchmark()).map(b -> vocabulary.forMetric(b, metric)).orElse(null);
    }

    /** What each model put on the leaderboards, kept between serve's renders (a model is read once). Not thread-safe. */
    static final class Memo {
        private BenchmarkVocabulary vocabulary;
        private Map<Model, List<Entry>> entries = new IdentityHashMap<>();
        /** The entries of each model by slug: a model made again (its file edited) often puts the same ones. */
        private Map<String, List<Entry>> bySlug = Map.of();
        /** The models of the last call, in catalogue order (the lists of {@link #grouped} are theirs). */
        private List<Model> models = List.of();
        /** The entry lists the last leaderboards were grouped from, in catalogue order, and those leaderboards. */
        private List<List<Entry>> grouped = List.of();
        private Leaderboards last;
        /** The benchmarks of the last leaderboards by key, with the entries each was grouped from. */
        private Map<String, Grouped> benchmarks = Map.of();
        /** The benchmark key of each entry of each model's list (by list instance). */
        private Map<List<Entry>, String[]> keys = Map.of();
    }

    static Leaderboards of(Site site, Memo memo) {
        BenchmarkVocabulary vocabulary = site.curated().benchmarks();
        if (memo.vocabulary == null || !memo.vocabulary.equals(vocabulary)) {
            memo.vocabulary = vocabulary;
            memo.entries = new IdentityHashMap<>();
            memo.models = List.of();
        }
        List<List<Entry>> read = readChanged(site.models(), memo, vocabulary);
        if (read == null) {
            Map<String, List<Entry>> lastBySlug = memo.bySlug;
            // a model made again that puts the same entries as before (its prose was edited) keeps the earlier list
            Map<Model, List<Entry>> kept = PerModel.read(site.models(), memo.entries,
                    m -> entries(m, lastBySlug.get(m.slug()), vocabulary));
            Map<String, List<Entry>> bySlug = new HashMap<>();
            read = new ArrayList<>();
            for (Model m : site.models()) {
                List<Entry> es = kept.get(m);
                bySlug.put(m.slug(), es);
                read.add(es);
            }
            memo.entries = kept;
            memo.bySlug = bySlug;
        }
        memo.models = site.models();
        boolean unchanged = memo.last != null && sameLists(read, memo.grouped);
        // the same entries in the same order give the same leaderboards (grouping reads nothing else)
        if (unchanged) return memo.last;
        Leaderboards moved = movedOnly(read, memo);
        if (moved != null) return moved;
        memo.grouped = read;
        Map<List<Entry>, String[]> keysOf = new IdentityHashMap<>(read.size() * 2);
        Map<String, List<Entry>> entriesOf = partition(read, memo.keys, keysOf);
        memo.keys = keysOf;
        Map<String, Grouped> benchmarks = new HashMap<>();
        memo.last = group(entriesOf, memo.benchmarks, benchmarks);
        memo.benchmarks = benchmarks;
        return memo.last;
    }

    /**
     * Each model's entries when the site has the last call's models in the same places but a few, of the same slugs
     * (an edit): those few read again (or taken from the memo), the others' kept from the last call; null otherwise.
     * The memo's maps are updated in place: making them again for every model took a fortieth of a moved-line edit.
     */
    private static List<List<Entry>> readChanged(List<Model> models, Memo memo, BenchmarkVocabulary vocabulary) {
        List<Model> before = memo.models;
        if (before.size() != models.size() || memo.grouped.size() != models.size()) return null;
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == before.get(i)) continue;
            if (changed.size() == MAX_MOVED || !models.get(i).slug().equals(before.get(i).slug())) return null;
            changed.add(i);
        }
        List<List<Entry>> read = new ArrayList<>(memo.grouped);
        for (int i : changed) {
            Model m = models.get(i);
            List<Entry> es = memo.entries.get(m);
            if (es == null) es = entries(m, memo.bySlug.get(m.slug()), vocabulary);
            memo.entries.remove(before.get(i));
            memo.entries.put(m, es);
            memo.bySlug.put(m.slug(), es);
            read.set(i, es);
        }
        return read;
    }

    /** The entries of {@code m}; {@code before}, those of the same slug last time, when they are the same. */
    private static List<Entry> entries(Model m, List<Entry> before, BenchmarkVocabulary vocabulary) {
        List<Entry> made = entries(m, vocabulary);
        if (before == null) return made;
        if (same(before, made)) return before;
        return keepSameBenchmarks(before, made);
    }

    /** Whether two lists of lists hold the same lists (by instance) in the same order. */
    private static boolean sameLists(List<List<Entry>> a, List<List<Entry>> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /**
     * {@code made}, with the earlier entries of each benchmark on which the model's entries are all the same: only the
     * benchmarks of the others group again (an edited value regroups its benchmark, not the card's fourteen). A model's
     * entries on one benchmark stay one model instance, as lines and boards tell models apart by instance.
     */
    private static List<Entry> keepSameBenchmarks(List<Entry> before, List<Entry> made) {
        Keys keys = new Keys();
        Map<String, List<Entry>> beforeOf = new HashMap<>();
        for (Entry e : before) beforeOf.computeIfAbsent(keys.of(e), k -> new ArrayList<>()).add(e);
        Map<String, List<Entry>> madeOf = new LinkedHashMap<>();
        for (Entry e : made) madeOf.computeIfAbsent(keys.of(e), k -> new ArrayList<>()).add(e);
        Map<String, java.util.Iterator<Entry>> keep = new HashMap<>();
        madeOf.forEach((key, es) -> {
            List<Entry> earlier = beforeOf.get(key);
            if (earlier != null && same(earlier, es)) keep.put(key, earlier.iterator());
        });
        if (keep.isEmpty()) return made;
        List<Entry> out = new ArrayList<>(made.size());
        for (Entry e : made) {
            java.util.Iterator<Entry> kept = keep.get(keys.of(e));
            out.add(kept != null ? kept.next() : e);
        }
        return out;
    }

    /**
     * The benchmark an entry is grouped under: the vocabulary's entry, else its name's key. A catalogue writes few
     * benchmarks, each many times: each key is made once per benchmark (and per name) and then looked up.
     */
    private static final class Keys {
        private final Map<BenchmarkVocabulary.Benchmark, String> known = new IdentityHashMap<>();
        private final Map<String, String> names = new HashMap<>();

        String of(Entry e) {
            return e.known() != null ? known.computeIfAbsent(e.known(), k -> key(k, null))
                    : names.computeIfAbsent(e.benchmark(), n -> key(null, n));
        }
    }

    /** The same entries but for the model instance (of the same slug and name): they group into the same lines. */
    private static boolean same(List<Entry> a, List<Entry> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
        return true;
    }

    private static boolean same(Entry x, Entry y) {
        return sameButResult(x, y) && x.result().equals(y.result());
    }

    /** The same model (by slug and name), benchmark, task, metric, settings and notes; the results aside. */
    private static boolean sameButResult(Entry x, Entry y) {
        return x.model().slug().equals(y.model().slug()) && x.model().name().equals(y.model().name())
                && x.benchmark().equals(y.benchmark()) && java.util.Objects.equals(x.known(), y.known())
                && x.task().equals(y.task()) && x.metric().equals(y.metric()) && x.settings().equals(y.settings())
                && x.notes().equals(y.notes());
    }

    /**
     * The entries of one model's results: every result on a benchmark the vocabulary knows, or that the card declares
     * beside its text (model-index, .eval_results, curated.yaml). A table header the vocabulary does not know is not a
     * benchmark by itself (it may be a model's name in a table read the wrong way round): its results stay on the model
     * page and on the dataset page of that name, unranked.
     */
    static List<Entry> entries(Model m, BenchmarkVocabulary vocabulary) {
        return entries(m, vocabulary, null);
    }

    /**
     * The entries of one model's results; when they are held encoded (a build), the entries do not keep them (see
     * {@link Entry}) and take their values and kinds from {@code values}, where each number and each kind is held once
     * (2 million entries of a batch held 2 million settings and metric names of their own).
     */
    private static List<Entry> entries(Model m, BenchmarkVocabulary vocabulary, Map<Object, Object> values) {
        List<Entry> out = new ArrayList<>();
        Map<String, Table> tables = null;
        List<Result> results = m.results();
        boolean keep = !(results instanceof Model.Encoded) || values == null;
        for (int index = 0; index < results.size(); index++) {
            Result r = results.get(index);
            if (!isOnBoards(r)) continue;
            Column column = null;
            if (r.hasOrigin(Result.Kind.TABLE)) {
                if (tables == null) tables = tablesById(m);
                column = column(r, tables);
            }
            String metric = metric(r.metric(), column);
            BenchmarkVocabulary.Benchmark known = null;
            if (r.known()) known = known(r, metric, vocabulary);
            String benchmark = known != null ? known.name() : r.benchmark().strip();
            String task = known != null ? known.task() : r.task();
            List<Note> notes = new ArrayList<>();
            if (column != null) column.annotations().forEach((k, v) -> notes.add(Note.of(k, v)));
            BigDecimal value = keep ? r.value() : (BigDecimal) values.computeIfAbsent(r.value(), v -> v);
            Entry.Kind kind = new Entry.Kind(benchmark, known, task, metric, Settings.parse(r.setting()), notes);
            if (!keep) kind = (Entry.Kind) values.computeIfAbsent(kind, k -> k);
            out.add(new Entry(m, index, r, keep, value, kind));
        }
        return out;
    }

    /**
     * Sets the results of the entries the boards show, reading each model's results once (on every core): a build's
     * entries are made without them ({@link Entry}).
     */
    private static void resolve(List<Benchmark> benchmarks) {
        Map<Model, List<Entry>> byModel = new IdentityHashMap<>();
        for (Benchmark b : benchmarks) for (Board board : b.boards) for (Line l : board.lines) unresolved(l, byModel);
        byModel.entrySet().parallelStream().forEach(me -> {
            List<Result> results = me.getKey().results();
            for (Entry e : me.getValue()) e.result = results.get(e.index);
        });
    }

    /** Adds the entries of {@code l} whose result is not set to their models' in {@code byModel}. */
    private static void unresolved(Line l, Map<Model, List<Entry>> byModel) {
        for (int i = 0; i < l.values.size(); i++) {
            Entry e = l.values.valueAt(i);
            if (e.result == null) byModel.computeIfAbsent(e.model, k -> new ArrayList<>()).add(e);
        }
    }

    /**
     * Whether a result goes on the leaderboards: it names a benchmark, and the vocabulary knows it or the card declares
     * it (model-index, .eval_results, curated).
     */
    private static boolean isOnBoards(Result r) {
        return !r.benchmark().isBlank() && (r.known() || isDeclared(r));
    }

    private static boolean isDeclared(Result r) {
        return r.hasOrigin(Result.Kind.MODEL_INDEX) || r.hasOrigin(Result.Kind.EVAL_RESULTS)
                || r.hasOrigin(Result.Kind.CURATED);
    }

    /** The metric as shown: a composite cell's part by its column's name for it (group/text/image), "score" if none. */
    private static String metric(String metric, Column column) {
        if (column != null) {
            int i = partNumber(metric) - 1;
            if (i >= 0 && i < column.parts().size()) return column.parts().get(i);
        }
        return metric.isBlank() ? "score" : metric.strip();
    }

    /**
     * The number n of a composite cell's part metric "part&lt;n&gt;" (ASCII digits), read by hand (a pattern matched for
     * every table result was a fifth of the leaderboards' reading of entries); -1 for any other metric, and for a
     * number of more than nine digits (no table has that many parts).
     */
    static int partNumber(String metric) {
        int n = metric.length();
        if (n <= 4 || n > 13 || !metric.startsWith("part")) return -1;
        for (int i = 4; i < n; i++) {
            char c = metric.charAt(i);
            if (c < '0' || c > '9') return -1;
        }
        return Integer.parseInt(metric, 4, n, 10);
    }

    /** Groups entries (in catalogue order) into benchmarks, leaderboards, setting groups and ranks. */
    static Leaderboards group(List<Entry> entries) {
        return group(partition(List.of(entries), Map.of(), new IdentityHashMap<>()), Map.of(), new HashMap<>());
    }

    /**
     * The entries of {@code lists} (in catalogue order) by benchmark key, in order of first appearance. The keys of each
     * list are taken from {@code lastKeys} when it has them (serve: most lists are the last render's) and put in
     * {@code keys}.
     */
    private static Map<String, List<Entry>> partition(List<List<Entry>> lists, Map<List<Entry>, String[]> lastKeys,
                                                      Map<List<Entry>, String[]> keys) {
        Keys made = new Keys();
        Map<String, List<Entry>> entriesOf = new LinkedHashMap<>();
        for (List<Entry> es : lists) partition(es, lastKeys, keys, made, entriesOf);
        return entriesOf;
    }

    /** Adds the entries of one list to {@code entriesOf}, by key (see {@link #partition(List, Map, Map)}). */
    private static void partition(List<Entry> es, Map<List<Entry>, String[]> lastKeys, Map<List<Entry>, String[]> keys,
                                  Keys made, Map<String, List<Entry>> entriesOf) {
        String[] k = lastKeys.get(es);
        if (k == null) {
            k = new String[es.size()];
            for (int i = 0; i < k.length; i++) k[i] = made.of(es.get(i));
        }
        if (keys != null) keys.put(es, k);
        for (int i = 0; i < k.length; i++) entriesOf.computeIfAbsent(k[i], x -> new ArrayList<>()).add(es.get(i));
    }

    /** A benchmark as grouped from its entries (in catalogue order, the same instances), kept by serve's memo. */
    private record Grouped(List<Entry> entries, Benchmark benchmark, String slug) {}

    /**
     * Like {@link #group(List)}; a benchmark whose entries are the same instances in the same order as in {@code last}
     * (by benchmark key) is taken from there as it is, lines, boards and ranks, since a benchmark's lines read only its
     * own entries: an edit that changes one card's results groups again only the benchmarks that card reports on.
     * {@code next} receives every benchmark of this grouping.
     */
    private static Leaderboards group(Map<String, List<Entry>> entriesOf, Map<String, Grouped> last,
                                      Map<String, Grouped> next) {
        Map<Benchmark, Map<String, List<Line>>> linesOf = new IdentityHashMap<>();
        Map<String, String> metricKeys = new HashMap<>(); // a catalogue writes few metric names, each many times
        List<Benchmark> out = new ArrayList<>(entriesOf.size());
        Set<Benchmark> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, List<Entry>> part : entriesOf.entrySet()) {
            Grouped before = last.get(part.getKey());
            if (before != null && sameInstances(before.entries(), part.getValue())) {
                out.add(before.benchmark());
                kept.add(before.benchmark());
                next.put(part.getKey(), before);
                continue;
            }
            if (before != null && movedOnly(before.entries(), part.getValue())) {
                // the same results, some now stated on other lines (a paragraph added above them): the lines and
                // ranks stay; the entries are swapped in and the boards holding them are shown again
                moveEntries(before.benchmark(), before.entries(), part.getValue());
                out.add(before.benchmark());
                kept.add(before.benchmark());
                next.put(part.getKey(), new Grouped(part.getValue(), before.benchmark(), before.slug()));
                continue;
            }
            Benchmark b = new Benchmark(part.getValue().get(0).benchmark(), part.getValue().get(0).known());
            linesOf.put(b, lines(part.getValue(), metricKeys));
            out.add(b);
            next.put(part.getKey(), new Grouped(part.getValue(), b, ""));
        }
        // a board reads and ranks only its own lines: boards are made on every core, added in order
        record Job(Benchmark benchmark, String task, List<Line> lines) {}
        List<Job> jobs = new ArrayList<>();
        for (Benchmark b : out) {
            if (kept.contains(b)) continue;
            for (Map.Entry<String, List<Line>> byTask : linesOf.get(b).entrySet()) {
                for (List<Line> component : components(byTask.getValue())) {
                    jobs.add(new Job(b, byTask.getKey(), component));
                }
            }
        }
        List<Board> boards = jobs.parallelStream().map(j -> board(j.benchmark(), j.task(), j.lines())).toList();
        for (int i = 0; i < jobs.size(); i++) jobs.get(i).benchmark().boards.add(boards.get(i));
        Leaderboards made = named(out);
        for (Map.Entry<String, Grouped> g : next.entrySet()) {
            Grouped was = g.getValue();
            // a benchmark kept whose page moved (a new one took its slug) would keep links to the old page: group all
            if (kept.contains(was.benchmark()) && !was.slug().equals(was.benchmark().slug)) {
                next.clear();
                return group(entriesOf, Map.of(), next);
            }
            g.setValue(new Grouped(was.entries(), was.benchmark(), was.benchmark().slug));
        }
        return made;
    }

    /** The leaderboards of these benchmarks, sorted by name, each with its slug and its boards' ids. */
    private static Leaderboards named(List<Benchmark> out) {
        out.sort(Comparator.comparing((Benchmark x) -> x.name.toLowerCase(Locale.ROOT)).thenComparing(x -> x.name));
        Set<String> slugs = new java.util.HashSet<>();
        for (Benchmark b : out) {
            String base = Topics.topicSlug(b.name);
            String s = base;
            for (int i = 2; !slugs.add(s); i++) s = base + "-" + i;
            b.slug = s;
            // ids on the benchmark page: the board's, its heading's, its chart's and its filters'
            Set<String> ids = new java.util.HashSet<>(Set.of("top", "main"));
            boolean severalTasks = b.boards.stream().map(x -> x.task).distinct().count() > 1;
            for (Board board : b.boards) {
                board.id = Charts.uniqueId("lb-" + Topics.slug(board.metricList()
                        + (severalTasks ? " " + board.task : "")), ids);
                ids.addAll(List.of(board.id + "-title", board.id + "-chart", board.id + "-chart-title",
                        board.id + "-chart-desc"));
                for (Settings.Dimension d : DIMENSIONS) ids.add(board.id + "-filter-" + d.param);
            }
        }
        return new Leaderboards(List.copyOf(out));
    }

    /** More changed models than this are grouped again in full. */
    private static final int MAX_MOVED = 16;

    /**
     * The last leaderboards with the entries of the models parsed again swapped in ({@link #moveEntries}), when each of
     * those models states the same results as before, some at other places of its file (a paragraph added above them);
     * null otherwise. Partitioning and grouping would give the same: each benchmark the same entries in the same order
     * but for those instances, so the same lines, ranks, slugs and ids. Every model's entries were partitioned again
     * before, a tenth of a moved-line edit at 10,000 cards.
     */
    private static Leaderboards movedOnly(List<List<Entry>> read, Memo memo) {
        if (memo.last == null || read.size() != memo.grouped.size()) return null;
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            List<Entry> was = memo.grouped.get(i);
            if (was == read.get(i)) continue;
            if (changed.size() == MAX_MOVED || !memo.keys.containsKey(was) || !movedOnly(was, read.get(i))) return null;
            changed.add(i);
        }
        // benchmark key → the entries before and now, in catalogue order (the order of the benchmark's entries)
        Map<String, List<Entry[]>> swaps = new LinkedHashMap<>();
        for (int i : changed) {
            List<Entry> was = memo.grouped.get(i);
            List<Entry> now = read.get(i);
            String[] keys = memo.keys.get(was);
            for (int j = 0; j < keys.length; j++) {
                if (was.get(j) != now.get(j)) swaps.computeIfAbsent(keys[j], k -> new ArrayList<>()).add(new Entry[] {was.get(j), now.get(j)});
            }
        }
        Map<String, List<Entry>> swapped = new LinkedHashMap<>();
        for (Map.Entry<String, List<Entry[]>> s : swaps.entrySet()) {
            Grouped before = memo.benchmarks.get(s.getKey());
            if (before == null) return null;
            // one pass comparing references: the swapped entries come in the benchmark's order
            List<Entry> entries = new ArrayList<>(before.entries());
            int next = 0;
            for (int k = 0; k < entries.size() && next < s.getValue().size(); k++) {
                if (entries.get(k) == s.getValue().get(next)[0]) entries.set(k, s.getValue().get(next++)[1]);
            }
            if (next < s.getValue().size()) return null;
            swapped.put(s.getKey(), entries);
        }
        swapped.forEach((key, entries) -> {
            Grouped before = memo.benchmarks.get(key);
            moveEntries(before.benchmark(), before.entries(), entries);
            memo.benchmarks.put(key, new Grouped(entries, before.benchmark(), before.slug()));
        });
        Set<String> moved = new java.util.HashSet<>();
        for (int i : changed) {
            memo.keys.put(read.get(i), memo.keys.remove(memo.grouped.get(i)));
            for (Entry e : read.get(i)) moved.add(e.model().slug());
        }
        memo.grouped = read;
        Leaderboards made = new Leaderboards(memo.last.benchmarks);
        made.before = memo.last;
        made.moved = moved;
        memo.last = made;
        return made;
    }

    /** Whether {@code now} is {@code was} with some entries stated at another place of the same file. */
    private static boolean movedOnly(List<Entry> was, List<Entry> now) {
        if (was.size() != now.size()) return false;
        for (int i = 0; i < was.size(); i++) {
            if (was.get(i) != now.get(i) && !sameButPlace(was.get(i), now.get(i))) return false;
        }
        return true;
    }

    /** The same entry but for the model instance and the lines its result is stated on. */
    private static boolean sameButPlace(Entry x, Entry y) {
        if (!sameButResult(x, y)) return false;
        Result a = x.result();
        Result b = y.result();
        if (!a.benchmark().equals(b.benchmark()) || a.known() != b.known() || !a.dataset().equals(b.dataset())
                || !a.task().equals(b.task()) || !a.metric().equals(b.metric()) || !a.value().equals(b.value())
                || !a.printed().equals(b.printed()) || !a.setting().equals(b.setting()) || !a.variant().equals(b.variant())
                || a.baseline() != b.baseline() || a.origins().size() != b.origins().size()) {
            return false;
        }
        for (int i = 0; i < a.origins().size(); i++) {
            Result.Origin o = a.origins().get(i);
            Result.Origin p = b.origins().get(i);
            if (o.kind() != p.kind() || !o.source().path().equals(p.source().path()) || !o.table().equals(p.table())
                    || !o.row().equals(p.row()) || o.column() != p.column() || !o.headers().equals(p.headers())
                    || !o.text().equals(p.text())) {
                return false;
            }
        }
        return true;
    }

    /** Puts each entry of {@code now} where its counterpart of {@code was} is, and drops the views of those boards. */
    private static void moveEntries(Benchmark b, List<Entry> was, List<Entry> now) {
        Map<Entry, Entry> moved = new IdentityHashMap<>();
        // a line holds the entries of one model instance: only the lines of the models whose entries moved (an
        // edited card) can hold one, and they take the entries' new model with them
        Swaps models = new Swaps(); // the instance a line holds → the one its entries now have
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int i = 0; i < was.size(); i++) {
            if (was.get(i) != now.get(i)) {
                moved.put(was.get(i), now.get(i));
                models.put(was.get(i).model(), now.get(i).model());
                first = Math.min(first, i);
                last = i;
            }
        }
        boolean sameSizes = models.sameSizes(); // the chart reads the models' variants besides the lines' values
        for (Board board : b.boards) {
            boolean touched = false;
            // a swapped model's entries on this benchmark are all new (keepSameBenchmarks keeps them all or none), so
            // each of its lines was made by a swapped entry: its order is within [first, last]. Lines in the order
            // they were made are looked up there; each read of a line is a cache miss, and a benchmark every model
            // reports has a line per model, so scanning them all was most of moving the entries
            List<Line> lines = board.lines;
            int from = board.linesInOrder ? firstAtOrAfter(lines, first) : 0;
            for (int k = from; k < lines.size(); k++) {
                Line l = lines.get(k);
                if (board.linesInOrder && l.order > last) break;
                if (models.of(l.model) == null) continue;
                for (Map.Entry<String, Entry> v : l.values.entrySet()) {
                    Entry to = moved.get(v.getValue());
                    if (to != null) {
                        v.setValue(to);
                        l.model = to.model();
                        touched = true;
                        if (board.moved.isEmpty()) board.moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                        board.moved.add(l);
                        if (b.staleRanks.isEmpty()) b.staleRanks = new java.util.HashSet<>();
                        b.staleRanks.add(l.model.slug());
                    }
                }
            }
            if (touched) {
                board.view = null;
                board.viewKey = null;
                if (!sameSizes) board.chartId = null;
                board.models = replaced(board.models, models);
            }
        }
        b.models = replaced(b.models, models);
    }

    /** The index of the first of {@code lines} (sorted by their order) whose order is {@code order} or more. */
    private static int firstAtOrAfter(List<Line> lines, int order) {
        int lo = 0;
        int hi = lines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).order < order) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Model instances and the ones that replace them; looked up by reference, one by one while they are few (an edit
     * swaps one model, and a benchmark's thousands of lines each ask: hashing them was most of a moved-line edit).
     */
    private static final class Swaps {
        private final List<Model> from = new ArrayList<>();
        private final List<Model> to = new ArrayList<>();
        private Map<Model, Model> many;

        void put(Model was, Model now) {
            if (of(was) != null) return;
            from.add(was);
            to.add(now);
            if (many != null || from.size() > 8) {
                if (many == null) many = new IdentityHashMap<>();
                for (int i = many.size(); i < from.size(); i++) many.put(from.get(i), to.get(i));
            }
        }

        /** The instance replacing {@code m}, or null. */
        Model of(Model m) {
            if (many != null) return many.get(m);
            for (int i = 0; i < from.size(); i++) if (from.get(i) == m) return to.get(i);
            return null;
        }

        /** Whether each replacing model has the variants, by name and parameter count, of the one it replaces. */
        boolean sameSizes() {
            for (int i = 0; i < from.size(); i++) {
                List<io.modelcards.model.Variant> a = from.get(i).variants();
                List<io.modelcards.model.Variant> b = to.get(i).variants();
                if (a.size() != b.size()) return false;
                for (int j = 0; j < a.size(); j++) {
                    if (!a.get(j).name().equals(b.get(j).name())
                            || !java.util.Objects.equals(a.get(j).parameters(), b.get(j).parameters())) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** {@code list} (made once, or null) with each model of {@code by} as its new instance, in the same order. */
    private static List<Model> replaced(List<Model> list, Swaps by) {
        if (list == null) return null;
        List<Model> out = new ArrayList<>(list);
        if (by.many != null) {
            out.replaceAll(m -> by.many.getOrDefault(m, m));
        } else { // each model is once in the list: found by reference
            for (int i = 0; i < by.from.size(); i++) {
                int at = -1;
                for (int k = 0; k < out.size() && at < 0; k++) if (out.get(k) == by.from.get(i)) at = k;
                if (at >= 0) out.set(at, by.to.get(i));
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Whether two lists hold the same instances in the same order. */
    private static boolean sameInstances(List<Entry> a, List<Entry> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** The lines of one benchmark's entries, per task, each line by who and setting, in order of first appearance. */
    private static Map<String, List<Line>> lines(List<Entry> entries, Map<String, String> metricKeys) {
        // a line holds one model's values and a benchmark's entries come model by model (catalogue order), so a line
        // is looked up among its model's lines only (a map of every line held 80 MB at a million lines); entries not
        // in runs of one model each are looked up among all
        Runs runs = new Runs();
        any(entries, e -> !runs.add(e));
        LineMaker maker = new LineMaker(runs.inRuns, metricKeys);
        each(entries.size(), i -> maker.add(entries.get(i), i));
        return maker.byTask;
    }

    /** Whether each model's entries are one run (as a benchmark's entries are, in catalogue order), entry by entry. */
    private static final class Runs {
        private final Set<String> past = new java.util.HashSet<>();
        private String slug;
        boolean inRuns = true;

        /** Takes the next entry; false once a model's entries are seen in two runs. */
        boolean add(Entry e) {
            String s = e.model().slug();
            if (s.equals(slug)) return true;
            slug = s;
            return inRuns = past.add(s);
        }
    }

    /** The lines of {@link #lines}, made entry by entry. */
    private static final class LineMaker {
        final Map<String, List<Line>> byTask = new LinkedHashMap<>();
        private final Map<String, Map<LineKey, Line>> lookUp = new HashMap<>();
        private final boolean inRuns;
        private final Map<String, String> metricKeys;
        private String slug;

        LineMaker(boolean inRuns, Map<String, String> metricKeys) {
            this.inRuns = inRuns;
            this.metricKeys = metricKeys;
        }

        /** Adds the {@code index}-th entry of the benchmark. */
        void add(Entry e, int index) {
            if (inRuns && !e.model().slug().equals(slug)) {
                lookUp.clear();
                slug = e.model().slug();
            }
            List<Line> made = byTask.computeIfAbsent(e.task(), k -> new ArrayList<>());
            Map<LineKey, Line> lines = lookUp.computeIfAbsent(e.task(), k -> new HashMap<>());
            String metric = metricKeys.computeIfAbsent(e.metric(), BenchmarkVocabulary::metricKey);
            LineKey who = new LineKey(e.model().slug(), e.variant(), e.baseline(), e.settings(), 1);
            Line line = lines.get(who);
            boolean repeated = false;
            for (int n = 2; line != null && line.values.containsKey(metric); n++) {
                // the same value of the same line, printed twice (two tables of one card): shown once
                if (line.values.get(metric).value().compareTo(e.value()) == 0) repeated = true;
                line = lines.get(who.next(n));
            }
            if (repeated) return;
            if (line == null) {
                line = new Line(e.model(), e.variant(), e.baseline(), e.settings(), index);
                LineKey k = who;
                for (int n = 2; lines.containsKey(k); n++) k = who.next(n);
                lines.put(k, line);
                made.add(line);
            }
            line.values.put(metric, e);
        }
    }

    /** A line of a benchmark's task: who, in which setting; the n-th line of the same (a second value of it). */
    private record LineKey(String slug, String variant, boolean baseline, Settings settings, int n) {
        LineKey next(int nth) {
            return new LineKey(slug, variant, baseline, settings, nth);
        }
    }

    /** Lines whose metrics are reported together: two metrics on one line join their leaderboards. */
    private static List<List<Line>> components(List<Line> lines) {
        Map<String, String> parent = new LinkedHashMap<>();
        each(lines, l -> join(l, parent));
        Map<String, List<Line>> byRoot = new LinkedHashMap<>();
        each(lines, l -> place(l, parent, byRoot));
        return new ArrayList<>(byRoot.values());
    }

    /** Joins the metrics of {@code l} in {@code parent} (metric → a metric reported with it, up to a root). */
    private static void join(Line l, Map<String, String> parent) {
        String first = null;
        for (int i = 0; i < l.values.size(); i++) {
            String m = l.values.keyAt(i);
            parent.putIfAbsent(m, m);
            if (first == null) first = m;
            else parent.put(root(parent, m), root(parent, first));
        }
    }

    private static void place(Line l, Map<String, String> parent, Map<String, List<Line>> byRoot) {
        String m = l.values.keyAt(0);
        byRoot.computeIfAbsent(root(parent, m), k -> new ArrayList<>()).add(l);
    }

    private static String root(Map<String, String> parent, String m) {
        String r = m;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        return r;
    }

    private static Board board(Benchmark b, String task, List<Line> lines) {
        Board board = new Board(b, task);
        board.lines.addAll(lines);
        Map<String, String> firstName = new HashMap<>(); // metric key → the name as first written on this board
        // metrics: the vocabulary's order first, then as met; the ranking metric is the one most lines have
        Map<String, Integer> counts = new LinkedHashMap<>();
        each(lines, l -> count(l, firstName, counts));
        List<String> metrics = new ArrayList<>(counts.keySet());
        if (b.known != null) {
            List<String> vocabulary = b.known.metrics();
            metrics.sort(Comparator.comparingInt(m -> {
                for (int i = 0; i < vocabulary.size(); i++) {
                    if (BenchmarkVocabulary.sameMetric(vocabulary.get(i), firstName.get(m))) return i;
                }
                return vocabulary.size();
            }));
        }
        board.metrics.addAll(metrics);
        for (String m : metrics) {
            String name = firstName.get(m);
            board.metricNames.put(m, name);
            boolean lower = LOWER_IS_BETTER.matcher(name).find();
            if (b.known != null) {
                for (String l : b.known.lowerIsBetter()) if (BenchmarkVocabulary.sameMetric(l, name)) lower = true;
            }
            board.higherIsBetter.put(m, !lower);
        }
        String primary = metrics.get(0);
        for (String m : metrics) if (counts.get(m) > counts.get(primary)) primary = m;
        board.primary = primary;
        java.util.EnumSet<Settings.Dimension> stated = java.util.EnumSet.noneOf(Settings.Dimension.class);
        Map<Settings, List<Line>> bySetting = new TreeMap<>(Leaderboards::compareSettings);
        each(lines, l -> bySetting(l, stated, bySetting));
        board.dimensions.addAll(stated);
        int shown = 0;
        for (List<Line> group : bySetting.values()) {
            int room = Math.max(0, MAX_LINES - shown); // a group after the board's MAX_LINES is not ranked at all
            List<Line> kept = room == 0 ? List.of() : rank(group, board, room);
            board.dropped += group.size() - kept.size();
            shown += kept.size();
            if (!kept.isEmpty()) board.groups.add(List.copyOf(kept));
        }
        return board;
    }

    /** Counts the metrics of {@code l}, each metric's name as first written kept in {@code firstName}. */
    private static void count(Line l, Map<String, String> firstName, Map<String, Integer> counts) {
        for (int i = 0; i < l.values.size(); i++) {
            String key = l.values.keyAt(i);
            firstName.putIfAbsent(key, l.values.valueAt(i).metric());
            counts.merge(key, 1, Integer::sum);
        }
    }

    /** Puts {@code l} under its setting, and the dimensions its setting states in {@code stated}. */
    private static void bySetting(Line l, java.util.EnumSet<Settings.Dimension> stated, Map<Settings, List<Line>> bySetting) {
        for (Settings.Dimension d : DIMENSIONS) if (!l.settings.get(d).isEmpty()) stated.add(d);
        bySetting.computeIfAbsent(l.settings, k -> new ArrayList<>()).add(l);
    }

    /**
     * The first {@code keep} of one setting's lines in leaderboard order, their ranks and best marks set: every line with
     * the ranking metric by value (ties share a rank: 1, 1, 3), a line the card marks as not comparable (its fine-tuning
     * data holds the benchmark) in its place with its † mark, so the reader sees where it would stand; then lines without
     * the metric. The best mark (★) goes only to the best comparable value of all the setting's lines. Among equals, the
     * order of the catalogue. Only the lines kept are sorted, ranked and marked: a board shows {@link #MAX_LINES}, and at
     * 10,000 synthetic cards a setting of a benchmark every card reports holds thousands of lines.
     */
    static List<Line> rank(List<Line> group, Board board, int keep) {
        String primary = board.primary;
        int direction = board.higherIsBetter.get(primary) ? -1 : 1;
        // each line with its ranking value, looked up once rather than at every comparison
        List<Line> comparable = new ArrayList<>(group.size());
        List<Line> missing = new ArrayList<>();
        each(group, l -> sortOut(l, primary, comparable, missing));
        // by value: as doubles first (rounding keeps their order; a million lines are ranked at 10,000 cards), exactly
        // only when those are equal
        Comparator<Line> byValue = (a, b) -> {
            int c = Double.compare(a.approximate, b.approximate);
            return direction * (c != 0 ? c : a.ranking.compareTo(b.ranking));
        };
        Comparator<Line> byValueThenOrder = (a, b) -> {
            int c = byValue.compare(a, b);
            return c != 0 ? c : Integer.compare(a.order, b.order);
        };
        List<Line> top = first(comparable, direction, keep, byValueThenOrder);
        each(top.size(), i -> setRank(top, i, byValue));
        List<Line> out = new ArrayList<>(Math.min(keep, comparable.size() + missing.size()));
        out.addAll(top);
        if (out.size() < keep && !missing.isEmpty()) {
            missing.sort(Comparator.comparingInt(l -> l.order));
            out.addAll(missing.subList(0, Math.min(missing.size(), keep - out.size())));
        }
        // the best comparable value of each metric, in one pass over all the lines' values, then the kept lines that hold it
        Map<String, BigDecimal> bestOf = new java.util.HashMap<>();
        each(group, l -> keepBest(l, board, bestOf));
        each(out, l -> markBest(l, bestOf));
        each(comparable, l -> l.ranking = null);
        return out;
    }

    /**
     * The first {@code keep} (at least 1) of {@code lines} as {@code byValueThenOrder} sorts them, in that order: when
     * there are more, only the lines whose value as a double is at most the {@code keep}-th smallest are sorted (every
     * line after it has {@code keep} lines before it). {@code lines} may be sorted in place.
     */
    static List<Line> first(List<Line> lines, int direction, int keep, Comparator<Line> byValueThenOrder) {
        int n = lines.size();
        List<Line> sorted = lines;
        if (keep < n) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = direction * lines.get(i).approximate; // as sortInOrder turns them
            double[] ascending = d.clone();
            java.util.Arrays.sort(ascending);
            double last = ascending[keep - 1];
            sorted = new ArrayList<>();
            for (int i = 0; i < n; i++) if (Double.compare(d[i], last) <= 0) sorted.add(lines.get(i));
        }
        if (!sortInOrder(sorted, direction, byValueThenOrder)) sorted.sort(byValueThenOrder);
        return sorted.size() > keep ? sorted.subList(0, keep) : sorted;
    }

    /**
     * Sorts {@code lines} as {@code byValueThenOrder} does, when they come in their order (as a board's lines do): by
     * their values as doubles in primitive arrays (each distinct double's place, then its place and the line's in one
     * long), and the exact values only within a run of equal doubles. Sorting the lines as objects read two lines for
     * each of some 20 million comparisons at 10,000 cards. False, leaving them as they are, when they are not in order.
     */
    static boolean sortInOrder(List<Line> lines, int direction, Comparator<Line> byValueThenOrder) {
        int n = lines.size();
        if (n < 2) return true;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            if (i > 0 && l.order <= lines.get(i - 1).order) return false;
            d[i] = direction * l.approximate; // the order Double.compare gives, turned round by direction
        }
        double[] distinct = d.clone();
        java.util.Arrays.sort(distinct);
        int m = 0;
        for (double x : distinct) if (m == 0 || Double.compare(distinct[m - 1], x) != 0) distinct[m++] = x;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (long) java.util.Arrays.binarySearch(distinct, 0, m, d[i]) << 32 | i;
        java.util.Arrays.sort(keys);
        Line[] sorted = new Line[n];
        for (int i = 0; i < n; i++) sorted[i] = lines.get((int) keys[i]);
        // equal doubles, unequal values (more digits than a double holds): that run by its exact values
        for (int from = 0; from < n; ) {
            int to = from + 1;
            boolean same = true;
            while (to < n && keys[to] >>> 32 == keys[from] >>> 32) {
                same &= sorted[to].ranking.compareTo(sorted[from].ranking) == 0;
                to++;
            }
            if (!same) java.util.Arrays.sort(sorted, from, to, byValueThenOrder);
            from = to;
        }
        for (int i = 0; i < n; i++) lines.set(i, sorted[i]);
        return true;
    }

    /** Clears {@code l}'s rank and marks, and puts it with the lines that have a ranking value or those missing one. */
    private static void sortOut(Line l, String primary, List<Line> comparable, List<Line> missing) {
        l.rank = 0;
        l.best = Set.of();
        BigDecimal v = l.value(primary);
        if (v == null) {
            missing.add(l);
        } else { // not-comparable lines are ranked in place too, marked †
            l.ranking(v);
            comparable.add(l);
        }
    }

    /** Sets the rank of the {@code i}-th of the sorted lines: its place, or the one before's when their values tie. */
    private static void setRank(List<Line> sorted, int i, Comparator<Line> byValue) {
        Line l = sorted.get(i);
        l.rank = i > 0 && byValue.compare(sorted.get(i - 1), l) == 0 ? sorted.get(i - 1).rank : i + 1;
    }

    /** Keeps in {@code bestOf} each metric's best comparable value of {@code l} and of the lines before it. */
    private static void keepBest(Line l, Board board, Map<String, BigDecimal> bestOf) {
        for (int i = 0; i < l.values.size(); i++) {
            String key = l.values.keyAt(i);
            Entry e = l.values.valueAt(i);
            Boolean higher = board.higherIsBetter.get(key);
            if (higher == null || !e.comparable()) continue;
            BigDecimal now = e.value();
            BigDecimal was = bestOf.get(key);
            if (was == null || (higher ? now.compareTo(was) > 0 : now.compareTo(was) < 0)) bestOf.put(key, now);
        }
    }

    /** Marks the metrics whose best comparable value ({@code bestOf}) {@code l} holds. */
    private static void markBest(Line l, Map<String, BigDecimal> bestOf) {
        for (int i = 0; i < l.values.size(); i++) {
            String key = l.values.keyAt(i);
            Entry e = l.values.valueAt(i);
            BigDecimal best = bestOf.get(key);
            if (best != null && e.comparable() && e.value().compareTo(best) == 0) l.markBest(key);
        }
    }

    /** Setting order: dimension by dimension, shots by number, others as text; a value stated before none. */
    static int compareSettings(Settings a, Settings b) {
        for (Settings.Dimension d : DIMENSIONS) {
            String x = a.get(d);
            String y = b.get(d);
            if (x.equals(y)) continue;
            if (x.isEmpty() != y.isEmpty()) return x.isEmpty() ? 1 : -1;
            if (d == Settings.Dimension.SHOTS) {
                boolean xn = Settings.isCount(x);
                boolean yn = Settings.isCount(y);
                if (xn && yn) return Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
                if (xn != yn) return xn ? -1 : 1;
            }
            int c = x.compareToIgnoreCase(y);
            return c != 0 ? c : x.compareTo(y);
        }
        return 0;
    }

    /**
     * What a card notes about the column a result was read from (a row of ✔/✖ under the benchmarks): {@code key} and
     * {@code value} as written. A note saying the model's training or fine-tuning data contains the benchmark makes the
     * result not comparable with results of models that never saw it; one saying it does not ({@code shown} false)
     * needs no mark. Any other note is shown as the card writes it.
     */
    record Note(String key, String value, boolean notComparable, boolean shown) {
        private static final Pattern TRAINING_DATA = Pattern.compile(
                "(?i)\\b(?:training|train|fine-?tuning|finetuning|pre-?training|instruction|tuning)\\b.*\\b(?:data|dataset|set|mixture|corpus)\\b");
        private static final Pattern HOLDS = Pattern.compile("(?i)\\b(?:contains?|includes?|overlaps?|seen|has)\\b");
        private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:does\\s*not|doesn'?t|do\\s*not|not|no|never|without)\\b");

        static Note of(String key, String value) {
            String k = key.strip();
            String v = value.strip();
            boolean yes = v.equalsIgnoreCase("yes");
            boolean no = v.equalsIgnoreCase("no");
            boolean about = TRAINING_DATA.matcher(k).find() && HOLDS.matcher(k).find() && (yes || no);
            boolean holds = about && (NEGATED.matcher(k).find() ? no : yes);
            return new Note(k, v, holds, holds || !about);
        }

        /** As the card states it: "Finetuning data does not contain the evaluation dataset: no". */
        String stated() {
            return key + ": " + value;
        }
    }
}
