package io.modelcards.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Render: the results of a model's JSON tree → results by reference, for {@link CompactModelJson}. A result read from
 * a table cell refers to it (table id, row id, column) and takes what its row and column share from them: the row's
 * {@code resultDefaults} (labels, variant, setting, baseline) and the column's (benchmark, metric); its value and
 * text are the cell's, its source the row's line, its headers the row's labels and the column's header texts.
 * Elsewhere a field at its default is left out: empty strings, known true, baseline false, printed equal to the
 * value written plainly, dataset and task equal to the model's {@code benchmarks} entry. Each field is left out
 * only where the default gives it back exactly.
 */
final class ResultReferences {
    private final Model model;
    private final Map<String, Table> tables;
    /** Per "table id, row id" and "table id, column": the defaults written there. */
    private final Map<String, ObjectNode> rowDefaults = new HashMap<>();
    private final Map<String, ObjectNode> columnDefaults = new HashMap<>();

    private ResultReferences(Model model, Map<String, Table> tables) {
        this.model = model;
        this.tables = tables;
    }

    static void compact(Model model, Map<String, Table> tables, ObjectNode tree) {
        new ResultReferences(model, tables).apply(tree);
    }

    private void apply(ObjectNode tree) {
        ArrayNode results = (ArrayNode) tree.get("results");
        List<Result> typed = model.results();
        if (typed.size() != results.size()) throw new IllegalStateException("results and their JSON differ in number");
        ObjectNode benchmarks = benchmarks(tree, typed);
        chooseDefaults(typed, tree);
        writeDefaults(tree);
        for (int i = 0; i < results.size(); i++) compact((ObjectNode) results.get(i), typed.get(i), benchmarks);
        // before "results", so that a reader meets the defaults first
        ArrayNode written = (ArrayNode) tree.remove("results");
        tree.set("benchmarks", benchmarks);
        tree.set("results", written);
    }

    /** Per benchmark: the dataset and task of the first result naming it. */
    private static ObjectNode benchmarks(ObjectNode tree, List<Result> typed) {
        ObjectNode benchmarks = tree.objectNode();
        for (Result r : typed) {
            if (benchmarks.has(r.benchmark()) || r.dataset().isEmpty() && r.task().isEmpty()) continue;
            ObjectNode b = benchmarks.putObject(r.benchmark());
            if (!r.dataset().isEmpty()) b.put("dataset", r.dataset());
            if (!r.task().isEmpty()) b.put("task", r.task());
        }
        return benchmarks;
    }

    private void compact(ObjectNode json, Result r, ObjectNode benchmarks) {
        Cell cell = cell(r.origins().get(0));
        JsonNode row = cell == null ? null : rowDefaults.get(rowKey(r.origins().get(0)));
        JsonNode column = cell == null ? null : columnDefaults.get(columnKey(r.origins().get(0)));
        omitIfDefault(json, "benchmark", r.benchmark(), text(column, "benchmark"));
        omitIfDefault(json, "metric", r.metric(), text(column, "metric"));
        omitIfDefault(json, "setting", r.setting(), text(row, "setting"));
        omitIfDefault(json, "variant", r.variant(), text(row, "variant"));
        if (r.baseline() == (row != null && row.path("baseline").asBoolean(false))) json.remove("baseline");
        JsonNode b = benchmarks.path(r.benchmark());
        omitIfDefault(json, "dataset", r.dataset(), b.path("dataset").asText(""));
        omitIfDefault(json, "task", r.task(), b.path("task").asText(""));
        if (r.known()) json.remove("known");
        if (r.value().equals(cell == null ? null : cell.value().wholeNumber())) json.remove("value");
        if (r.printed().equals(r.value().toPlainString())) json.remove("printed");
        ArrayNode origins = (ArrayNode) json.get("origins");
        for (int k = 0; k < origins.size(); k++) compactOrigin((ObjectNode) origins.get(k), r.origins().get(k));
    }

    private static void omitIfDefault(ObjectNode json, String name, String value, String fallback) {
        if (value.equals(fallback)) json.remove(name);
        else json.put(name, value);
    }

    private static String text(JsonNode defaults, String name) {
        return defaults == null ? "" : defaults.path(name).asText("");
    }

    private void compactOrigin(ObjectNode json, Result.Origin o) {
        Cell cell = cell(o);
        if (cell == null) {
            if (o.table().isEmpty()) json.remove("table");
            if (o.row().isEmpty()) json.remove("row");
            if (o.column() < 0) json.remove("column");
            return;
        }
        json.remove("kind");
        Table t = tables.get(o.table());
        if (o.source().equals(t.rows().get(rowIndex(t, o.row())).origin())) json.remove("source");
        JsonNode labels = rowDefaults.getOrDefault(rowKey(o), json.objectNode()).get("labels");
        if (labels != null && strings(labels).equals(rowPart(o))) json.remove("headers");
        if (o.text().equals(cell.text().strip())) json.remove("text");
    }

    // --- the defaults of rows and columns

    /**
     * What the results first read from each row (and column) share most: the row's labels (its part of the
     * headers, before the column's header texts), variant, setting and baseline; the column's benchmark and metric.
     */
    private void chooseDefaults(List<Result> typed, ObjectNode tree) {
        Map<String, Map<String, Map<JsonNode, Integer>>> rows = new LinkedHashMap<>();
        Map<String, Map<String, Map<JsonNode, Integer>>> columns = new LinkedHashMap<>();
        for (Result r : typed) {
            for (int k = 0; k < r.origins().size(); k++) {
                Result.Origin o = r.origins().get(k);
                if (cell(o) == null) continue;
                var row = rows.computeIfAbsent(rowKey(o), x -> new LinkedHashMap<>());
                List<String> part = rowPart(o);
                if (part != null) {
                    ArrayNode labels = tree.arrayNode();
                    part.forEach(labels::add);
                    count(row, "labels", labels);
                }
                if (k > 0) continue; // the result's own fields default to its first place's
                count(row, "variant", TextNode.valueOf(r.variant()));
                count(row, "setting", TextNode.valueOf(r.setting()));
                count(row, "baseline", BooleanNode.valueOf(r.baseline()));
                var column = columns.computeIfAbsent(columnKey(o), x -> new LinkedHashMap<>());
                count(column, "benchmark", TextNode.valueOf(r.benchmark()));
                count(column, "metric", TextNode.valueOf(r.metric()));
            }
        }
        rows.forEach((key, counts) -> rowDefaults.put(key, mostCommon(tree, counts)));
        columns.forEach((key, counts) -> columnDefaults.put(key, mostCommon(tree, counts)));
    }

    private static void count(Map<String, Map<JsonNode, Integer>> counts, String name, JsonNode value) {
        counts.computeIfAbsent(name, x -> new LinkedHashMap<>()).merge(value, 1, Integer::sum);
    }

    /** Each field's most common value (the first seen of equals), leaving out "", false and []. */
    private static ObjectNode mostCommon(ObjectNode tree, Map<String, Map<JsonNode, Integer>> counts) {
        ObjectNode out = tree.objectNode();
        counts.forEach((name, values) -> {
            JsonNode best = null;
            int most = 0;
            for (var e : values.entrySet()) {
                if (e.getValue() > most) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            boolean empty = best.isTextual() && best.asText().isEmpty() || best.isBoolean() && !best.asBoolean()
                    || best.isArray() && best.isEmpty();
            if (!empty) out.set(name, best);
        });
        return out;
    }

    /** Writes the defaults on their rows and columns, and forgets those with no place (a cell past the header's width). */
    private void writeDefaults(ObjectNode tree) {
        Map<String, ObjectNode> rowsWritten = new HashMap<>();
        Map<String, ObjectNode> columnsWritten = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode block : tree.get("blocks")) {
            JsonNode table = block.get("table");
            if (table == null || !seen.add(table.path("id").asText())) continue;
            String id = table.path("id").asText();
            for (JsonNode row : table.path("rows")) {
                String key = id + "\u0000" + row.path("id").asText();
                ObjectNode d = rowDefaults.get(key);
                if (d == null || rowsWritten.containsKey(key)) continue;
                rowsWritten.put(key, d);
                if (!d.isEmpty()) ((ObjectNode) row).set("resultDefaults", d);
            }
            JsonNode cols = table.path("columns");
            for (int c = 0; c < cols.size(); c++) {
                ObjectNode d = columnDefaults.get(id + "\u0000" + c);
                if (d == null) continue;
                columnsWritten.put(id + "\u0000" + c, d);
                if (!d.isEmpty()) ((ObjectNode) cols.get(c)).set("resultDefaults", d);
            }
        }
        rowDefaults.keySet().retainAll(rowsWritten.keySet());
        columnDefaults.keySet().retainAll(columnsWritten.keySet());
    }

    // --- table origins

    private static String rowKey(Result.Origin o) {
        return o.table() + "\u0000" + o.row();
    }

    private static String columnKey(Result.Origin o) {
        return o.table() + "\u0000" + o.column();
    }

    /** The cell a table origin refers to, or null when it is not a table origin or does not resolve. */
    private Cell cell(Result.Origin o) {
        if (o.kind() != Result.Kind.TABLE || o.table().isEmpty()) return null;
        Table t = tables.get(o.table());
        int r = t == null ? -1 : rowIndex(t, o.row());
        return r < 0 || o.column() < 0 ? null : t.cell(r, o.column());
    }

    /** The headers of a table origin before its column's header texts, or null if they do not end with those. */
    private List<String> rowPart(Result.Origin o) {
        List<String> column = tables.get(o.table()).columnHeaders(o.column());
        List<String> h = o.headers();
        if (h.size() < column.size() || !h.subList(h.size() - column.size(), h.size()).equals(column)) return null;
        return h.subList(0, h.size() - column.size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }

    private static int rowIndex(Table t, String id) {
        for (int i = 0; i < t.rows().size(); i++) if (t.rows().get(i).id().equals(id)) return i;
        return -1;
    }
}
