package io.modelcards.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcards.model.Cell;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Render: a model's full JSON tree (as Jackson writes the records) → the compact tree of {@code model.json}, where
 * nothing is written twice. Every rule leaves out only what a reader can restore exactly, and each is checked here
 * against the model before anything is left out (models.schema.json documents them as defaults):
 * <ul>
 * <li>a position in the model's own file is its line number; elsewhere {@code path:line[:column]};</li>
 * <li>a link is written once, in the model's {@code links}; a cell or variant refers to it by index there;
 * {@code originalHref} only when the links stage changed the href, {@code note} only when set, and not the
 * derived {@code fixed}/{@code external};</li>
 * <li>a column leaves out empty fields, and its html when that is the escaped text;</li>
 * <li>a result leaves out empty strings, {@code known:true}, {@code baseline:false}, {@code printed} equal to the
 * value as written plainly, and {@code dataset}/{@code task} equal to those of its benchmark in the model's
 * {@code benchmarks}; a table origin is a reference to its cell (table id, row id, column), leaving out its
 * kind, and its source, headers and text where they are the row's line, the table's headers over that cell and
 * the cell's text.</li>
 * </ul>
 * On the synthetic corpus this takes a card's model.json from about 90 KB to a third of that.
 */
final class CompactModelJson {
    /** Maps of the card's own keys, which may be called anything ("origin" too): not walked for positions. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("frontMatter", "annotations", "attributes");

    private final Model model;
    private final String path;
    private final Map<JsonNode, Integer> linkIndex = new HashMap<>();
    private final Map<String, Table> tables = new HashMap<>();

    private CompactModelJson(Model model) {
        this.model = model;
        this.path = model.origin().path();
        for (Table t : model.tables()) tables.putIfAbsent(t.id(), t);
    }

    /** Compacts {@code tree}, the full JSON of {@code model}, in place, and returns it. */
    static ObjectNode compact(Model model, ObjectNode tree) {
        new CompactModelJson(model).apply(tree);
        return tree;
    }

    private void apply(ObjectNode tree) {
        ArrayNode links = (ArrayNode) tree.get("links");
        for (int i = 0; i < links.size(); i++) {
            ObjectNode link = (ObjectNode) links.get(i);
            compactLink(link);
            linkIndex.putIfAbsent(link, i);
        }
        for (JsonNode block : tree.get("blocks")) {
            if (block.has("table")) compactTable((ObjectNode) block.get("table"));
        }
        for (JsonNode variant : tree.get("variants")) referLinks((ObjectNode) variant);
        compactResults(tree);
        shortenPositions(tree, true);
    }

    // --- positions

    /** Every "origin" below the model's own in the model's file, as its line number. */
    private void shortenPositions(JsonNode node, boolean top) {
        if (node instanceof ObjectNode o) {
            var fields = o.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode v = o.get(name);
                if (!top && name.equals("origin") && v.isTextual()) {
                    shortenPosition(o, name);
                } else if (!MAPS.contains(name)) {
                    shortenPositions(v, false);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode v : a) shortenPositions(v, false);
        }
    }

    private void shortenPosition(ObjectNode owner, String name) {
        Integer line = lineInModelFile(owner.path(name).asText());
        if (line != null) owner.set(name, IntNode.valueOf(line));
    }

    private Integer lineInModelFile(String position) {
        if (!position.startsWith(path + ":")) return null;
        String rest = position.substring(path.length() + 1);
        if (rest.isEmpty() || rest.length() > 9 || !rest.chars().allMatch(Character::isDigit)) return null;
        int line = Integer.parseInt(rest);
        return line > 0 ? line : null;
    }

    // --- links

    private static void compactLink(ObjectNode link) {
        link.remove("fixed");
        link.remove("external");
        if (link.path("originalHref").equals(link.path("href"))) link.remove("originalHref");
        if (link.path("note").asText().isEmpty()) link.remove("note");
    }

    /** A "links" array of full links → indices into the model's links (a link not there stays written out). */
    private void referLinks(ObjectNode owner) {
        JsonNode links = owner.get("links");
        if (links == null || links.isEmpty()) return;
        ArrayNode refs = owner.arrayNode();
        for (JsonNode l : links) {
            ObjectNode link = ((ObjectNode) l).deepCopy();
            compactLink(link);
            Integer i = linkIndex.get(link);
            if (i != null) refs.add(i);
            else refs.add(link);
        }
        owner.set("links", refs);
    }

    // --- tables

    private void compactTable(ObjectNode table) {
        for (JsonNode c : table.get("columns")) {
            ObjectNode column = (ObjectNode) c;
            for (String name : List.of("benchmark", "metric", "parts", "annotations", "better")) {
                JsonNode v = column.get(name);
                if (v != null && (v.isTextual() && v.asText().isEmpty() || v.isContainerNode() && v.isEmpty())) {
                    column.remove(name);
                }
            }
            if (column.path("html").asText().equals(org.jsoup.nodes.Entities.escape(column.path("text").asText()))) {
                column.remove("html");
            }
        }
        for (String rows : List.of("headerRows", "rows")) {
            JsonNode list = table.get(rows);
            if (list == null) continue;
            for (int r = 0; r < list.size(); r++) {
                JsonNode cells = list.get(r).path("cells");
                for (int c = 0; c < cells.size(); c++) {
                    ObjectNode cell = (ObjectNode) cells.get(c);
                    referLinks(cell);
                    shortenValue(cell);
                    JsonNode span = cell.get("spanOf");
                    if (span != null) {
                        int up = span.path("up").asInt();
                        int left = span.path("left").asInt();
                        if (up <= r && left <= c && isCopyOf(cell, list.get(r - up).path("cells").get(c - left))) {
                            cell.retain("spanOf");
                        }
                    }
                }
            }
        }
    }

    /**
     * A cell's typed value, shorter where its type is plain: a number as the JSON number, a missing value as null,
     * and no value where it is the text of a cell that is text ({@code {"type": "text", "value": <the cell's text>}}).
     */
    private static void shortenValue(ObjectNode cell) {
        JsonNode value = cell.get("value");
        String type = value.path("type").asText();
        if (type.equals("number") && value.size() == 2) cell.set("value", value.get("value"));
        else if (type.equals("missing")) cell.putNull("value");
        else if (type.equals("text") && value.path("value").asText().equals(cell.path(cell.has("text") ? "text" : "source").asText())) {
            cell.remove("value");
        }
    }

    /** A position covered by a span holds its starting cell's source, text, html and value (its links stay there). */
    private static boolean isCopyOf(ObjectNode covered, JsonNode start) {
        if (start == null || start.has("spanOf")) return false;
        for (String name : List.of("source", "text", "html", "value")) {
            if (!java.util.Objects.equals(covered.get(name), start.get(name))) return false;
        }
        return !covered.has("links");
    }

    // --- results

    private void compactResults(ObjectNode tree) {
        ArrayNode results = (ArrayNode) tree.get("results");
        List<Result> typed = model.results();
        if (typed.size() != results.size()) throw new IllegalStateException("results and their JSON differ in number");
        ObjectNode benchmarks = tree.objectNode();
        for (Result r : typed) {
            if (!benchmarks.has(r.benchmark()) && !(r.dataset().isEmpty() && r.task().isEmpty())) {
                ObjectNode b = benchmarks.putObject(r.benchmark());
                if (!r.dataset().isEmpty()) b.put("dataset", r.dataset());
                if (!r.task().isEmpty()) b.put("task", r.task());
            }
        }
        Map<String, List<String>> labels = rowLabels(typed);
        writeLabels(tree, labels);
        for (int i = 0; i < results.size(); i++) {
            ObjectNode json = (ObjectNode) results.get(i);
            Result r = typed.get(i);
            JsonNode defaults = benchmarks.path(r.benchmark());
            for (String name : List.of("dataset", "task")) {
                if (json.path(name).asText().equals(defaults.path(name).asText())) json.remove(name);
            }
            for (String name : List.of("benchmark", "metric", "setting", "variant")) {
                if (json.path(name).asText().isEmpty()) json.remove(name);
            }
            if (r.known()) json.remove("known");
            if (!r.baseline()) json.remove("baseline");
            if (r.printed().equals(r.value().toPlainString())) json.remove("printed");
            ArrayNode origins = (ArrayNode) json.get("origins");
            for (int k = 0; k < origins.size(); k++) compactOrigin((ObjectNode) origins.get(k), r.origins().get(k), labels);
        }
        // before "results", so that a reader meets the defaults first
        ArrayNode written = (ArrayNode) tree.remove("results");
        tree.set("benchmarks", benchmarks);
        tree.set("results", written);
    }

    /**
     * For each table row that results were read from: the row's part of their headers (what comes before the
     * column's header texts), when all its results agree on it; a row where they differ keeps its results' headers.
     */
    private Map<String, List<String>> rowLabels(List<Result> results) {
        Map<String, List<String>> labels = new HashMap<>();
        java.util.Set<String> differing = new java.util.HashSet<>();
        for (Result r : results) {
            for (Result.Origin o : r.origins()) {
                Cell cell = cell(o);
                if (cell == null) continue;
                List<String> prefix = rowPart(o);
                String key = o.table() + "\u0000" + o.row();
                if (prefix == null) differing.add(key);
                else if (!labels.computeIfAbsent(key, k -> prefix).equals(prefix)) differing.add(key);
            }
        }
        differing.forEach(labels::remove);
        return labels;
    }

    /** The headers of a table origin before its column's header texts, or null if they do not end with those. */
    private List<String> rowPart(Result.Origin o) {
        List<String> column = tables.get(o.table()).columnHeaders(o.column());
        List<String> h = o.headers();
        if (h.size() < column.size() || !h.subList(h.size() - column.size(), h.size()).equals(column)) return null;
        return h.subList(0, h.size() - column.size());
    }

    private void writeLabels(ObjectNode tree, Map<String, List<String>> labels) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode block : tree.get("blocks")) {
            JsonNode table = block.get("table");
            if (table == null || !seen.add(table.path("id").asText())) continue;
            for (JsonNode row : table.path("rows")) {
                List<String> l = labels.get(table.path("id").asText() + "\u0000" + row.path("id").asText());
                if (l == null) continue;
                ArrayNode a = ((ObjectNode) row).putArray("labels");
                l.forEach(a::add);
            }
        }
    }

    /** The cell a table origin refers to, or null when it is not a table origin or does not resolve. */
    private Cell cell(Result.Origin o) {
        if (o.kind() != Result.Kind.TABLE || o.table().isEmpty()) return null;
        Table t = tables.get(o.table());
        int r = t == null ? -1 : rowIndex(t, o.row());
        return r < 0 || o.column() < 0 ? null : t.cell(r, o.column());
    }

    private void compactOrigin(ObjectNode json, Result.Origin o, Map<String, List<String>> labels) {
        shortenPosition(json, "source");
        Cell cell = cell(o);
        if (cell == null) {
            if (o.table().isEmpty()) json.remove("table");
            if (o.row().isEmpty()) json.remove("row");
            if (o.column() < 0) json.remove("column");
            return;
        }
        json.remove("kind");
        Table t = tables.get(o.table());
        Row row = t.rows().get(rowIndex(t, o.row()));
        if (o.source().equals(row.origin())) json.remove("source");
        List<String> prefix = labels.get(o.table() + "\u0000" + o.row());
        if (prefix != null && prefix.equals(rowPart(o))) json.remove("headers");
        if (o.text().equals(cell.text().strip())) json.remove("text");
    }

    private static int rowIndex(Table t, String id) {
        for (int i = 0; i < t.rows().size(); i++) if (t.rows().get(i).id().equals(id)) return i;
        return -1;
    }
}
