package io.modelcards.parse;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Result;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Results written outside tables: the Trainer template's list ("It achieves the following results on the evaluation
 * set: - Loss: 0.31 - Accuracy: 0.91") with the dataset its card names ("… on the glue dataset"; "the None dataset"
 * names none), lists of {@code Metric: value} or {@code Benchmark: value} items under an evaluation heading or sentence,
 * and the XLSR fine-tuning template's {@code **Test Result**: 23.4 %} (a word error rate where the card computes WER).
 */
final class ListResults {
    private ListResults() {}

    private static final Pattern TRAINER = Pattern.compile(
            "(?i)(?:achieves|achieved|obtains|reaches|gets) the following results on the (evaluation|eval|test|validation|dev) (?:set|data|split)");
    private static final Pattern EVALUATION_WORDS = Pattern.compile(
            "(?i)\\b(?:results?|evaluation|evaluated|performance|scores?|metrics?|benchmarks?|achieves|accuracy)\\b");
    private static final Pattern ON_DATASET = Pattern.compile(
            "(?i)\\bon the \\[?([^\\]\\s][^\\]]{0,80}?)\\]?(?:\\([^)]*\\))? dataset\\b");
    private static final Pattern ITEM = Pattern.compile(
            "^\\s*(?:\\*\\*)?([^:*]{1,60}?)(?:\\*\\*)?\\s*[:=]\\s*(?:\\*\\*)?\\s*([-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(%?)(?:\\*\\*)?\\s*(?:\\(([^()]{1,40})\\))?\\s*\\.?$");
    private static final Pattern WER_WORDS = Pattern.compile("(?i)\\b(?:wer|word error rate)\\b");
    private static final Pattern CER_WORDS = Pattern.compile("(?i)\\b(?:cer|character error rate)\\b");
    private static final Pattern COMMON_VOICE = Pattern.compile("(?i)\\bcommon[ _]voice\\b");
    private static final Pattern ERROR_RATE = Pattern.compile(
            "(?i)(?<![\\w-])(WER|CER)\\s*(?:\\(%\\))?\\s*[:=]\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern TEST_RESULT = Pattern.compile(
            "(?i)(?:\\btest )?\\bresults?\\s*(?:\\(([a-z]{2,4})\\))?\\s*\\**\\s*:\\s*\\**\\s*(?:(wer|cer)\\s*[:=]?\\s*)?(\\d+(?:\\.\\d+)?)\\s*%");

    /** Reads the results of {@code blocks} (one model's) outside tables. */
    static void read(List<Block> blocks, ResultContext ctx, List<Result> out) {
        String dataset = trainerDataset(blocks);
        String heading = "";
        String lastProse = "";
        boolean wer = mentions(blocks, WER_WORDS, "wer", "word error rate");
        boolean cer = mentions(blocks, CER_WORDS, "cer", "character error rate");
        String testData = mentions(blocks, COMMON_VOICE, "common voice", "common_voice") ? "Common Voice" : "";
        String trainerSplit = null; // while a Trainer sentence holds: the split it names
        String label = "";          // "Conll2002:" between the sentence and a list: that list's dataset
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b instanceof Block.Heading h) {
                heading = h.text();
                lastProse = "";
                trainerSplit = null;
            } else if (b instanceof Block.Prose p) {
                String text = p.text().strip();
                Matcher trainer = TRAINER.matcher(text);
                if (says(text, "following results on the") && trainer.find()) {
                    String split = trainer.group(1).toLowerCase(Locale.ROOT);
                    trainerSplit = split.startsWith("eval") ? "evaluation set" : split + " set";
                    label = "";
                } else if (trainerSplit != null && text.length() <= 60 && text.endsWith(":")) {
                    label = text.substring(0, text.length() - 1).strip();
                } else {
                    trainerSplit = null;
                }
                lastProse = text;
                proseResults(p, wer, cer, testData, ctx, out);
            } else if (b instanceof Block.ListBlock l) {
                if (trainerSplit != null) {
                    items(l, label.isEmpty() ? dataset : label, trainerSplit, lastProse, true, ctx, out);
                    label = "";
                } else if (EVALUATION_WORDS.matcher(heading).find() || EVALUATION_WORDS.matcher(lastProse).find()) {
                    String sentence = lastProse;
                    var named = ctx.find(heading).or(() -> ctx.find(sentence));
                    items(l, named.map(BenchmarkVocabulary.Benchmark::name).orElse(""), "",
                            lastProse.isEmpty() ? heading : lastProse, false, ctx, out);
                }
                lastProse = "";
            } else if (!(b instanceof Block.DetailsStart || b instanceof Block.DetailsEnd)) {
                lastProse = "";
                trainerSplit = null;
            }
        }
    }

    /** "This model is a fine-tuned version of x on the glue dataset.": glue; "the None dataset" names none. */
    static String trainerDataset(List<Block> blocks) {
        for (Block b : blocks) {
            if (!(b instanceof Block.Prose p) || !saysAfterSpace(p.text(), "dataset")) continue;
            Matcher m = ON_DATASET.matcher(p.text());
            if (m.find()) {
                String name = m.group(1).strip();
                return name.equalsIgnoreCase("none") || name.equalsIgnoreCase("null") || name.equalsIgnoreCase("unknown")
                        ? "" : name;
            }
        }
        return "";
    }

    /**
     * Each item {@code Label: number}: a metric of {@code dataset}, or a benchmark's score when the label names one.
     * In a Trainer list every item is a metric; elsewhere items whose label is neither are left out.
     */
    private static void items(Block.ListBlock l, String dataset, String setting, String sentence, boolean trainer,
                              ResultContext ctx, List<Result> out) {
        for (int i = 0; i < l.items().size(); i++) {
            String text = org.jsoup.Jsoup.parseBodyFragment(l.items().get(i)).text().replace('\u00a0', ' ').strip();
            Matcher m = ITEM.matcher(text);
            if (!m.matches()) continue;
            String label = m.group(1).strip();
            String number = m.group(2);
            BigDecimal value;
            try {
                value = new BigDecimal(number);
            } catch (NumberFormatException e) {
                continue;
            }
            ResultTerms.Parts parts = ResultTerms.split(label);
            Optional<BenchmarkVocabulary.Benchmark> named = ctx.find(parts.name());
            String benchmark;
            String metric;
            List<String> settings = new ArrayList<>();
            if (!setting.isEmpty()) settings.add(setting);
            if (named.isPresent() && !ResultTerms.isMetric(label)) {
                benchmark = parts.name();
                metric = parts.metric().isEmpty() && m.group(4) != null && ResultTerms.isMetric(m.group(4)) ? m.group(4)
                        : parts.metric();
                if (metric.isEmpty() && !named.get().metrics().isEmpty()) metric = named.get().metrics().get(0);
                settings.addAll(parts.settings());
            } else if (trainer || ResultTerms.isMetric(label) || ResultTerms.isMetric(parts.metric())) {
                if (ResultTerms.isNotAResult(label) && !ResultTerms.isMetric(label)) continue;
                benchmark = dataset;
                metric = label;
            } else {
                continue;
            }
            List<String> headers = sentence.isBlank() ? List.of(label) : List.of(shorten(sentence), label);
            Result.Origin origin = Result.Origin.at(Result.Kind.LIST, l.itemOrigin(i), headers, text);
            out.add(ctx.result(benchmark, metric, value, number, settings, "", List.of(origin)));
        }
    }

    /**
     * Word error rates stated in prose: the XLSR template's "**Test Result**: 23.45 %" (WER, or CER, as the card
     * computes it), and "WER: 12.82%", "**CER**: 4.9 %", "**Result**: 30.0 %" sentences.
     */
    private static void proseResults(Block.Prose p, boolean wer, boolean cer, String testData, ResultContext ctx,
                                     List<Result> out) {
        String text = p.text();
        if (text.indexOf('%') < 0) return; // both forms end in a percent sign
        Matcher m = TEST_RESULT.matcher(text);
        int consumed = 0;
        // every match holds "result", at most five characters ("test ") after its start: the pattern, which can
        // start anywhere, is tried from there on (its word boundaries still see the text before)
        int result = indexOf(text, "result");
        if (result >= 0) m.region(Math.max(0, result - 5), text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        while (result >= 0 && m.find()) {
            String metric = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : wer ? "WER" : cer ? "CER" : "";
            consumed = m.end();
            if (metric.isEmpty()) continue;
            add(p, m.group(), metric, m.group(3), testData, ctx, out);
        }
        Matcher rate = ERROR_RATE.matcher(text);
        boolean rates = hasRate(text);
        while (rates && rate.find()) {
            if (rate.start() < consumed) continue;
            add(p, rate.group(), rate.group(1), rate.group(2), testData, ctx, out);
        }
    }

    private static void add(Block.Prose p, String said, String metric, String number, String testData,
                            ResultContext ctx, List<Result> out) {
        Result.Origin origin = Result.Origin.at(Result.Kind.PROSE, lineOf(p, number), List.of(shorten(said)),
                said.strip());
        out.add(ctx.result(testData, metric.toUpperCase(Locale.ROOT), new BigDecimal(number), number, List.of("test"),
                "", List.of(origin)));
    }

    /**
     * The line of the paragraph block that prints {@code number}: each soft line break of the source is a line break of
     * the HTML, and paragraphs are apart by one blank line (the usual way; else the block's first line is close).
     */
    private static io.modelcards.diag.SourcePosition lineOf(Block.Prose p, String number) {
        String[] lines = p.html().split("\n", -1);
        Pattern printed = Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?!\\d)");
        int offset = 0;
        for (String line : lines) {
            if (printed.matcher(line).find()) {
                return p.origin().withLine(p.origin().line() + offset);
            }
            offset += line.endsWith("</p>") ? 2 : 1;
        }
        return p.origin();
    }

    /**
     * Whether the card's prose, code or headings say {@code w} (WER is computed in its evaluation code); every match of
     * {@code w} is one of {@code words} between word boundaries, looked for first ("lower", "answer" and "fewer" hold
     * "wer" but not as a word, and ran the pattern over most paragraphs).
     */
    private static boolean mentions(List<Block> blocks, Pattern w, String... words) {
        for (Block b : blocks) {
            String text = b instanceof Block.Prose p ? p.text() : b instanceof Block.Code c ? c.code()
                    : b instanceof Block.Heading h ? h.text() : null;
            if (text != null && saysWord(text, words) && w.matcher(text).find()) return true;
        }
        return false;
    }

    /**
     * Whether {@code text} holds one of {@code lowerAscii} (all starting with one letter) in any ASCII case with no
     * ASCII letter, digit or underscore right before or after it: where a pattern's {@code \b} can hold around it.
     * Only ASCII neighbours rule a place out; the pattern decides the rest.
     */
    static boolean saysWord(String text, String... lowerAscii) {
        char lower = lowerAscii[0].charAt(0);
        char upper = (char) (lower & ~0x20);
        int n = text.length();
        int lo = text.indexOf(lower);
        int up = text.indexOf(upper);
        while (lo >= 0 || up >= 0) {
            int i = lo < 0 ? up : up < 0 ? lo : Math.min(lo, up);
            if (i == lo) lo = text.indexOf(lower, i + 1);
            else up = text.indexOf(upper, i + 1);
            if (i > 0 && isAsciiWord(text.charAt(i - 1))) continue;
            for (String word : lowerAscii) {
                int end = i + word.length();
                if (end <= n && matchesAt(text, i, word) && (end == n || !isAsciiWord(text.charAt(end)))) return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * Whether {@code text} holds {@code lowerAscii} in any ASCII case: what a case-insensitive pattern needs before it
     * can match, checked without a regex (the patterns here ran over every paragraph of every card: about 6 % of
     * JFR's samples of a clean build, mostly in word-boundary and case checks, though the build's wall time did not
     * measurably change without them).
     */
    static boolean says(String text, String lowerAscii) {
        return indexOf(text, lowerAscii) >= 0;
    }

    /**
     * {@code says(text, " " + lowerAscii)} (its first character a letter), the word looked for rather than the space: a
     * card's paragraphs hold a space every few characters, and each was compared with the word (most cards' paragraphs
     * were all read so, for the one sentence naming a Trainer's dataset).
     */
    static boolean saysAfterSpace(String text, String lowerAscii) {
        for (int i = indexOf(text, lowerAscii, 1); i >= 0; i = indexOf(text, lowerAscii, i + 1)) {
            if (text.charAt(i - 1) == ' ') return true;
        }
        return false;
    }

    /**
     * Whether ERROR_RATE can match: a "wer" or "cer" with no ASCII letter, digit or underscore on either side (the
     * pattern wants one of {@code \s ( : =} after it). Each paragraph says "wer" in "lower", "fewer" or "answer".
     */
    static boolean hasRate(String text) {
        return saysWord(text, "wer") || saysWord(text, "cer");
    }

    /** Where {@link #says} finds {@code lowerAscii} first, or -1. */
    static int indexOf(String text, String lowerAscii) {
        return indexOf(text, lowerAscii, 0);
    }

    /**
     * Where {@link #says} finds {@code lowerAscii} (its first character a lower-case ASCII letter) first at or after
     * {@code from}, or -1. The places of its first letter in either case are found with {@link String#indexOf(int,
     * int)}, which the JIT compiles to a vector search, rather than a character at a time (these searches run over
     * every paragraph of every card several times).
     */
    static int indexOf(String text, String lowerAscii, int from) {
        int last = text.length() - lowerAscii.length();
        char lower = lowerAscii.charAt(0);
        char upper = (char) (lower & ~0x20);
        int lo = text.indexOf(lower, from);
        int up = text.indexOf(upper, from);
        while (true) {
            int i = lo < 0 ? up : up < 0 ? lo : Math.min(lo, up);
            if (i < 0 || i > last) return -1;
            if (matchesAt(text, i, lowerAscii)) return i;
            if (i == lo) lo = text.indexOf(lower, i + 1);
            else up = text.indexOf(upper, i + 1);
        }
    }

    /**
     * {@code text.regionMatches(true, i, lowerAscii, 0, n)}, compared in ASCII until a character outside it (the
     * Kelvin sign is a k to {@code regionMatches}): the JDK's own was 2 % of a build's samples.
     */
    private static boolean matchesAt(String text, int i, String lowerAscii) {
        for (int k = 0, n = lowerAscii.length(); k < n; k++) {
            char t = text.charAt(i + k);
            char w = lowerAscii.charAt(k);
            if (t == w) continue;
            if (t >= 128) return text.regionMatches(true, i, lowerAscii, 0, n);
            if (w < 'a' || w > 'z' || (t | 0x20) != w) return false;
        }
        return true;
    }

    private static String shorten(String s) {
        String one = Spaces.collapse(s);
        return one.length() > 120 ? one.substring(0, 117) + "…" : one;
    }
}
