package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The benchmarks a catalogue knows by name: canonical name, the ways cards write it, Hub dataset, task, metric names
 * and which metrics are better when lower. {@link #find} matches names and aliases ignoring case and
 * separators ({@code hellaswag}, {@code HellaSwag}, {@code hella_swag} are one key). Immutable; the lookup index is
 * built once, in the constructor.
 */
public final class BenchmarkVocabulary {
    public static final BenchmarkVocabulary EMPTY = new BenchmarkVocabulary(List.of());

    /** A trailing {@code (5-shot)}, {@code [test]} or Markdown-wrapped {@code _(avg)_}. */
    private static final Pattern TRAILING_GROUP = Pattern.compile("\\s*[(\\[][^()\\[\\]]*[)\\]][\\s*_]*$");
    /** A trailing version ({@code 8}, {@code 7.0}) or language code ({@code tr}, {@code sv-SE}, {@code pa-IN}). */
    private static final Pattern TRAILING_CODE =
            Pattern.compile("\\s+(?:v?\\d+(?:\\.\\d+)*|[A-Za-z]{2,3}(?:-[A-Za-z]{2,8})?)\\s*$");

    /**
     * One benchmark. {@code lowerIsBetter} names the metrics (as written in {@code metrics}) where a smaller value is
     * better, such as WER, CER or perplexity; every other metric is higher-is-better. {@code of} names the dataset it
     * is a task on when that is another entry's name (COCO Captions is a task on COCO's images), {@code derivedFrom}
     * the dataset it was made from (Rendered SST-2 from SST-2): a relation between two datasets, not a spelling.
     */
    public record Benchmark(String name, List<String> aliases, String dataset, String task, List<String> metrics,
                            List<String> lowerIsBetter, String of, String derivedFrom, SourcePosition origin) {
        public Benchmark {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
            dataset = dataset == null ? "" : dataset;
            Objects.requireNonNull(task, "task");
            metrics = List.copyOf(metrics);
            lowerIsBetter = List.copyOf(lowerIsBetter);
            of = of == null ? "" : of;
            derivedFrom = derivedFrom == null ? "" : derivedFrom;
            Objects.requireNonNull(origin, "origin");
        }

        /** A benchmark on its own dataset, made from no other. */
        public Benchmark(String name, List<String> aliases, String dataset, String task, List<String> metrics,
                         List<String> lowerIsBetter, SourcePosition origin) {
            this(name, aliases, dataset, task, metrics, lowerIsBetter, "", "", origin);
        }

        /** Whether a larger value of the metric is better; metrics not listed as lower-is-better are. */
        public boolean isHigherBetter(String metric) {
            String k = key(metric);
            for (String m : lowerIsBetter) if (key(m).equals(k)) return false;
            return true;
        }

        /** The dataset this benchmark is a task on, by name: {@link #of}, else its own name. */
        public String datasetName() {
            return of.isEmpty() ? name : of;
        }

        /** Whether {@code metric} is one of its metrics, up to the usual synonyms (acc = accuracy, "box AP" = AP). */
        public boolean hasMetric(String metric) {
            for (String m : metrics) if (sameMetric(m, metric)) return true;
            return false;
        }

        /**
         * Every spelling this benchmark answers to: name and aliases. The dataset id is not one of them, since several
         * benchmarks share one (the GLUE tasks are configurations of {@code nyu-mll/glue}).
         */
        public List<String> spellings() {
            List<String> all = new ArrayList<>(aliases.size() + 1);
            all.add(name);
            all.addAll(aliases);
            return all;
        }
    }

    private final List<Benchmark> benchmarks;
    private final Map<String, Benchmark> byKey = new HashMap<>();
    /** The entries on each dataset, by the {@link #key} of its name, in vocabulary order ({@link #forMetric}). */
    private final Map<String, List<Benchmark>> byDataset = new HashMap<>();
    /** The {@link #metricKey}s of each entry's metrics: read for every result, so made once. */
    private final Map<Benchmark, List<String>> metricKeys = new java.util.IdentityHashMap<>();

    /**
     * {@link #find}'s answers by the text asked about: a build asks about the same column headers, captions and
     * dataset names card after card (the look-up, with its two patterns, was 4 % of a warm build's samples). Kept up
     * to {@value #FOUND_LIMIT} texts, in a table made for them at the first (a build of 10,000 synthetic cards asks
     * 3.7 million times and fills it, and growing it there was a third of the look-ups' samples); the vocabulary does
     * not change once made.
     */
    private final Remembered<String, Optional<Benchmark>> found = new Remembered<>(FOUND_LIMIT);
    /** {@link #lookUp} made once, not a method reference per call of {@link #find}. */
    private final java.util.function.Function<String, Optional<Benchmark>> lookUp = this::lookUp;
    private static final int FOUND_LIMIT = 50_000;

    /**
     * {@link #forMetric}'s answers for each entry, by the metric as written: the leaderboards ask it of every result
     * they place (a million at 10,000 synthetic cards, 0.7 % of the build's samples), with a few dozen metrics. Each
     * entry's table is made with the vocabulary and only read here after; at most {@value #FOUND_LIMIT} metrics each.
     */
    private final Map<Benchmark, Remembered<String, Benchmark>> byMetric = new java.util.IdentityHashMap<>();

    /** Where two benchmarks claim one spelling, the first keeps it (loaders report such conflicts). */
    public BenchmarkVocabulary(List<Benchmark> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
        for (Benchmark b : this.benchmarks) {
            for (String s : b.spellings()) byKey.putIfAbsent(key(s), b);
            byDataset.computeIfAbsent(key(b.datasetName()), k -> new ArrayList<>()).add(b);
            metricKeys.put(b, b.metrics().stream().map(BenchmarkVocabulary::metricKey).toList());
            byMetric.put(b, new Remembered<>(FOUND_LIMIT, 16));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BenchmarkVocabulary v && v.benchmarks.equals(benchmarks);
    }

    @Override
    public int hashCode() {
        return benchmarks.hashCode();
    }

    public List<Benchmark> benchmarks() {
        return benchmarks;
    }

    public int size() {
        return benchmarks.size();
    }

    /**
     * The benchmark a card means by {@code written}: its name or an alias, compared by
     * {@link #key}; else, for a Hub id such as {@code mozilla-foundation/common_voice_8_0}, the part after the last
     * {@code /}; else the text without trailing settings: parenthesised or bracketed groups ({@code MMLU (5-shot)})
     * and trailing version numbers or language codes ({@code Common Voice 8.0 fr}). Empty when nothing matches.
     */
    public Optional<Benchmark> find(String written) {
        if (written == null || written.isBlank()) return Optional.empty();
        return found.get(written, lookUp);
    }

    private Optional<Benchmark> lookUp(String written) {
        Benchmark b = byKey.get(key(written));
        int slash = written.lastIndexOf('/');
        if (b == null && slash >= 0) b = byKey.get(key(written.substring(slash + 1)));
        String shorter = written.strip();
        while (b == null) {
            String next = TRAILING_CODE.matcher(TRAILING_GROUP.matcher(shorter).replaceFirst("")).replaceFirst("");
            if (next.equals(shorter) || next.isBlank()) break;
            shorter = next;
            b = byKey.get(key(shorter));
        }
        return Optional.ofNullable(b);
    }

    /**
     * The comparison key of a spelling: lower case, ASCII letters, digits and {@code +} only (so {@code HumanEval+}
     * stays apart from {@code HumanEval}); other letters are kept as they are, lower-cased.
     */
    public static String key(String written) {
        // the parse and the leaderboards ask it some million times, mostly of ASCII text and often of a key already
        // ("accuracy"): given back as it is, else made with the ASCII letters and digits told apart by their codes
        int n = written.length();
        int i = 0;
        while (i < n && isKeyChar(written.charAt(i))) i++;
        if (i == n) return written;
        char[] k = new char[n];
        written.getChars(0, i, k, 0);
        int length = i;
        for (; i < n; i++) {
            char c = written.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') k[length++] = (char) (c + ('a' - 'A'));
                else if (isKeyChar(c)) k[length++] = c;
            } else if (Character.isLetterOrDigit(c)) {
                k[length++] = Character.toLowerCase(c);
            }
        }
        return new String(k, 0, length);
    }

    /** A lower-case ASCII letter, a digit or '+': kept by {@link #key} as it is. */
    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+';
    }

    /**
     * The benchmark a result of {@code metric} on {@code b} belongs to: {@code b} when the metric is one of its own (or
     * unknown to every entry on its dataset); else the entry on the same dataset that lists the metric. A CIDEr on
     * "COCO" (detection, AP) is a result of COCO Captions, whose dataset is COCO.
     */
    public Benchmark forMetric(Benchmark b, String metric) {
        if (metric == null || metric.isBlank()) return b;
        Remembered<String, Benchmark> answers = byMetric.get(b); // null for an entry of another vocabulary
        return answers == null ? entryFor(b, metricKey(metric)) : answers.get(metric, m -> entryFor(b, metricKey(m)));
    }

    /** {@link #forMetric} for a metric's {@link #metricKey}. */
    private Benchmark entryFor(Benchmark b, String wanted) {
        if (hasMetricKey(b, wanted)) return b;
        for (Benchmark other : byDataset.getOrDefault(key(b.datasetName()), List.of())) {
            if (other != b && hasMetricKey(other, wanted)) return other;
        }
        return b;
    }

    /** {@link Benchmark#hasMetric} for a metric's {@link #metricKey}, with the entry's keys made once. */
    private boolean hasMetricKey(Benchmark b, String wanted) {
        List<String> keys = metricKeys.get(b);
        if (keys == null) return b.hasMetric(wanted); // an entry of another vocabulary
        for (String k : keys) if (sameMetricKey(k, wanted)) return true;
        return false;
    }

    /** The entries made from {@code name}'s dataset ({@code derivedFrom} it), in vocabulary order. */
    public List<Benchmark> derivedFrom(String name) {
        String k = key(name);
        List<Benchmark> out = new ArrayList<>();
        for (Benchmark b : benchmarks) if (!b.derivedFrom().isEmpty() && key(b.derivedFrom()).equals(k)) out.add(b);
        return out;
    }

    /** Usual synonyms of metric keys: acc = accuracy, Test WER = wer, top-1 = accuracy. */
    private static final Map<String, String> METRIC_SYNONYMS = Map.ofEntries(
            Map.entry("acc", "accuracy"), Map.entry("f1score", "f1"), Map.entry("fscore", "f1"),
            Map.entry("worderrorrate", "wer"), Map.entry("charactererrorrate", "cer"), Map.entry("em", "exactmatch"),
            Map.entry("testwer", "wer"), Map.entry("testcer", "cer"), Map.entry("evalloss", "loss"),
            Map.entry("validationloss", "loss"), Map.entry("matthewscorrelation", "mcc"),
            Map.entry("pearsonr", "pearson"), Map.entry("spearmanr", "spearman"), Map.entry("top1", "accuracy"),
            Map.entry("top1accuracy", "accuracy"), Map.entry("sacrebleu", "bleu"), Map.entry("bleuscore", "bleu"),
            Map.entry("rocauc", "auroc"), Map.entry("auc", "auroc"));

    /** A metric's comparison key: {@link #key}, with the usual synonyms made one ("acc." and "Accuracy": accuracy). */
    public static String metricKey(String metric) {
        String k = key(metric);
        return METRIC_SYNONYMS.getOrDefault(k, k);
    }

    /**
     * Two metric names for one measure: the same {@link #metricKey}, or one ending with the other ("OE VQA acc." and
     * "acc.", "box AP" and "AP"), the shorter being at least two letters.
     */
    public static boolean sameMetric(String a, String b) {
        return sameMetricKey(metricKey(a), metricKey(b));
    }

    /** {@link #sameMetric} of two {@link #metricKey}s. */
    private static boolean sameMetricKey(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) return false;
        return x.equals(y) || (y.length() >= 2 && x.endsWith(y)) || (x.length() >= 2 && y.endsWith(x))
                || (x.endsWith("acc") && y.equals("accuracy")) || (y.endsWith("acc") && x.equals("accuracy"));
    }

    /** Keys claimed by more than one benchmark, with the names claiming them: empty for a consistent vocabulary. */
    public Map<String, List<String>> conflicts() {
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        for (Benchmark b : benchmarks) {
            for (String s : b.spellings()) owners.computeIfAbsent(key(s), k -> new TreeSet<>()).add(b.name());
        }
        Map<String, List<String>> conflicts = new TreeMap<>();
        owners.forEach((k, names) -> {
            if (names.size() > 1) conflicts.put(k, List.copyOf(names));
        });
        return conflicts;
    }
}
