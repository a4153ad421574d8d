package io.modelcards.parse;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One model's results, in one flat list: those read from its tables, lists and prose (in source order), then the
 * declared ones (front matter model-index, .eval_results files, curated.yaml) that the text does not print. A declared
 * result that the text prints too is one result with both origins: same metric, same value to the printed precision
 * (or ×100, as a percentage), and no other benchmark. Benchmarks are named as the vocabulary names them.
 */
public final class ResultExtractor {
    private ResultExtractor() {}

    public static List<Result> extract(Model m, BenchmarkVocabulary vocabulary) {
        return extract(m, vocabulary, Interner.forOneModel());
    }

    /** With {@code interner} shared by the models of one run, equal parts of their results are held once. */
    static List<Result> extract(Model m, BenchmarkVocabulary vocabulary, Interner interner) {
        ResultContext ctx = new ResultContext(m, vocabulary, interner);
        List<Result> printed = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.TableBlock tb) TableResults.read(tb.table(), ctx, printed);
        }
        ListResults.read(m.blocks(), ctx, printed);
        printed.sort(java.util.Comparator.comparingInt(r -> r.source().line())); // stable: table order kept per line
        List<Result> all = new ArrayList<>();
        Map<Place, List<Integer>> placed = new java.util.HashMap<>();
        for (Result r : printed) addOnce(all, r, placed);
        for (Result declared : m.results()) merge(all, named(declared, ctx));
        return all;
    }

    /**
     * A result read twice from one cell position (same line and column, as in rows of an HTML table written on one
     * line) with the same benchmark, metric, setting, variant and value is one result with both places.
     */
    private static void addOnce(List<Result> all, Result r, Map<Place, List<Integer>> placed) {
        // the results that may be r are those of its place (a card reads 130 results: comparing each with all before it
        // was 1 % of a 10,000-card build); the first of them read from another origin takes r's origins
        List<Integer> same = placed.computeIfAbsent(Place.of(r), k -> new ArrayList<>(1));
        for (int i : same) {
            Result a = all.get(i);
            if (!a.origins().get(0).equals(r.origins().get(0))) {
                all.set(i, a.withOrigins(r.origins()));
                return;
            }
        }
        same.add(all.size());
        all.add(r);
    }

    /**
     * What two results read from one cell position share: benchmark, metric, setting, variant, value (compared as
     * numbers: its trailing zeros dropped), baseline or not, the first origin's source line and column.
     */
    private record Place(String benchmark, String metric, String setting, String variant, BigDecimal value,
                         boolean baseline, io.modelcards.diag.SourcePosition source, int column) {
        static Place of(Result r) {
            return new Place(r.benchmark(), r.metric(), r.setting(), r.variant(), r.value().stripTrailingZeros(),
                    r.baseline(), r.source(), r.origins().get(0).column());
        }
    }

    /** A declared result under its vocabulary name. */
    private static Result named(Result r, ResultContext ctx) {
        if (r.known()) return r;
        var b = ctx.find(r.benchmark());
        if (b.isEmpty()) return r;
        return new Result(b.get().name(), true, r.dataset().isEmpty() ? b.get().dataset() : r.dataset(),
                r.task().isEmpty() ? b.get().task() : r.task(), r.metric(), r.value(), r.printed(), r.setting(),
                r.variant(), r.baseline(), r.origins());
    }

    private static void merge(List<Result> all, Result declared) {
        if (!declared.baseline()) {
            for (int i = 0; i < all.size(); i++) {
                Result p = all.get(i);
                if (p.baseline() || !p.origins().get(0).kind().isPrinted()) continue;
                if (sameMetric(p.metric(), declared.metric()) && sameValue(p, declared.value())
                        && compatible(p, declared)) {
                    Result merged = p.withOrigins(declared.origins());
                    if (p.setting().isEmpty() && !declared.setting().isEmpty()) {
                        // the card's table says no split; its model-index does ("test")
                        merged = new Result(p.benchmark(), p.known(), p.dataset(), p.task(), p.metric(), p.value(),
                                p.printed(), declared.setting(), p.variant(), false, merged.origins());
                    }
                    if (!p.known() && declared.known()) {
                        merged = new Result(declared.benchmark(), true, declared.dataset(), declared.task(), p.metric(),
                                p.value(), p.printed(), p.setting(), p.variant(), false, merged.origins());
                    }
                    all.set(i, merged);
                    return;
                }
            }
        }
        all.add(declared);
    }

    /** One benchmark, or a printed one that names none (a Trainer list of an unnamed dataset). */
    private static boolean compatible(Result printed, Result declared) {
        if (printed.benchmark().isEmpty() || !printed.known()) return true;
        return printed.benchmark().equals(declared.benchmark()) || !declared.known();
    }

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("acc", "accuracy"), Map.entry("f1score", "f1"), Map.entry("fscore", "f1"),
            Map.entry("worderrorrate", "wer"), Map.entry("charactererrorrate", "cer"), Map.entry("em", "exactmatch"),
            Map.entry("testwer", "wer"), Map.entry("testcer", "cer"), Map.entry("evalloss", "loss"),
            Map.entry("validationloss", "loss"), Map.entry("matthewscorrelation", "mcc"), Map.entry("rouge1", "rouge1"),
            Map.entry("pearsonr", "pearson"), Map.entry("spearmanr", "spearman"), Map.entry("top1", "accuracy"),
            Map.entry("top1accuracy", "accuracy"), Map.entry("sacrebleu", "bleu"), Map.entry("bleuscore", "bleu"));

    /** Metric names compared by key, with the usual synonyms (acc = accuracy, Test WER = wer). */
    static boolean sameMetric(String a, String b) {
        String x = metricKey(a);
        String y = metricKey(b);
        return x.equals(y) || x.isEmpty() || y.isEmpty() || x.endsWith(y) && y.length() >= 3 || y.endsWith(x) && x.length() >= 3;
    }

    static String metricKey(String metric) {
        String k = BenchmarkVocabulary.key(metric);
        return SYNONYMS.getOrDefault(k, k);
    }

    /** {@code value}, as {@code r} prints it: to its decimals, or ×100 as a percentage. */
    static boolean sameValue(Result r, BigDecimal value) {
        BigDecimal p = r.value();
        if (p.compareTo(value) == 0) return true;
        int scale = Math.max(0, p.scale());
        if (value.setScale(scale, RoundingMode.HALF_UP).compareTo(p) == 0) return true;
        return value.movePointRight(2).setScale(scale, RoundingMode.HALF_UP).compareTo(p) == 0;
    }
}
