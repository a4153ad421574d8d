package io.modelcards.parse;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Remembered;
import io.modelcards.model.Result;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The results of one table, in either orientation. Each number cell is read with the headers over it and beside it:
 * whichever names a benchmark (the vocabulary's, or a column's {@code VQAv2<br>acc.} header) gives the benchmark, the
 * other the variant that scored it; metric and settings come from the header pieces ({@code MMLU (5-shot)},
 * sub-header rows such as {@code 5-shot}), from Metric and Shots columns, and from the table's caption. A number under
 * headers that name neither a benchmark nor a metric is a result only in a table of benchmark shape, and keeps the
 * header text as its (unknown) benchmark. Sizes, steps, dates and training logs are never results.
 */
final class TableResults {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern CAPTION_MARKS = Pattern.compile("[*_`:,;()\\[\\]]");
    private static final Pattern WORD_GAP = Pattern.compile("\\s+");
    private TableResults() {}

    /** First-column headers that say the rows are benchmarks: "Benchmark", "Datasets\Models", "Task". */
    private static final Pattern ROWS_ARE_BENCHMARKS = Pattern.compile(
            "(?i)^\\W*(?:benchmarks?|datasets?|tasks?|evals?|evaluations?|tests?|categor(?:y|ies)|capabilit(?:y|ies)|"
                    + "domains?|subjects?|languages?|metrics? ?/ ?datasets?|dataset ?/ ?metrics?)\\b.*|.*[\\\\/].*(?i:model).*");
    private static final Pattern SUP = Pattern.compile("(?is)<(sup|sub)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern MARKS = Pattern.compile("[*†‡§¶#^]+$|^[*†‡§¶#~≈<>≤≥]+");
    private static final Pattern PLUS_MINUS = Pattern.compile("\\s*(?:±|\\+/-|\\+-)\\s*[\\d.]+\\s*%?$");

    private static final Pattern EVALUATION = Pattern.compile(
            "(?i)\\b(?:results?|evaluations?|evaluated|performance|benchmarks?|scores?|accuracy|leaderboard|comparison|metrics?)\\b");

    /** A header that can name a benchmark: letters, not a formula ("$d_m$") nor a bare number. */
    private static boolean isName(String text) {
        return !text.isBlank() && !text.strip().startsWith("$") && text.codePoints().filter(Character::isLetter).count() >= 2;
    }

    private record ColumnInfo(String text, String benchmark, boolean known, String metric, List<String> settings,
                              String variant, boolean notResult, boolean metricHeader, boolean settingHeader) {
        ColumnInfo withSetting(String setting) {
            List<String> more = new ArrayList<>(settings);
            more.add(setting);
            return new ColumnInfo(text, benchmark, known, metric, more, variant, notResult, metricHeader, settingHeader);
        }
    }

    static void read(Table t, ResultContext ctx, List<Result> out) {
        if (t.kind() == TableKind.LINK_MATRIX || t.rows().isEmpty()) return;
        int width = t.columns().size();
        for (Row r : t.rows()) width = Math.max(width, r.cells().size());
        if (width < 2 && t.columns().size() < 1) return;
        if (isTrainingLog(t)) return;
        new Reading(t, ctx, width, out).read();
    }

    /**
     * One table being read: what its headers say, then its rows one by one. In methods of a few dozen lines each:
     * as one method of 200 lines, C2 took over a second to compile it (99 KB of code), while the other methods waited.
     */
    private static final class Reading {
        private final Table t;
        private final ResultContext ctx;
        private final int width;
        private final int labels;
        private final List<ColumnInfo> cols = new ArrayList<>();
        private final int nameColumn;
        /** a label column headed Model names who scored; one headed Dataset or Benchmark names on what */
        private final boolean modelColumn;
        private final int datasetColumn;
        private final boolean rowsAreBenchmarks;
        private final boolean evaluation;
        private final Optional<BenchmarkVocabulary.Benchmark> captionBenchmark;
        private final List<Result> out;
        /** of each result read: its row's other labels beside a Model column */
        private final List<List<String>> others = new ArrayList<>();
        private String section = "";
        private boolean valuesSeen;

        Reading(Table t, ResultContext ctx, int width, List<Result> out) {
            this.t = t;
            this.ctx = ctx;
            this.width = width;
            this.out = out;
            labels = labelColumns(t, width);
            for (int c = 0; c < width; c++) cols.add(column(t, c, ctx));
            String firstHeader = labels > 0 ? cols.get(0).text() : "";
            nameColumn = nameColumn(t, cols, labels);
            modelColumn = nameColumn >= 0 && NAME_HEADER.matcher(cols.get(nameColumn).text()).matches()
                    && !ROWS_ARE_BENCHMARKS.matcher(cols.get(nameColumn).text()).matches(); // not "Datasets\Models"
            int dataset = -1;
            for (int c = 0; c < labels && dataset < 0; c++) {
                if (c != nameColumn && DATASET_HEADER.matcher(cols.get(c).text()).matches()) dataset = c;
            }
            datasetColumn = dataset;
            // the table's orientation: the axis naming more known benchmarks (or a "Benchmark" corner header) names them
            int knownColumns = 0;
            for (int c = labels; c < width; c++) if (cols.get(c).known()) knownColumns++;
            int knownRows = 0;
            for (int r = 0; r < t.rows().size() && labels > 0; r++) {
                for (int c = 0; c < labels; c++) {
                    String text = cellText(t.cell(r, c));
                    if (!text.isEmpty() && ctx.find(ResultTerms.split(text).name()).isPresent()) {
                        knownRows++;
                        break;
                    }
                }
            }
            rowsAreBenchmarks = ROWS_ARE_BENCHMARKS.matcher(firstHeader).matches() || knownRows > knownColumns;
            // an unknown header is a benchmark only in a table about evaluation: one naming a known benchmark or a metric,
            // or under a heading about results (not LongLM's "$d_m$ | $d_ff$" sizes)
            boolean about = knownColumns + knownRows > 0 || EVALUATION.matcher(t.caption()).find();
            for (int c = labels; c < width && !about; c++) about = !cols.get(c).metric().isEmpty();
            evaluation = about;
            captionBenchmark = ctx.find(t.caption()).or(() -> captionBenchmark(t.caption(), ctx));
        }

        void read() {
            int first = out.size();
            for (int r = 0; r < t.rows().size(); r++) {
                if (!valuesSeen && isSubHeader(t, r, labels, width)) {
                    // "|  | 5-shot | 5-shot | 3-shot |" under the header: the settings of each column
                    for (int c = labels; c < width; c++) {
                        String text = cellText(t.cell(r, c));
                        ColumnInfo col = cols.get(c);
                        if (text.isEmpty() || col.settings().contains(text)) continue;
                        cols.set(c, col.withSetting(text));
                    }
                    continue;
                }
                if (t.isSectionRow(r) || isGroupRow(t, r, width)) {
                    section = cellText(t.cell(r, 0));
                    continue;
                }
                RowLabels row = rowLabels(r);
                for (int c = labels; c < width; c++) cell(r, c, row);
            }
            apart(out, first, others);
        }

        /** The row's label cells: its name, a Metric cell, setting cells. */
        private RowLabels rowLabels(int r) {
            Row row = t.rows().get(r);
            List<String> names = new ArrayList<>();
            String who = ""; // the row's name in the name column: the model or variant it reports
            String rowMetric = "";
            List<String> rowSettings = new ArrayList<>();
            List<String> labelTexts = new ArrayList<>(); // the row's header cells as written
            for (int c = 0; c < labels; c++) {
                if (t.cell(r, c).span().left() > 0) continue; // a colspan label counts once
                String text = cellText(t.cell(r, c));
                if (text.isEmpty() || (c == 0 && ROW_NUMBER.matcher(text).matches() && labels > 1)) continue;
                ColumnInfo col = cols.get(c);
                labelTexts.add(text);
                if (c > 0 && (ResultTerms.isShots(text) || ResultTerms.isCot(text))) rowSettings.add(text);
                else if (col.settingHeader()) rowSettings.add(setting(text, col.text()));
                else if ((col.metricHeader() && (ResultTerms.isMetric(text) || ctx.find(ResultTerms.split(text).name()).isEmpty()))
                        || (rowMetric.isEmpty() && ResultTerms.isMetric(text) && c > 0)) rowMetric = text;
                else if (!col.text().isEmpty() && ResultTerms.isNotAResult(col.text()) && c > 0) continue;
                else {
                    names.add(text);
                    if (c == nameColumn || who.isEmpty() && nameColumn < 0) who = text;
                }
            }
            if (names.isEmpty() && !row.group().isBlank() && labels > 0) names.add(row.group());
            else if (modelColumn && who.isEmpty() && nameColumn >= 0 && cellText(t.cell(r, nameColumn)).isEmpty()
                    && row.group().equals(carried(t, r, nameColumn))) {
                // "|  | 16 | 5K | RICES |" under "| IDEFICS 80B | 16 | 1K | Random |": the blank Model cell
                // continues the model above; the row's other labels are how it was run
                who = row.group();
                names.add(0, who);
            }
            if (who.isEmpty() && !names.isEmpty()) who = names.get(names.size() - 1);
            String rowName = String.join(" ", names);
            List<String> on = new ArrayList<>(); // beside a Model column: the row's other labels
            if (modelColumn && !who.isEmpty()) {
                on.addAll(names);
                on.remove(who);
                String dataset = datasetColumn >= 0 ? cellText(t.cell(r, datasetColumn)) : "";
                rowName = !dataset.isEmpty() && on.contains(dataset) ? dataset : String.join(" ", on);
            }
            ResultTerms.Parts rowParts = ResultTerms.split(rowName);
            var rowKnown = names.isEmpty() ? Optional.<BenchmarkVocabulary.Benchmark>empty() : ctx.find(rowParts.name());
            if (rowKnown.isEmpty() && names.size() > 1) {
                for (String n : names) {
                    if (modelColumn && n.equals(who)) continue;
                    ResultTerms.Parts p = ResultTerms.split(n);
                    rowKnown = ctx.find(p.name());
                    if (rowKnown.isPresent()) {
                        rowParts = p;
                        break;
                    }
                }
            }
            boolean rowIsMetric = rowMetric.isEmpty() && !rowName.isEmpty() && ResultTerms.isMetric(rowName);
            return new RowLabels(row, names, who, rowMetric, rowSettings, labelTexts, rowName, on, rowParts, rowKnown,
                    rowIsMetric, ResultTerms.isNotAResult(rowName));
        }

        /** The results of the cell in row {@code r}, column {@code c}. */
        private void cell(int r, int c, RowLabels row) {
            Cell cell = t.cell(r, c);
            if (cell.span().isCovered()) return; // a spanning value is one result, at its first cell
            List<Value> values = values(cell);
            if (values.isEmpty()) return;
            valuesSeen = true;
            ColumnInfo col = cols.get(c);
            String benchmark;
            String metric;
            String variant;
            List<String> settings = new ArrayList<>();
            boolean notAResult = col.notResult() || row.notAResult();
            // the row names the benchmark: a known one, or any name in a table of benchmarks as rows
            boolean byRow = row.known().isPresent()
                    || !notAResult && rowsAreBenchmarks && evaluation && isName(row.name()) && !row.isMetric();
            if (col.known() && !col.notResult() && !(rowsAreBenchmarks && row.known().isPresent())) {
                benchmark = col.benchmark();
                metric = !col.metric().isEmpty() ? col.metric() : row.metric();
                variant = row.known().isPresent() ? "" : row.who();
                settings.addAll(col.settings());
                settings.addAll(row.settings());
            } else if (byRow) {
                benchmark = row.parts().name();
                metric = !row.metric().isEmpty() ? row.metric() : !row.parts().metric().isEmpty() ? row.parts().metric() : col.metric();
                variant = modelColumn ? row.who() : col.variant();
                settings.addAll(row.parts().settings());
                settings.addAll(row.settings());
                settings.addAll(col.settings());
            } else if (notAResult) {
                return;
            } else if (!col.metric().isEmpty() && col.benchmark().isEmpty()) {
                // "| Model | WER |": the benchmark is the caption's, if it names one
                benchmark = captionBenchmark.map(BenchmarkVocabulary.Benchmark::name).orElse("");
                metric = col.metric();
                variant = row.who();
                settings.addAll(col.settings());
                settings.addAll(row.settings());
            } else if (row.isMetric() || !row.metric().isEmpty()) {
                // "| Metric | Value |": rows name metrics
                benchmark = col.benchmark().isEmpty() ? captionBenchmark.map(BenchmarkVocabulary.Benchmark::name).orElse("")
                        : col.benchmark();
                metric = row.metric().isEmpty() ? row.name() : row.metric();
                variant = col.benchmark().isEmpty() ? col.variant() : "";
                settings.addAll(col.settings());
                settings.addAll(row.settings());
            } else if (t.kind() == TableKind.BENCHMARK && evaluation && isName(col.benchmark()) && !rowsAreBenchmarks) {
                benchmark = col.benchmark();
                metric = col.metric().isEmpty() ? row.metric() : col.metric();
                variant = row.who();
                settings.addAll(col.settings());
                settings.addAll(row.settings());
            } else {
                return;
            }
            if (ResultTerms.isNotAResult(variant) && !variant.isBlank() && ctx.find(variant).isEmpty()
                    && !ctx.isOwn(variant)) return;
            // a header without a letter ("92.7": a first data row taken for the header) names no benchmark
            if (!hasLetter(benchmark)) benchmark = "";
            List<String> rowHeaders = row.labelTexts().isEmpty() ? row.names() : row.labelTexts();
            List<String> columnHeaders = t.columnHeaders(c);
            List<String> headers = new ArrayList<>(1 + rowHeaders.size() + columnHeaders.size());
            if (!section.isEmpty()) headers.add(section);
            headers.addAll(rowHeaders);
            headers.addAll(columnHeaders);
            // the results of one cell (a composite's parts) share their origin and its list
            List<Result.Origin> origins = List.of(ctx.tableOrigin(row.row().origin(), t.id(), row.row().id(), c, headers,
                    cell.text().strip()));
            for (Value v : values) {
                List<String> s = new ArrayList<>(settings);
                String m = metric;
                if (!v.part().isEmpty()) {
                    if (col.metric().contains("/") || m.isEmpty()) m = v.part();
                    else s.add(v.part());
                }
                if (m.isEmpty()) {
                    var known = ctx.find(benchmark);
                    if (known.isPresent() && !known.get().metrics().isEmpty()) m = known.get().metrics().get(0);
                }
                out.add(ctx.result(benchmark, m, v.value(), v.printed(), s, variant, origins));
                others.add(row.on());
            }
        }
    }

    /** What a body row's label cells say, for each of its value cells. */
    private record RowLabels(Row row, List<String> names, String who, String metric, List<String> settings,
                             List<String> labelTexts, String name, List<String> on, ResultTerms.Parts parts,
                             Optional<BenchmarkVocabulary.Benchmark> known, boolean isMetric, boolean notAResult) {}

    /**
     * Two rows of one model giving one benchmark, metric and setting different values are two runs: the rows' other
     * labels tell them apart and join their settings ("Random" and "RICES" in a Shots selection column, beside a Model
     * column whose blank cell continues the model above). A mark such as ✅ under "Open-source" is not a setting.
     * Rows that do not meet another keep their settings: a Backbone or Pre-training data column describes the model.
     */
    private static void apart(List<Result> out, int first, List<List<String>> others) {
        // each result's key made once; a key read in one row only maps to that row's id (never null), in two or more to null
        Key[] keys = new Key[out.size() - first];
        Map<Key, String> rowOf = new HashMap<>();
        for (int i = first; i < out.size(); i++) {
            Result r = out.get(i);
            Key k = keys[i - first] = key(r);
            String row = r.origins().get(0).row();
            if (!rowOf.containsKey(k)) rowOf.put(k, row);
            else if (!row.equals(rowOf.get(k))) rowOf.put(k, null);
        }
        for (int i = first; i < out.size(); i++) {
            if (rowOf.get(keys[i - first]) != null) continue;
            Result r = out.get(i);
            List<String> setting = new ArrayList<>(r.setting().isEmpty() ? List.of() : List.of(r.setting()));
            for (String o : others.get(i - first)) {
                if (o.codePoints().anyMatch(Character::isLetterOrDigit) && !setting.contains(o)) setting.add(o);
            }
            out.set(i, new Result(r.benchmark(), r.known(), r.dataset(), r.task(), r.metric(), r.value(), r.printed(),
                    String.join(", ", setting), r.variant(), r.baseline(), r.origins()));
        }
    }

    private static Key key(Result r) {
        return new Key(r.benchmark(), r.metric(), r.setting(), r.variant(), r.baseline());
    }

    /**
     * What two results of one table must share to be two runs of one thing: a record of the result's texts, which
     * are held once (Result), rather than a string joining them (1.3 % of the bytes a build allocated).
     */
    private record Key(String benchmark, String metric, String setting, String variant, boolean baseline) {}

    /** The benchmark a caption or heading names somewhere in it ("Results on LibriSpeech test-clean"). */
    private static Optional<BenchmarkVocabulary.Benchmark> captionBenchmark(String caption, ResultContext ctx) {
        if (caption.isBlank()) return Optional.empty();
        String[] words = WORD_GAP.split(CAPTION_MARKS.matcher(caption).replaceAll(" ").strip());
        for (int n = Math.min(4, words.length); n >= 1; n--) {
            for (int i = 0; i + n <= words.length; i++) {
                String phrase = String.join(" ", java.util.Arrays.asList(words).subList(i, i + n));
                if (phrase.length() < 3) continue;
                var b = ctx.vocabulary.find(phrase);
                if (b.isPresent() && b.get().spellings().stream().anyMatch(s -> BenchmarkVocabulary.key(s).equals(BenchmarkVocabulary.key(phrase)))) {
                    return b;
                }
            }
        }
        return Optional.empty();
    }

    private static ColumnInfo column(Table t, int c, ResultContext ctx) {
        List<String> headers = c < t.columns().size() ? t.columnHeaders(c) : List.of();
        Column col = c < t.columns().size() ? t.columns().get(c) : null;
        ColumnKey key = new ColumnKey(headers, col == null ? null : col.benchmark(), col == null ? null : col.metric());
        Columns known = columns;
        if (known == null || known.vocabulary != ctx.vocabulary) columns = known = new Columns(ctx.vocabulary);
        return known.read.get(key, k -> column(headers, col, ctx));
    }

    /** What a column's headers say depends on them and the vocabulary only: a header read once for all the cards. */
    private record ColumnKey(List<String> headers, String benchmark, String metric) {}

    /**
     * The columns read by the vocabulary's build (serve makes a new vocabulary when benchmarks.yaml changes): cards
     * repeat their header rows ("MMLU (5-shot)", "Accuracy"), and reading one again (its pieces split, each matched
     * against the terms for metrics, shots, splits and settings) was 1.5 % of a build of 10,000 synthetic cards. At
     * most {@value #LIMIT} kept: the 26,354 real cards read 2,582 different columns, the 10,000 synthetic ones 27.
     */
    private static final class Columns {
        static final int LIMIT = 20_000;
        final BenchmarkVocabulary vocabulary;
        final Remembered<ColumnKey, ColumnInfo> read = new Remembered<>(LIMIT);

        Columns(BenchmarkVocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }
    }

    /** The vocabulary's columns: two threads meeting a new vocabulary at once may each make a table; one is kept. */
    private static volatile Columns columns;

    private static ColumnInfo column(List<String> headers, Column col, ResultContext ctx) {
        String text = String.join(" ", headers).strip();
        String benchmark = "";
        boolean known = false;
        String metric = "";
        List<String> settings = new ArrayList<>();
        List<String> variant = new ArrayList<>();
        // the seed's "VQAv2<br>OE VQA acc.": the header reader's benchmark and metric
        if (col != null && !col.benchmark().isEmpty() && headers.size() <= 1
                && ctx.find(ResultTerms.split(col.benchmark()).name()).isPresent()) {
            ResultTerms.Parts p = ResultTerms.split(col.benchmark());
            benchmark = p.name();
            known = ctx.find(benchmark).isPresent();
            settings.addAll(p.settings());
            // "GSM8K<br>8-shot": the second line is a setting, not a metric
            String second = col.metric();
            if (ResultTerms.isShots(second) || ResultTerms.isCot(second) || ResultTerms.isSplit(second)) settings.add(second);
            else metric = second;
        } else {
            for (String h : headers) {
                ResultTerms.Parts p = ResultTerms.split(h);
                if (!known && !p.name().isEmpty() && ctx.find(p.name()).isPresent()) {
                    benchmark = p.name();
                    known = true;
                    String glued = ctx.gluedSplit(p.name());
                    if (!glued.isEmpty()) settings.add(glued);
                    if (metric.isEmpty()) metric = p.metric();
                    settings.addAll(p.settings());
                    continue;
                }
                if (p.name().isEmpty() || ResultTerms.isMetric(h) && metric.isEmpty()) {
                    if (metric.isEmpty() && !p.metric().isEmpty()) metric = p.metric();
                    else if (metric.isEmpty() && ResultTerms.isMetric(h)) metric = h.strip();
                    settings.addAll(p.settings());
                    continue;
                }
                if (ResultTerms.isShots(h) || ResultTerms.isCot(h) || ResultTerms.isSplit(h)) {
                    settings.add(h.strip());
                    continue;
                }
                if (!p.metric().isEmpty() && metric.isEmpty()) metric = p.metric();
                settings.addAll(p.settings());
                variant.add(p.name());
            }
            if (!known && !variant.isEmpty()) benchmark = String.join(" ", variant);
        }
        boolean notResult = !known && ResultTerms.isNotAResult(text) && !ResultTerms.isMetric(text);
        return new ColumnInfo(text, benchmark, known, metric, List.copyOf(settings), known ? "" : String.join(" ", variant),
                notResult, ResultTerms.isMetricHeader(text), ResultTerms.isSettingHeader(text));
    }

    /** "8" under "Shots" reads "8-shot"; other settings stand for themselves. */
    /** The nearest text above row {@code r} in column {@code c}, "" when there is none. */
    private static String carried(Table t, int r, int c) {
        for (int k = r - 1; k >= 0; k--) {
            String text = t.rows().get(k).cells().size() > c ? cellText(t.cell(k, c)) : "";
            if (!text.isEmpty()) return text;
        }
        return "";
    }

    private static String setting(String text, String header) {
        if (DIGITS.matcher(text).matches() && header.toLowerCase(Locale.ROOT).contains("shot")) return text + "-shot";
        return text;
    }

    /**
     * Leading columns that name rows: those with no number in any body row (section rows aside), as many as there are
     * before the first column with one. A table of numbers only has none.
     */
    private static int labelColumns(Table t, int width) {
        int labels = 0;
        for (int c = 0; c < width; c++) {
            String header = c < t.columns().size() ? String.join(" ", t.columnHeaders(c)) : "";
            if (ResultTerms.isSettingHeader(header) || (c == labels && isIndexColumn(t, c, header))) {
                labels++; // "Shots" holds settings; a column of 1, 2, 3 numbers the rows
                continue;
            }
            boolean numbers = false;
            for (int r = 0; r < t.rows().size() && !numbers; r++) {
                if (t.isSectionRow(r)) continue;
                Cell cell = t.cell(r, c);
                if (!values(cell).isEmpty() && !ResultTerms.isShots(cellText(cell))) numbers = true;
            }
            if (numbers) break;
            labels++;
        }
        return labels == 0 ? 0 : Math.min(labels, width - 1);
    }

    private static final Pattern DATASET_HEADER = Pattern.compile(
            "(?i)^\\W*(?:datasets?|benchmarks?|eval(?:uation)? ?sets?|test ?sets?)\\W*$");
    private static final Pattern NAME_HEADER = Pattern.compile("(?i).*\\b(?:models?|methods?|names?|checkpoints?|variants?|systems?)\\b.*");

    /**
     * The label column that names the model of each row: one headed Model, Method, Name…; else the first label column
     * that is not a group of rows (a rowspan "Open-source" cell); -1 when there is no label column.
     */
    private static int nameColumn(Table t, List<ColumnInfo> cols, int labels) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < labels; c++) {
                if (cols.get(c).metricHeader() || cols.get(c).settingHeader()) continue;
                if (pass == 0 && !NAME_HEADER.matcher(cols.get(c).text()).matches()) continue;
                if (namesRows(t, cols, c)) return c;
            }
        }
        return -1;
    }

    /** Whether label column {@code c} names rows one by one, rather than groups of rows or their row numbers. */
    private static boolean namesRows(Table t, List<ColumnInfo> cols, int c) {
        {
            int spanning = 0;
            int filled = 0;
            for (int r = 0; r < t.rows().size(); r++) {
                Cell cell = t.cell(r, c);
                if (cell.isBlank()) continue;
                filled++;
                if (cell.span().rows() > 1 || cell.span().up() > 0) spanning++;
            }
            return filled > 0 && spanning * 2 < filled && !isIndexColumn(t, c, cols.get(c).text());
        }
    }

    /** A body row of shots or splits only, above the values ("5-shot", "test"): a sub-header. */
    private static boolean isSubHeader(Table t, int r, int labels, int width) {
        int settings = 0;
        for (int c = 0; c < width; c++) {
            String text = cellText(t.cell(r, c));
            if (text.isEmpty()) continue;
            if (c < labels && !(ResultTerms.isShots(text) || ResultTerms.isCot(text))) return false;
            if (!(ResultTerms.isShots(text) || ResultTerms.isCot(text) || ResultTerms.isSplit(text))) return false;
            settings++;
        }
        return settings > 0;
    }

    /** A row of one label and blank cells ("| **Math Tasks** | | |"): it names the rows below. */
    private static boolean isGroupRow(Table t, int r, int width) {
        if (width < 3 || cellText(t.cell(r, 0)).isEmpty()) return false;
        for (int c = 1; c < width; c++) if (!t.cell(r, c).isBlank()) return false;
        return true;
    }

    /** A column of row numbers (1, 2, 3 or 0, 1, 2) under a blank or "#" header. */
    private static boolean isIndexColumn(Table t, int c, String header) {
        String h = header.strip();
        if (!(h.isEmpty() || h.equals("#") || h.equalsIgnoreCase("no.") || h.equalsIgnoreCase("id"))) return false;
        int expected = -1;
        for (int r = 0; r < t.rows().size(); r++) {
            if (t.isSectionRow(r)) continue;
            String text = cellText(t.cell(r, c));
            if (!ROW_NUMBER.matcher(text).matches()) return false;
            int n = Integer.parseInt(text);
            if (expected < 0 && n > 1) return false;
            if (expected >= 0 && n != expected) return false;
            expected = n + 1;
        }
        return expected > 0;
    }

    /** Trainer's "Training results" table (Epoch, Step, Validation Loss…): a log, not results. */
    private static boolean isTrainingLog(Table t) {
        int hits = 0;
        for (Column col : t.columns()) {
            String k = BenchmarkVocabulary.key(col.text());
            if (k.equals("epoch") || k.equals("step") || k.equals("trainingloss") || k.equals("iteration")
                    || k.equals("epochs") || k.equals("steps")) hits++;
        }
        return hits > 0;
    }

    /** A number read from a cell: the whole value, or one part of a composite ({@code part} its name). */
    record Value(BigDecimal value, String printed, String part) {}

    /**
     * The numbers a cell shows as a value: {@code 68.2}, {@code 68.2%}, {@code **68.2**}, {@code 68.2*}, {@code 68.2 ±
     * 0.3}, {@code 37.4 (-22.7)}, each part of {@code 5.0/16.8/20.8}. Superscripts (footnote marks) are not part of the
     * number. Empty for anything else; each value is printed in the cell as {@code printed}.
     */
    static List<Value> values(Cell cell) {
        String html = cell.html();
        String text = html.indexOf('<') >= 0 || html.indexOf('&') >= 0
                ? org.jsoup.parser.Parser.unescapeEntities(TAG.matcher(SUP.matcher(html).replaceAll("")).replaceAll(" "), false)
                : cell.text();
        text = Spaces.collapse(text.replace('\u00a0', ' '));
        if (text.isEmpty() || text.length() > 60) return List.of();
        // the two patterns only where they can match: most cells hold neither a mark nor a plus sign
        if (hasAny(text, "*†‡§¶#^~≈<>≤≥")) text = MARKS.matcher(text).replaceAll("").strip();
        if (hasAny(text, "±+")) text = PLUS_MINUS.matcher(text).replaceFirst("").strip();
        if (text.isEmpty() || !Texts.hasDigit(text)) return List.of();
        // a number equal to the one the cell holds is that one: a million results at 10,000 cards held their own
        CellValue typed = cell.value();
        // the cell was typed from its own text (TableBuilder): when that is the text read here, so is the value,
        // but for a composite's part names, which came from the column header
        CellValue v = text == cell.text() && !(typed instanceof CellValue.Composite) ? typed : CellTyper.type(text, List.of());
        BigDecimal whole = v.wholeNumber();
        if (whole != null) { // a number, or the value of a change or a spread
            BigDecimal same = typed.wholeNumber();
            return List.of(new Value(whole.equals(same) ? same : whole, printed(text), ""));
        }
        if (v instanceof CellValue.Composite comp) {
            List<CellValue.Part> cellParts = typed instanceof CellValue.Composite c ? c.parts() : List.of();
            List<Value> parts = new ArrayList<>();
            for (int i = 0; i < comp.parts().size(); i++) {
                CellValue.Part p = comp.parts().get(i);
                String shown = p.value().toPlainString();
                if (!text.contains(shown)) return List.of();
                BigDecimal value = i < cellParts.size() && cellParts.get(i).value().equals(p.value())
                        ? cellParts.get(i).value() : p.value();
                parts.add(new Value(value, shown, p.name()));
            }
            return parts;
        }
        return List.of();
    }

    /** {@code text.codePoints().anyMatch(Character::isLetter)} without the stream. */
    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean hasAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /**
     * The first number of {@code text} as printed, {@code text} when it has none: the first match of
     * ({@code [-+−]?(?:\d+(?:[.,]\d+)*|\.\d+)}), found without it (it ran on every value cell).
     */
    static String printed(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int end = numberEnd(text, c == '-' || c == '+' || c == '−' ? i + 1 : i);
            if (end > 0) return text.substring(i, end);
        }
        return text;
    }

    /** Where a number without its sign that starts at {@code at} ends, or -1 when none starts there. */
    private static int numberEnd(String text, int at) {
        int n = text.length();
        int k;
        if (at < n && CellTyper.isDigit(text.charAt(at))) {
            k = at + 1;
            while (k < n && CellTyper.isDigit(text.charAt(k))) k++;
            while (k + 1 < n && (text.charAt(k) == '.' || text.charAt(k) == ',') && CellTyper.isDigit(text.charAt(k + 1))) {
                k += 2;
                while (k < n && CellTyper.isDigit(text.charAt(k))) k++;
            }
            return k;
        }
        if (at + 1 < n && text.charAt(at) == '.' && CellTyper.isDigit(text.charAt(at + 1))) {
            k = at + 2;
            while (k < n && CellTyper.isDigit(text.charAt(k))) k++;
            return k;
        }
        return -1;
    }

    private static String cellText(Cell cell) {
        return Spaces.collapse(cell.text().replace('\u00a0', ' '));
    }
}
