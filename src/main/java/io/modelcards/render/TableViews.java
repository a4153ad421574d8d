package io.modelcards.render;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.render.Views.CellView;
import io.modelcards.render.Views.HeaderView;
import io.modelcards.render.Views.RowView;
import io.modelcards.render.Views.TableView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;
import org.unbescape.html.HtmlEscape;

/** Builds the view of a table: header cells, and body cells carrying their typed value as data attributes. */
final class TableViews {
    private TableViews() {}

    /** @param caption the caption to show; never empty, since the scrolling box is labelled by it */
    static TableView of(Table table, String caption) {
        List<HeaderView> headers = new ArrayList<>();
        int width = 0;
        for (Row r : table.rows()) width = Math.max(width, r.cells().size());
        for (int i = 0; i < Math.max(width, table.columns().size()); i++) headers.add(header(table, i));
        boolean sortable = !table.hasBodySpans();
        List<List<HeaderView>> headerRows = table.headerRows().isEmpty() ? List.of(sortable ? headers : unsortable(headers))
                : headerRows(table, sortable);
        List<RowView> rows = new ArrayList<>();
        for (Row r : table.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (int i = 0; i < r.cells().size(); i++) {
                Cell c = r.cells().get(i);
                if (c.span().isCovered()) continue; // the page shows the cell its span starts at
                boolean first = i == 0;
                String repeat = first && c.isBlank() && !r.group().isEmpty() ? r.group() : "";
                String sort = sortKey(c.value());
                // site.js reads a number from the cell's text when data-sort is absent: written only when it differs
                if (!sort.isEmpty() && readsAs(c.text(), sort)) sort = "";
                String type = c.value().type().equals("text") ? "" : c.value().type();
                cells.add(new CellView(CellMarkup.html(c), type, sort, sortText(c), first,
                        repeat, title(c), c.span().rows(), c.span().columns()));
            }
            rows.add(new RowView(r.id(), r.group(), cells, cellsHtml(cells)));
        }
        return new TableView(table.id(), caption, table.kind().label(), headers, headerRows, rows,
                table.origin().toString(), sortable);
    }

    private static HeaderView header(Table table, int i) {
        if (i >= table.columns().size()) {
            return new HeaderView("<span class=\"visually-hidden\">Column " + (i + 1) + "</span>", "", "col");
        }
        Column c = table.columns().get(i);
        return new HeaderView((c.html().isEmpty() ? "<span class=\"visually-hidden\">Column " + (i + 1) + "</span>" : c.html())
                + annotationMarks(c.annotations()), annotationTitle(c.annotations()), "col");
    }

    private static List<HeaderView> unsortable(List<HeaderView> headers) {
        List<HeaderView> out = new ArrayList<>();
        for (HeaderView h : headers) out.add(new HeaderView(h.html(), h.title(), h.scope(), 1, 1, false, -1));
        return out;
    }

    /**
     * The header rows as written, each cell once with its spans. A cell that ends on the last header row and
     * covers one column sorts by that column (carrying the column's annotations); wider cells only group.
     */
    private static List<List<HeaderView>> headerRows(Table table, boolean sortable) {
        int last = table.headerRows().size() - 1;
        List<List<HeaderView>> out = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            List<HeaderView> row = new ArrayList<>();
            List<Cell> cells = table.headerRows().get(r).cells();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c.span().isCovered()) continue;
                boolean sorts = c.span().columns() == 1 && r + c.span().rows() - 1 == last;
                Map<String, String> notes = sorts && i < table.columns().size() ? table.columns().get(i).annotations() : Map.of();
                String html = c.html().isEmpty() && sorts ? "<span class=\"visually-hidden\">Column " + (i + 1) + "</span>" : c.html();
                row.add(new HeaderView(html + annotationMarks(notes), annotationTitle(notes), "col", c.span().rows(),
                        c.span().columns(), sortable && sorts, sortable && sorts ? i : -1));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * The {@code thead} rows: each header cell with its spans, {@code scope}, {@code aria-sort} and
     * {@code data-column} when it sorts (a button then holds its label), and its annotations in {@code title}.
     */
    static String headHtml(List<List<HeaderView>> headerRows) {
        StringBuilder sb = new StringBuilder(256);
        for (List<HeaderView> row : headerRows) {
            sb.append("\n      <tr>");
            for (HeaderView h : row) {
                sb.append("\n        <th");
                if (h.rowSpan() > 1) sb.append(" rowspan=\"").append(h.rowSpan()).append('"');
                if (h.colSpan() > 1) sb.append(" colspan=\"").append(h.colSpan()).append('"');
                sb.append(" scope=\"col\"");
                if (h.sortable()) sb.append(" aria-sort=\"none\"");
                if (h.column() >= 0) sb.append(" data-column=\"").append(h.column()).append('"');
                attribute(sb, "title", h.title());
                sb.append('>');
                if (h.sortable()) sb.append("<button type=\"button\" class=\"sort\">").append(h.html()).append("</button>");
                else sb.append(h.html());
                sb.append("</th>");
            }
            sb.append("\n      </tr>");
        }
        return sb.append("\n    ").toString();
    }

    /** The {@code tbody} rows: id, row group and {@link #cellsHtml cells} of each. */
    static String bodyHtml(List<RowView> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 256);
        for (RowView r : rows) {
            sb.append("\n      <tr");
            attribute(sb, "id", r.id());
            attribute(sb, "data-group", r.group());
            sb.append('>').append(r.cellsHtml()).append("</tr>");
        }
        return sb.append("\n    ").toString();
    }

    /** The leading number JavaScript's parseFloat reads from a cell's text. */
    private static final java.util.regex.Pattern LEADING_NUMBER =
            java.util.regex.Pattern.compile("^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** Whether site.js, reading the cell's text with parseFloat, gets exactly the sort key. */
    static boolean readsAs(String text, String sortKey) {
        var m = LEADING_NUMBER.matcher(text.strip());
        if (!m.find()) return false;
        try {
            return new BigDecimal(m.group()).compareTo(new BigDecimal(sortKey)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The cells of a row as the table needs them: a row header ({@code th scope="row"}) or a data cell, its
     * {@code rowspan}/{@code colspan}, the typed value in {@code data-type} (none for text), {@code data-sort}
     * (only when the number is not the one the text starts with) and {@code data-sort-text} for site.js'
     * sorting, the note (e.g. "change: -22.7") in {@code title}; attribute values escaped as Thymeleaf escapes
     * them. No whitespace between cells: at 10,000 cards indentation alone was a tenth of the site.
     */
    static String cellsHtml(List<CellView> cells) {
        StringBuilder sb = new StringBuilder(cells.size() * 32);
        for (CellView c : cells) {
            String tag = c.rowHeader() ? "th" : "td";
            sb.append('<').append(tag);
            if (c.rowHeader()) sb.append(" scope=\"row\"");
            if (c.rowSpan() > 1) sb.append(" rowspan=\"").append(c.rowSpan()).append('"');
            if (c.colSpan() > 1) sb.append(" colspan=\"").append(c.colSpan()).append('"');
            attribute(sb, "data-type", c.type());
            attribute(sb, "data-sort", c.sort());
            attribute(sb, "data-sort-text", c.sortText());
            attribute(sb, "title", c.title());
            sb.append('>');
            if (!c.groupRepeat().isEmpty()) {
                sb.append("<span class=\"group-repeat\">").append(HtmlEscape.escapeHtml4Xml(c.groupRepeat())).append("</span>");
            }
            sb.append(c.html()).append("</").append(tag).append('>');
        }
        return sb.toString();
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        if (value.isEmpty()) return;
        sb.append(' ').append(name).append("=\"").append(HtmlEscape.escapeHtml4Xml(value)).append('"');
    }

    private static String annotationTitle(Map<String, String> annotations) {
        if (annotations.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        annotations.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        return sb.toString();
    }

    /**
     * A small visible mark per column annotation (✔ for yes, ✖ for no, else the value), with the full
     * "key: value" for screen readers; the header's title attribute carries it for pointer users.
     */
    static String annotationMarks(Map<String, String> annotations) {
        StringBuilder sb = new StringBuilder();
        annotations.forEach((k, v) -> {
            String mark = v.equals("yes") ? "✔" : v.equals("no") ? "✖" : v;
            sb.append(" <span class=\"col-note\"><span aria-hidden=\"true\">").append(Entities.escape(mark))
                    .append("</span><span class=\"visually-hidden\">").append(Entities.escape(k + ": " + v))
                    .append("</span></span>");
        });
        return sb.toString();
    }

    static String sortKey(CellValue v) {
        BigDecimal k = v.sortKey();
        return k == null ? "" : k.toPlainString();
    }

    private static String sortText(Cell c) {
        if (c.value() instanceof CellValue.Flag f) return f.value() ? "1" : "0";
        return "";
    }

    private static String title(Cell c) {
        if (c.value() instanceof CellValue.Delta d) return "change: " + d.delta().toPlainString();
        return "";
    }
}
