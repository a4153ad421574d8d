package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * A model page's Results table: every result of the model, one row each (Benchmark, Metric, Setting, Model, Value,
 * Source), sortable like the card's own tables. The Source cell links to where the result is printed: the row of a
 * table of the page, or the section holding a list item or sentence; declared results name their file and line.
 */
final class ResultsTable {
    private ResultsTable() {}

    private static final List<String> HEADERS = List.of("Benchmark", "Metric", "Setting", "Model", "Value", "Source");

    static Table of(Model m, String id) {
        Map<String, Integer> tableNumbers = new HashMap<>();
        for (Table t : m.tables()) tableNumbers.put(t.id(), tableNumbers.size() + 1);
        List<Column> columns = new ArrayList<>();
        for (String h : HEADERS) columns.add(Column.plain(h, h));
        List<Row> rows = new ArrayList<>();
        for (Result r : m.results()) {
            List<Cell> cells = new ArrayList<>();
            String note = r.benchmark().isEmpty() ? "not named" : r.known() ? "" : "not a known benchmark";
            cells.add(text(r.benchmark(), note));
            cells.add(text(r.metric(), ""));
            cells.add(text(r.setting(), ""));
            cells.add(text(r.variant().isEmpty() ? m.name() : r.variant(), r.baseline() ? "reported by this card" : ""));
            cells.add(new Cell(r.printed(), Entities.escape(r.printed()), r.printed(), new CellValue.Number(r.value()),
                    List.of()));
            cells.add(source(m, r, tableNumbers));
            rows.add(new Row(id + "-r" + (rows.size() + 1), "", cells, r.source()));
        }
        return new Table(id, "Results of " + m.name() + ", as read from the card", TableKind.BENCHMARK, columns, rows,
                m.origin());
    }

    private static Cell text(String text, String note) {
        String html = Entities.escape(text) + (note.isEmpty() ? "" : (text.isEmpty() ? "" : " ")
                + "<small class=\"result-note\">(" + Entities.escape(note) + ")</small>");
        String plain = text + (note.isEmpty() ? "" : (text.isEmpty() ? "" : " ") + "(" + note + ")");
        return new Cell(plain, html, plain, text.isEmpty() && note.isEmpty() ? new CellValue.Missing()
                : new CellValue.Text(plain), List.of());
    }

    /** Each place stating the result: a link to its row or section on this page, or its file and line. */
    private static Cell source(Model m, Result r, Map<String, Integer> tableNumbers) {
        List<String> html = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (Result.Origin o : r.origins()) {
            String line = "line " + o.source().line();
            String label;
            String href = "";
            switch (o.kind()) {
                case TABLE -> {
                    Integer n = tableNumbers.get(o.table());
                    label = (n == null ? "table" : "table " + n) + ", " + line;
                    href = o.row().isEmpty() ? "#" + o.table() : "#" + o.row();
                }
                case LIST, PROSE -> {
                    label = (o.kind() == Result.Kind.LIST ? "list, " : "text, ") + line;
                    String heading = headingBefore(m, o.source().line());
                    href = heading.isEmpty() ? "" : "#" + heading;
                }
                case MODEL_INDEX -> label = "front matter model-index, " + line;
                default -> label = fileName(o.source().path()) + ", " + line; // .eval_results, curated.yaml
            }
            // a table row shows its headers itself; elsewhere the title says what the value was read under
            String title = o.kind() == Result.Kind.TABLE ? "" : String.join(" · ", o.headers());
            String titleAttr = title.isEmpty() ? "" : " title=\"" + Entities.escape(title) + "\"";
            plain.add(label);
            html.add(href.isEmpty() ? "<span" + titleAttr + ">" + Entities.escape(label) + "</span>"
                    : "<a href=\"" + Entities.escape(href) + "\"" + titleAttr + ">" + Entities.escape(label) + "</a>");
        }
        String text = String.join("; ", plain);
        return new Cell(text, String.join("; ", html), text, new CellValue.Text(text), List.of());
    }

    /** The id of the last heading at or above {@code line}, or "". */
    private static String headingBefore(Model m, int line) {
        String id = "";
        for (Block b : m.blocks()) {
            if (b.origin().line() > line) break;
            if (b instanceof Block.Heading h) id = h.id();
        }
        return id;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/', path.length() - 2);
        return path.contains("/.eval_results/") ? path.substring(path.indexOf(".eval_results/")) : path.substring(slash + 1);
    }

    /** The ids the table takes on the page: its own, its caption's, its figure's, its rows'. */
    static void reserve(Table t, Set<String> ids) {
        ids.addAll(List.of(t.id(), t.id() + "-caption", "fig-" + t.id(), t.id() + "-title"));
        for (Row r : t.rows()) ids.add(r.id());
    }
}
