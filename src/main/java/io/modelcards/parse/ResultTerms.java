package io.modelcards.parse;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Remembered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of result headers: which piece of {@code MMLU (5-shot, acc_norm)} is the benchmark, the metric, the shots,
 * the split. Pieces are told apart by what they are (a metric name, a shot count, a split word), never by position.
 */
final class ResultTerms {
    private static final java.util.regex.Pattern EMPHASIS = java.util.regex.Pattern.compile("[*`]+");
    private static final java.util.regex.Pattern PIECES = java.util.regex.Pattern.compile("[,;]|\\s/\\s| - ");
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[\\s,:;–-]+$");
    private static final java.util.regex.Pattern PASS_AT = java.util.regex.Pattern.compile("pass\\d+");
    private static final java.util.regex.Pattern RANKED_METRIC =
            java.util.regex.Pattern.compile("(?:map|ap|ar|r|recall|acc|accuracy|ndcg|hit|hits|precision)\\d+(?:\\d+)?");
    private static final java.util.regex.Pattern ROUGE = java.util.regex.Pattern.compile("rouge\\w{1,4}");
    private static final java.util.regex.Pattern BLEU = java.util.regex.Pattern.compile("bleu\\d?");
    private ResultTerms() {}

    /** A header split into its benchmark part and the metric and settings written around it. */
    record Parts(String name, String metric, List<String> settings) {}

    /** Metric names as cards write them, compared by {@link BenchmarkVocabulary#key}. */
    private static final Set<String> METRICS = keys(
            "accuracy", "acc", "acc.", "acc_norm", "acc norm", "accuracy norm", "normalized accuracy", "top-1", "top1",
            "top-1 acc", "top-1 accuracy", "top-5", "top5", "top-5 accuracy", "f1", "f1 score", "f1-score", "f-score",
            "macro f1", "micro f1", "weighted f1", "f1 macro", "f1 micro", "f1 weighted", "macro-f1", "micro-f1",
            "em", "exact match", "exact_match", "exactmatch", "bleu", "sacrebleu", "bleu score", "bleu-4", "chrf",
            "chrf++", "ter", "meteor", "comet", "rouge", "rouge1", "rouge-1", "rouge2", "rouge-2", "rougel", "rouge-l",
            "rougelsum", "rouge-lsum", "wer", "cer", "per", "word error rate", "character error rate", "wer (%)",
            "perplexity", "ppl", "loss", "eval loss", "validation loss", "pass@1", "pass@10", "pass@100", "pass@k",
            "ap", "ap50", "ap75", "aps", "apm", "apl", "map", "map50", "map@50", "map50-95", "map@0.5", "box ap",
            "mask ap", "ar", "miou", "iou", "mean iou", "cider", "spice", "precision", "recall", "auc", "roc auc",
            "roc-auc", "auroc", "mcc", "matthews correlation", "matthews_correlation", "pearson", "spearman",
            "pearsonr", "spearmanr", "pearson correlation", "spearman correlation", "mae", "mse", "rmse", "fid",
            "clip score", "win rate", "winrate", "elo", "score", "bpb", "bits per byte", "ndcg", "ndcg@10", "mrr",
            "mrr@10", "recall@1", "recall@5", "recall@10", "r@1", "r@5", "r@10", "map@100", "spbleu", "gleu", "sari",
            "bertscore", "bleurt", "mauve", "kappa", "cohen kappa", "avg", "average", "mean", "overall", "pck", "oks",
            "psnr", "ssim", "lpips", "mos", "eer", "der", "si-sdr", "sdr", "pesq", "stoi", "acc@1", "acc@5",
            "accuracy (%)", "f1 (%)", "em (%)", "strict acc", "strict accuracy", "loose accuracy", "prompt strict",
            "inst strict", "pass rate", "resolved", "success rate", "mc1", "mc2", "gen", "norm", "precision@1",
            "hit@1", "hits@1", "hits@10", "cider-d", "bleu-1", "bleu-2", "bleu-3", "entity f1", "span f1", "micro avg",
            "macro avg", "accuracy@1", "exact", "rouge-lsum", "token f1", "wer%");

    private static final Pattern SHOT = Pattern.compile(
            "(?i)^(?:(\\d+(?:\\s*[-–~]\\s*\\d+)?)|zero|one|few|five|three|ten|n)\\s*[- ]?\\s*shots?$|^(?:0|zero)[- ]?shot[- ]cot$|^#?\\s*shots?\\s*[:=]?\\s*\\d+$");
    private static final Pattern COT = Pattern.compile("(?i)^(?:cot|chain[- ]of[- ]thought|w/ ?cot|with cot|maj@\\d+|pass@\\d+|\\d+-shot cot|cot@\\d+|greedy|sampling)$");
    private static final Set<String> SPLITS = keys("test", "val", "validation", "dev", "eval", "evaluation",
            "test-clean", "test-other", "dev-clean", "dev-other", "test clean", "test other", "dev clean", "dev other",
            "clean", "other", "testa", "testb", "test-std", "test-dev", "minival", "val2017", "test2017", "test-a",
            "test-b", "matched", "mismatched", "m", "mm", "full", "lite",
            "test set", "dev set", "validation set", "val set");
    /** A header that names what is not a result: sizes, steps, speed, dates. */
    private static final Pattern NOT_A_RESULT = Pattern.compile("(?i)\\b(?:param(?:eter)?s?|#\\s*params|size|epochs?|steps?|"
            + "learning[ _-]?rate|lr|batch|tokens?|layers?|heads?|hidden|dim(?:ension)?s?|vocab|year|date|time|hours?|days?|"
            + "latency|throughput|speed|memory|vram|gpus?|flops|macs|context|length|seq(?:uence)?|checkpoint|download|link|"
            + "license|version|release|no\\.|#|id|rank|gb|mb|ms|fps|seconds?|sec|warmup|weight decay|dropout|temperature|"
            + "training loss|train loss|samples?|examples?|images|hours|languages?|price|cost|\\$)\\b");

    /**
     * The benchmark part of a header and the metric and settings around it: {@code MMLU (5-shot)} → MMLU, "", [5-shot];
     * {@code ARC-c acc_norm 25-shot} → ARC-c, acc_norm, [25-shot]; {@code HumanEval pass@1} → HumanEval, pass@1, [].
     * Trailing pieces are peeled off while they are metrics or settings; what remains is the name.
     */
    static Parts split(String header) {
        return SPLIT.get(header, ResultTerms::splitting);
    }

    /**
     * What {@link #split} said of each header text: card after card splits the same header rows and row labels, and
     * splitting one (two patterns, a loop of substrings, look-ups of each piece) was 0.8 % of a build of 10,000
     * synthetic cards. Half as large as {@link #NOT_A_RESULT_SAID}, as each text keeps its pieces: the 26,354 real cards
     * split 11,239 texts, the 10,000 synthetic ones fill it (their row labels are their models' own names).
     */
    private static final Remembered<String, Parts> SPLIT = new Remembered<>(50_000);

    private static Parts splitting(String header) {
        String name = Spaces.collapse(EMPHASIS.matcher(header.replace('\u00a0', ' ')).replaceAll(" "));
        String metric = "";
        List<String> settings = new ArrayList<>();
        // groups: "(5-shot)", "[test]", "(0-shot, CoT)"
        Matcher g = GROUP.matcher(name);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (g.find()) {
            rest.append(name, last, g.start()).append(' ');
            last = g.end();
            for (String piece : PIECES.split(g.group(1))) {
                String p = piece.strip();
                if (p.isEmpty()) continue;
                if (metric.isEmpty() && isMetric(p)) metric = p;
                else settings.add(p);
            }
        }
        rest.append(name.substring(last));
        name = Spaces.collapse(rest);
        // trailing words: "MMLU 5-shot", "ARC-c acc_norm", "LibriSpeech test-clean WER"
        while (true) {
            int space = name.lastIndexOf(' ');
            if (space < 0) break;
            String tail = name.substring(space + 1);
            String two = name.lastIndexOf(' ', space - 1) >= 0 ? name.substring(name.lastIndexOf(' ', space - 1) + 1) : "";
            if (!two.isEmpty() && metric.isEmpty() && METRICS.contains(BenchmarkVocabulary.key(two)) && isMetric(two)) {
                metric = two;
                name = name.substring(0, name.lastIndexOf(' ', space - 1)).strip();
            } else if (!two.isEmpty() && (isShots(two) || isSplit(two))) {
                settings.add(0, two);
                name = name.substring(0, name.lastIndexOf(' ', space - 1)).strip();
            } else if (metric.isEmpty() && isMetric(tail)) {
                metric = tail;
                name = name.substring(0, space).strip();
            } else if (isShots(tail) || isCot(tail) || isSplit(tail)) {
                settings.add(0, tail);
                name = name.substring(0, space).strip();
            } else {
                break;
            }
            name = TRAILING_PUNCTUATION.matcher(name).replaceAll("");
        }
        return new Parts(name, metric, List.copyOf(settings));
    }

    /** "eval_rouge1", "test_accuracy": the split written before the metric, as the Trainer logs it. */
    private static final Pattern EVAL_PREFIX = Pattern.compile("(?i)^(?:eval|test|validation|val|dev)[_ ]");

    private static final Pattern GROUP = Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]");

    static boolean isMetric(String text) {
        String k = BenchmarkVocabulary.key(EVAL_PREFIX.matcher(text.replace("%", "").strip()).replaceFirst(""));
        return !k.isEmpty() && (METRICS.contains(k) || k.startsWith("pass") && PASS_AT.matcher(k).matches()
                || RANKED_METRIC.matcher(k).matches()
                || ROUGE.matcher(k).matches() || BLEU.matcher(k).matches());
    }

    static boolean isShots(String text) {
        return SHOT.matcher(text.strip()).matches();
    }

    static boolean isCot(String text) {
        return COT.matcher(text.strip()).matches();
    }

    static boolean isSplit(String text) {
        return SPLITS.contains(BenchmarkVocabulary.key(text));
    }

    /** Headers of sizes, steps, speeds and dates, whose numbers are not results. */
    static boolean isNotAResult(String header) {
        return NOT_A_RESULT_SAID.get(header, h -> NOT_A_RESULT.matcher(h).find());
    }

    /**
     * What {@link #isNotAResult} said of each header text: a catalogue repeats its headers in every card, and the search
     * was a fortieth of a 10,000-card build.
     */
    private static final Remembered<String, Boolean> NOT_A_RESULT_SAID = new Remembered<>(100_000);

    /** A header that says the column (or row) holds settings: "Shots", "# Shots", "n-shot", "Setting". */
    static boolean isSettingHeader(String header) {
        String k = BenchmarkVocabulary.key(header);
        return k.equals("shot") || k.equals("shots") || k.equals("nshot") || k.equals("nshots") || k.equals("fewshot")
                || k.equals("setting") || k.equals("settings") || k.equals("split") || k.equals("mode")
                || k.equals("numshots") || k.equals("shotnumber") || k.equals("evalsetting") || k.equals("subset")
                || k.equals("prompt");
    }

    /** A header that says the column (or row) names metrics: "Metric", "Metrics", "Measure". */
    static boolean isMetricHeader(String header) {
        String k = BenchmarkVocabulary.key(header);
        return k.equals("metric") || k.equals("metrics") || k.equals("measure") || k.equals("evalmetric")
                || k.equals("evaluationmetric");
    }

    private static Set<String> keys(String... words) {
        Set<String> set = new java.util.HashSet<>();
        for (String w : words) set.add(BenchmarkVocabulary.key(w));
        return Set.copyOf(set);
    }
}
