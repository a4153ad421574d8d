package io.modelcards.parse;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What result extraction knows about the card it reads: the vocabulary, the model's names (to tell its own results from
 * the baselines it compares with) and how results are made.
 */
final class ResultContext {
    private static final Pattern ID_PARTS = Pattern.compile("__|/");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s_-]+");
    private static final Pattern EMPHASIS = Pattern.compile("[*`]+");
    /** Column or row headers that stand for "this model's value". */
    private static final Set<String> GENERIC = Set.of("", "value", "values", "score", "scores", "result", "results",
            "ours", "this model", "our model", "model", "performance", "metric value", "accuracy", "this work",
            "finetuned", "fine-tuned", "eval", "evaluation", "test", "dev", "validation", "number", "percentage");

    static final java.util.regex.Pattern GLUED_SPLIT = java.util.regex.Pattern.compile(
            "(?i)(.{3,}?)[\\s_-]*(?:test-?dev|test-?std|dev|test|val|validation|testA|testB|minival)$");

    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile("(?i)\\((?:ours|this work)\\)|\\bours\\b");

    /** Emphasis and code marks around a header's words. */
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[*_`]+");
    /** Words of file and folder names that are not the model's ("README", "model card", "config", "docs"). */
    private static final java.util.regex.Pattern NOT_A_NAME = java.util.regex.Pattern.compile(
            "(?i)\\.md$|readme|model[ _-]?card|\\bcard\\b|config|\\bdocs\\b|^models?_|\\bmodels?\\b|(?<![a-z])en\\b");

    final BenchmarkVocabulary vocabulary;
    private final Model model;
    private List<String> ownKeys;
    /**
     * What {@link #find}, {@link #isOwn} and {@link #variantName} said of each text so far: a card states its results
     * in rows and columns that repeat the same headers (116 results a card, from a few dozen headers, in the synthetic
     * corpus), and each answer is a few regular expressions. One context reads one card, on one thread.
     */
    private final java.util.Map<String, Optional<BenchmarkVocabulary.Benchmark>> found = new java.util.HashMap<>();
    private final java.util.Map<String, Boolean> own = new java.util.HashMap<>();
    private final java.util.Map<String, String> shown = new java.util.HashMap<>();
    /** Each setting as written, its markup gone and spaces collapsed (a card repeats "5-shot" under every column). */
    private final java.util.Map<String, String> settingTexts = new java.util.HashMap<>();
    private final Interner interner;

    ResultContext(Model m, BenchmarkVocabulary vocabulary, Interner interner) {
        this.vocabulary = vocabulary;
        this.interner = interner;
        this.model = m;
    }

    /**
     * The keys of the model's names, made when first asked for: most cards state no result whose header needs them,
     * and making them (a case-blind pattern over five to ten names) was 1.2 % of a build of the 26,354 real cards.
     */
    private List<String> ownKeys() {
        if (ownKeys == null) {
            ownKeys = new ArrayList<>();
            addOwn(model.name());
            addOwn(model.heading());
            String id = model.id();
            addOwn(id.substring(id.lastIndexOf('/') + 1));
            // "MoonshotAI__Kimi-K2__README": a file named after its repository names the model too
            for (String part : ID_PARTS.split(model.name() + "/" + id)) if (part.length() >= 4) addOwn(part);
        }
        return ownKeys;
    }

    private void addOwn(String name) {
        String k = BenchmarkVocabulary.key(NOT_A_NAME.matcher(name).replaceAll(""));
        if (k.length() >= 3 && !ownKeys.contains(k)) ownKeys.add(k);
    }

    /** The benchmark a header text names, if the vocabulary knows it. */
    Optional<BenchmarkVocabulary.Benchmark> find(String text) {
        if (text == null || text.isBlank() || text.length() > 80) return Optional.empty();
        return found.computeIfAbsent(text, this::lookUp);
    }

    private Optional<BenchmarkVocabulary.Benchmark> lookUp(String text) {
        String clean = unmarked(text);
        var found = vocabulary.find(clean);
        if (found.isEmpty() && mayEndInSplit(clean)) {
            // a split glued to the name: "VQAv2dev", "MMBench-EN-Test", "DocVQA_val"
            java.util.regex.Matcher glued = GLUED_SPLIT.matcher(clean);
            if (glued.matches()) found = vocabulary.find(glued.group(1));
        }
        return found;
    }

    /** {@code MARKUP.matcher(text).replaceAll(" ").strip()}, the pattern only where it can match. */
    private static String unmarked(String text) {
        boolean marked = false;
        for (int i = 0; i < text.length() && !marked; i++) {
            char c = text.charAt(i);
            marked = c == '*' || c == '_' || c == '`';
        }
        return (marked ? MARKUP.matcher(text).replaceAll(" ") : text).strip();
    }

    /**
     * Whether {@code text} ends as GLUED_SPLIT's splits end (dev, std, test, val, validation, testA, testB), in any
     * case: the pattern, whose lazy name part tries every length, only where it can match (the look-up of each
     * header and label that names no benchmark ran it).
     */
    static boolean mayEndInSplit(String text) {
        for (String end : SPLIT_ENDS) {
            if (text.regionMatches(true, text.length() - end.length(), end, 0, end.length())) return true;
        }
        return false;
    }

    private static final String[] SPLIT_ENDS = {"dev", "std", "test", "val", "validation", "testa", "testb"};

    /** The split glued to a benchmark name ("dev" of "VQAv2dev"), or "" when the name alone is known. */
    String gluedSplit(String text) {
        String clean = unmarked(text);
        if (vocabulary.find(clean).isPresent() || !mayEndInSplit(clean)) return "";
        java.util.regex.Matcher glued = GLUED_SPLIT.matcher(clean);
        return glued.matches() && vocabulary.find(glued.group(1)).isPresent()
                ? clean.substring(glued.group(1).length()).transform(s -> LEADING_SEPARATORS.matcher(s).replaceAll("")) : "";
    }

    /**
     * Whether {@code variant} (a row or column header) names this model or one of its variants: blank or generic
     * ("Value", "Ours"), or its name contains the model's name (Qwen-VL-Chat in Qwen-VL's card), or the other way round.
     */
    boolean isOwn(String variant) {
        return own.computeIfAbsent(variant, this::namesThisModel);
    }

    private boolean namesThisModel(String variant) {
        String v = unmarked(variant);
        if (GENERIC.contains(v.toLowerCase(java.util.Locale.ROOT)) || OURS.matcher(v).find()) return true;
        String k = BenchmarkVocabulary.key(v);
        if (k.isEmpty()) return true;
        for (String own : ownKeys()) {
            if (k.contains(own) || (k.length() >= 4 && own.contains(k))) return true;
        }
        return false;
    }

    /** The variant as shown: blank for a generic header. */
    static String variantName(String variant) {
        String v = Spaces.collapse(EMPHASIS.matcher(variant).replaceAll(""));
        return GENERIC.contains(v.toLowerCase(java.util.Locale.ROOT)) ? "" : v;
    }

    /**
     * A result: {@code named} is the benchmark as written (its vocabulary name when known); {@code metric} as written,
     * else the benchmark's usual metric when the vocabulary knows one.
     */
    Result result(String named, String metric, BigDecimal value, String printed, List<String> settings,
                  String variant, List<Result.Origin> origins) {
        var known = find(named);
        String benchmark = known.map(BenchmarkVocabulary.Benchmark::name).orElse(named.strip());
        String dataset = known.map(BenchmarkVocabulary.Benchmark::dataset).orElse("");
        String task = known.map(BenchmarkVocabulary.Benchmark::task).orElse("");
        String shownVariant = shown.computeIfAbsent(variant, ResultContext::variantName);
        boolean baseline = !isOwn(variant);
        List<String> kept = new ArrayList<>();
        for (String s : settings) {
            String t = settingTexts.computeIfAbsent(s, k -> Spaces.collapse(MARKUP.matcher(k).replaceAll(" ")));
            if (!t.isEmpty() && !kept.contains(t) && !t.equalsIgnoreCase("ours") && !t.equalsIgnoreCase("this work")) kept.add(t);
        }
        // the value held once for all equal ones (BigDecimal.equals: the same scale), like the origin's texts
        return new Result(benchmark, known.isPresent(), dataset, task, metric.strip(), interner.shared(value), printed,
                String.join(", ", kept), shownVariant, baseline, origins);
    }

    /**
     * The header texts of a result's origin, as one list for all equal ones: the rows of a table repeat their labels
     * ("8-shot" under each model) and cards repeat their tables' headers; at 10,000 cards a million origins held 250,000
     * different lists.
     */
    List<String> headers(List<String> headers) {
        return interner.shared(List.copyOf(headers));
    }

    /**
     * A table cell's origin, its position, ids and text held once for all equal ones: a build holds its models' tables
     * encoded, so the texts a result keeps are its own unless shared here (a million origins at 10,000 cards).
     */
    io.modelcards.model.Result.Origin tableOrigin(io.modelcards.diag.SourcePosition row, String table, String rowId,
                                                  int column, List<String> headers, String text) {
        return new io.modelcards.model.Result.Origin(io.modelcards.model.Result.Kind.TABLE, interner.shared(row),
                interner.shared(table), interner.shared(rowId), column, headers(headers), interner.shared(text));
    }
}
