package io.modelcards.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcards.model.Model;
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
 * <li>a cell's value is a JSON number for a number, null when missing, absent for text equal to the cell's;
 * a position covered by a span is its {@code spanOf} alone;</li>
 * <li>results refer to their cells ({@link ResultReferences}).</li>
 * </ul>
 * With {@link ResultReferences} this takes a synthetic card's model.json from 92 KB to 40 KB, a real card's (median of a
 * sample of 1,531) from 8.3 KB to 5.3 KB.
 */
final class CompactModelJson {
    /** Maps of the card's own keys, which may be called anything ("origin" too): not walked for positions. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("frontMatter", "annotations", "attributes",
            "benchmarks");

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
        ResultReferences.compact(model, tables, tree);
        shortenPositions(tree, true);
        for (JsonNode result : tree.get("results")) {
            for (JsonNode origin : result.get("origins")) shortenPosition((ObjectNode) origin, "source");
        }
    }

    // --- positions

    /** Every "origin" below the model's own in the model's file, as its line number. */
    private void shortenPositions(JsonNode node, boolean top) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.properties().forEach(e -> names.add(e.getKey()));
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
}
