package io.modelcards.render;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Render stage: chooses the charts of benchmark columns, to be drawn from {@link ChartSvg#data} by js/chart.js. Score against a numeric
 * setting column such as Shots, one series per row group (IDEFICS 80B, IDEFICS 9B Instruct); and score against
 * parameter count, one series per model family (IDEFICS, IDEFICS Instruct) at the lowest setting. A chart is only
 * made when one of its series has at least two points.
 */
final class Charts {
    private static final Pattern ALL_DIGITS = Pattern.compile("\\d*");
    /** A benchmark column of one model's table, with the benchmark and metric it reports. */
    record Source(Model model, Table table, int column, String benchmark, String metric) {}

    /** A chart to draw, and the tables its values come from (in order, without repeats). */
    record Chart(ChartSvg.Spec spec, List<Table> tables) {}

    /** Which charts to make per benchmark and metric. */
    enum Choice {
        /** Score against the setting and against parameters (benchmark pages). */
        ALL,
        /** Score against the setting, or against parameters when there is none (model pages). */
        SETTING_FIRST
    }

    /** "80B", "9b", "1.3 B": a size written in a name. */
    /** Fewer points than this say nothing a table does not say better. */
    static final int MIN_POINTS = 3;
    /** More lines than this do not read as a chart (a benchmark reported by a whole catalogue): the table stays. */
    static final int MAX_SERIES = 12;
    private static final Pattern SIZE =
            Pattern.compile("(?i)(?<![\\p{L}\\p{N}.])(\\d+(?:\\.\\d+)?)\\s?([KMBT])(?![\\p{L}\\p{N}])");

    /** One charted value of a row; {@code x} is null when the table has no numeric setting column. */
    private record Reading(Source source, String metric, String series, String family, BigDecimal parameters,
                           String xHeader, BigDecimal x, List<String> settings, BigDecimal y) {}

    private Charts() {}

    /**
     * The charts of these columns, per benchmark and metric in order of appearance; ids start with "chart-" and
     * avoid {@code usedIds}, to which they are added.
     */
    static List<Chart> of(List<Source> sources, Choice choice, Set<String> usedIds) {
        Map<String, List<Reading>> byMetric = new LinkedHashMap<>();
        Map<Table, Map<Integer, List<RowReading>>> layouts = new IdentityHashMap<>();
        Map<Model, Map<String, RowModel>> rowModels = new IdentityHashMap<>();
        for (Source s : sources) {
            for (Reading r : readings(s, layouts, rowModels)) {
                byMetric.computeIfAbsent(r.source().benchmark() + "\u0000" + r.metric(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Chart> charts = new ArrayList<>();
        for (List<Reading> readings : byMetric.values()) {
            List<Chart> bySetting = bySetting(readings, usedIds);
            bySetting.removeIf(c -> points(c) < MIN_POINTS);
            // a model page: one chart per benchmark and metric, as there is one leaderboard
            if (choice == Choice.SETTING_FIRST && bySetting.size() > 1) bySetting = bySetting.subList(0, 1);
            charts.addAll(bySetting);
            if (choice == Choice.ALL || bySetting.isEmpty()) {
                Chart c = byParameters(readings, usedIds);
                if (c != null && points(c) >= MIN_POINTS) charts.add(c);
            }
        }
        return charts;
    }

    private static int points(Chart c) {
        int n = 0;
        for (ChartSvg.Series s : c.spec().series()) n += s.points().size();
        return n;
    }

    /** Every benchmark column of a model's tables. */
    static List<Source> sources(Model m) {
        List<Source> sources = new ArrayList<>();
        for (Table t : m.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                Column col = t.columns().get(c);
                if (!col.benchmark().isBlank()) sources.add(new Source(m, t, c, col.benchmark(), Topics.metric(col)));
            }
        }
        return sources;
    }

    private static List<Chart> bySetting(List<Reading> readings, Set<String> usedIds) {
        Map<String, List<Reading>> byHeader = new LinkedHashMap<>();
        for (Reading r : readings) if (r.x() != null) byHeader.computeIfAbsent(r.xHeader(), k -> new ArrayList<>()).add(r);
        List<Chart> charts = new ArrayList<>();
        byHeader.forEach((header, rs) -> {
            Map<String, Map<BigDecimal, BigDecimal>> series = new LinkedHashMap<>();
            List<Table> tables = new ArrayList<>();
            Set<Table> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Reading r : rs) {
                String name = join(r.series(), r.settings());
                if (series.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(r.x(), r.y()) == null) {
                    addOnce(tables, seen, r.source().table());
                }
                if (series.size() > MAX_SERIES) return; // too many lines to read: no chart (and no need to go on)
            }
            if (!hasLine(series) || series.size() > MAX_SERIES) return;
            Reading first = rs.get(0);
            String x = header.toLowerCase(Locale.ROOT);
            String title = name(first) + " against " + x;
            String id = uniqueId("chart-" + Topics.slug(first.source().benchmark() + " " + first.metric() + " " + x), usedIds);
            charts.add(new Chart(new ChartSvg.Spec(id, title, x, first.metric(), false, seriesOf(series)),
                    List.copyOf(tables)));
        });
        return charts;
    }

    private static Chart byParameters(List<Reading> readings, Set<String> usedIds) {
        // readings of one column share its Source instance; tables are compared by identity (equality walks every cell)
        Map<Source, BigDecimal> lowest = new IdentityHashMap<>();
        for (Reading r : readings) {
            if (r.x() != null) lowest.merge(r.source(), r.x(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        List<Reading> chosen = new ArrayList<>();
        List<List<String>> settings = new ArrayList<>();
        for (Reading r : readings) {
            if (r.parameters() == null || (r.x() != null && r.x().compareTo(lowest.get(r.source())) != 0)) continue;
            chosen.add(r);
            List<String> s = new ArrayList<>(r.settings());
            if (r.x() != null) s.add(0, r.x().toPlainString() + " " + r.xHeader().toLowerCase(Locale.ROOT));
            settings.add(s);
        }
        if (chosen.isEmpty()) return null;
        // settings every series shares (0 shots) go to the title; the rest tell the series apart
        List<String> common = new ArrayList<>(settings.get(0));
        for (List<String> s : settings) common.retainAll(s);
        Map<String, Map<BigDecimal, BigDecimal>> series = new LinkedHashMap<>();
        List<Table> tables = new ArrayList<>();
        Set<Table> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < chosen.size(); i++) {
            Reading r = chosen.get(i);
            List<String> own = new ArrayList<>(settings.get(i));
            own.removeAll(common);
            if (series.computeIfAbsent(join(r.family(), own), k -> new LinkedHashMap<>())
                    .putIfAbsent(r.parameters(), r.y()) == null) {
                addOnce(tables, seen, r.source().table());
            }
            if (series.size() > MAX_SERIES) return null;
        }
        if (!hasLine(series) || series.size() > MAX_SERIES) return null;
        Reading first = chosen.get(0);
        String title = name(first) + " against parameters"
                + (common.isEmpty() ? "" : " (" + String.join(", ", common) + ")");
        String id = uniqueId("chart-" + Topics.slug(first.source().benchmark() + " " + first.metric() + " parameters"),
                usedIds);
        return new Chart(new ChartSvg.Spec(id, title, "parameters", first.metric(), true, seriesOf(series)),
                List.copyOf(tables));
    }

    /** "VQAv2 OE VQA acc."; "COCO CIDEr" for a metric written "Coco CIDEr". */
    private static String name(Reading r) {
        String benchmark = r.source().benchmark();
        String metric = r.metric();
        if (metric.regionMatches(true, 0, benchmark, 0, benchmark.length())) metric = metric.substring(benchmark.length()).strip();
        return metric.isEmpty() ? benchmark : benchmark + " " + metric;
    }

    /**
     * What a row gives every column of its table that is charted: its name, its setting value on the x axis and its
     * other settings; null for a row with no name or no x value. The same for every column with the same settings
     * columns (a benchmark table's columns share them), so read once per table and settings end, not per value.
     */
    private record RowReading(String name, String xHeader, BigDecimal x, List<String> settings) {}

    /** A row name's parameter count and family in one model (asked for by every column of the row). */
    private record RowModel(BigDecimal parameters, String family) {}

    private static List<Reading> readings(Source s, Map<Table, Map<Integer, List<RowReading>>> layouts,
                                          Map<Model, Map<String, RowModel>> rowModels) {
        Table table = s.table();
        Column col = table.columns().get(s.column());
        int label = labelColumn(table);
        int firstBenchmark = table.firstBenchmarkColumn();
        int settingsEnd = table.kind() != TableKind.BENCHMARK ? label + 1
                : firstBenchmark < 0 ? s.column() : Math.min(firstBenchmark, s.column());
        List<RowReading> rows = layouts.computeIfAbsent(table, t -> new java.util.HashMap<>())
                .computeIfAbsent(settingsEnd, end -> rowReadings(table, label, end));
        Map<String, RowModel> byName = rowModels.computeIfAbsent(s.model(), m -> new java.util.HashMap<>());
        List<Reading> readings = new ArrayList<>();
        List<Row> tableRows = table.rows();
        for (int i = 0; i < tableRows.size(); i++) {
            Row r = tableRows.get(i);
            if (s.column() >= r.cells().size()) continue;
            RowReading row = rows.get(i);
            if (row == null) continue;
            String name = row.name();
            RowModel ofRow = byName.computeIfAbsent(name, n -> new RowModel(parameters(s.model(), n), family(s.model(), n)));
            BigDecimal parameters = ofRow.parameters();
            String family = ofRow.family();
            String xHeader = row.xHeader();
            BigDecimal x = row.x();
            List<String> settings = row.settings();
            CellValue v = r.cells().get(s.column()).value();
            if (v.wholeNumber() != null) {
                readings.add(new Reading(s, s.metric(), name, family, parameters, xHeader, x, settings, v.wholeNumber()));
            } else if (v instanceof CellValue.Composite comp && !comp.parts().isEmpty()) {
                // named parts (group/text/image) are metrics of their own; otherwise the first part stands for the cell
                boolean named = comp.parts().stream().allMatch(p -> col.parts().contains(p.name()));
                List<CellValue.Part> parts = named ? comp.parts() : comp.parts().subList(0, 1);
                for (CellValue.Part p : parts) {
                    readings.add(new Reading(s, named ? p.name() : s.metric(), name, family, parameters, xHeader, x,
                            settings, p.value()));
                }
            }
        }
        return readings;
    }

    /** Each row's {@link RowReading} for the settings columns from after {@code label} to {@code settingsEnd}. */
    private static List<RowReading> rowReadings(Table table, int label, int settingsEnd) {
        int xColumn = xColumn(table, label + 1, settingsEnd);
        String xHeader = xColumn < 0 ? "" : table.columns().get(xColumn).text().strip();
        List<RowReading> rows = new ArrayList<>(table.rows().size());
        for (Row r : table.rows()) {
            String name = !r.group().isBlank() ? r.group()
                    : label < r.cells().size() ? r.cells().get(label).text().strip() : "";
            if (name.isBlank()) {
                rows.add(null);
                continue;
            }
            BigDecimal x = null;
            List<String> settings = new ArrayList<>();
            for (int c = label + 1; c < settingsEnd && c < r.cells().size(); c++) {
                Cell cell = r.cells().get(c);
                if (c == xColumn) {
                    if (cell.value() instanceof CellValue.Number n) x = n.value().stripTrailingZeros();
                } else {
                    String setting = Scores.setting(cell, table.columns().get(c).text().strip());
                    if (!setting.isBlank()) settings.add(setting.strip());
                }
            }
            rows.add(xColumn >= 0 && x == null ? null : new RowReading(name, xHeader, x, List.copyOf(settings)));
        }
        return rows;
    }

    /** The column naming the row: the first, unless that is a bare row number under a blank header. */
    private static int labelColumn(Table table) {
        if (table.columns().isEmpty() || !table.columns().get(0).text().isBlank()) return 0;
        for (Row r : table.rows()) {
            if (!r.cells().isEmpty() && !ALL_DIGITS.matcher(r.cells().get(0).text().strip()).matches()) return 0;
        }
        return 1;
    }

    /** The first setting column with a header whose values are all plain numbers, at least two of them different. */
    private static int xColumn(Table table, int from, int to) {
        for (int c = from; c < to && c < table.columns().size(); c++) {
            if (table.columns().get(c).text().isBlank()) continue;
            Set<BigDecimal> values = new LinkedHashSet<>();
            boolean numeric = true;
            for (Row r : table.rows()) {
                if (c >= r.cells().size()) continue;
                CellValue v = r.cells().get(c).value();
                if (v instanceof CellValue.Number n) values.add(n.value().stripTrailingZeros());
                else if (!(v instanceof CellValue.Missing)) numeric = false;
            }
            if (numeric && values.size() >= 2) return c;
        }
        return -1;
    }

    /** The parameter count of a row's model: its variant's, else a size in its name ("80B"), else null. */
    static BigDecimal parameters(Model m, String name) {
        for (Variant v : m.variants()) {
            if (v.name().equalsIgnoreCase(name) && v.parameters() != null) return v.parameters().stripTrailingZeros();
        }
        Matcher size = SIZE.matcher(name);
        if (!size.find()) return null;
        int exponent = switch (size.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 3;
            case "M" -> 6;
            case "B" -> 9;
            default -> 12;
        };
        return new BigDecimal(size.group(1)).scaleByPowerOfTen(exponent).stripTrailingZeros();
    }

    /** The name without its size: "IDEFICS 80B Instruct" → "IDEFICS Instruct"; the model's name when nothing is left. */
    private static final Pattern SEPARATOR_RUN = Pattern.compile("([-_ ])[-_ ]+");
    private static final Pattern SEPARATOR_ENDS = Pattern.compile("^[-_ ]+|[-_ ]+$");
    static String family(Model m, String name) {
        String rest = FAMILIES.get(name);
        if (rest == null) {
            Matcher size = SIZE.matcher(name);
            rest = !size.find() ? "" : SEPARATOR_ENDS.matcher(SEPARATOR_RUN.matcher(name.substring(0, size.start()) + " "
                    + name.substring(size.end())).replaceAll("$1")).replaceAll("");
            if (FAMILIES.size() < MAX_FAMILIES) FAMILIES.put(name, rest);
        }
        return rest.isEmpty() ? m.name() : rest;
    }

    /**
     * Each row name's family ("" for the model's name): asked for every value of a row, which repeats its name in every
     * column (a fiftieth of a 10,000-card build). Bounded, so that names read once cannot make it grow without end.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FAMILIES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_FAMILIES = 100_000;

    /** Tables in order of first use; compared by identity (equality walks every cell), in constant time. */
    private static void addOnce(List<Table> tables, Set<Table> seen, Table t) {
        if (seen.add(t)) tables.add(t);
    }

    private static boolean hasLine(Map<String, Map<BigDecimal, BigDecimal>> series) {
        return series.values().stream().anyMatch(points -> points.size() >= 2);
    }

    private static List<ChartSvg.Series> seriesOf(Map<String, Map<BigDecimal, BigDecimal>> series) {
        List<ChartSvg.Series> list = new ArrayList<>();
        series.forEach((name, points) -> {
            List<ChartSvg.Point> ps = new ArrayList<>();
            points.forEach((x, y) -> ps.add(new ChartSvg.Point(x, y)));
            list.add(new ChartSvg.Series(name, ps));
        });
        return list;
    }

    private static String join(String name, List<String> settings) {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        parts.addAll(settings);
        return String.join(" · ", parts);
    }

    static String uniqueId(String base, Set<String> usedIds) {
        String id = base;
        for (int n = 2; !usedIds.add(id); n++) id = base + "-" + n;
        return id;
    }
}
