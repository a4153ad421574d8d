package io.modelcards.render;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Link;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.render.Views.CellView;
import io.modelcards.render.Views.FixView;
import io.modelcards.render.Views.HeaderView;
import io.modelcards.render.Views.RowView;
import io.modelcards.render.Views.TableView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.unbescape.html.HtmlEscape;

/**
 * Builds the view of a table: header cells, and body cells carrying their typed value as data attributes; which
 * columns sort (those with values to compare) and which stay in view when the table scrolls sideways (its label
 * columns); the links the generator corrected, marked in their cells and listed under the table.
 */
final class TableViews {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator FIX_MARKS = org.jsoup.select.QueryParser.parse("sup.fixed-link");

    private TableViews() {}

    /** What the links stage writes after a link it corrected (HtmlLinks.fix). */
    private static final String FIXED_MARK = "class=\"fixed-link\"";

    /** @param caption the caption to show; never empty, since the scrolling box is labelled by it */
    static TableView of(Table table, String caption) {
        return of(table, caption, "");
    }

    /** @param note a sentence after the caption (our markup, texts escaped), or "" */
    static TableView of(Table table, String caption, String note) {
        return of(table, caption, note, Map.of());
    }

    /**
     * @param boards the leaderboard page of each benchmark column (by column index, addresses from the page), linked
     *               from the column's header
     */
    static TableView of(Table table, String caption, String note, Map<Integer, String> boards) {
        int width = table.columns().size();
        for (Row r : table.rows()) width = Math.max(width, r.cells().size());
        boolean[] sorts = sortingColumns(table, width);
        boolean sortable = !table.hasBodySpans();
        boolean anySorts = false;
        for (boolean b : sorts) anySorts |= b;
        sortable &= anySorts;
        int pins = pinnedColumns(table, width);
        List<HeaderView> headers = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            headers.add(header(table, i, sortable && sorts[i], pin(i, 1, pins), boards.getOrDefault(i, "")));
        }
        List<List<HeaderView>> headerRows = table.headerRows().isEmpty() ? List.of(headers)
                : headerRows(table, sortable, sorts, pins, boards);
        List<FixView> fixes = new ArrayList<>();
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
                String better = i < table.columns().size() ? table.columns().get(i).better() : "";
                String html = CellMarkup.html(c, better);
                if (html.contains(FIXED_MARK)) html = markFixes(html, c, table, r, i, fixes);
                cells.add(new CellView(html, type, sort, sortText(c), first, repeat, "", c.span().rows(),
                        c.span().columns(), pin(i, c.span().columns(), pins)));
            }
            rows.add(new RowView(r.id(), cells, cellsHtml(cells)));
        }
        return new TableView(table.id(), caption, table.kind().label(), headers, headerRows, rows,
                table.origin().toString(), sortable, note, fixes, legend(table));
    }

    /**
     * Which columns get a sort button: those with values to compare (numbers, sizes, flags) in two rows or more.
     * A column of labels does not: sorting names alphabetically shows the reader nothing new, and in a table of row
     * groups (a blank first cell continues the group above) it would tear the groups apart.
     */
    static boolean[] sortingColumns(Table table, int width) {
        boolean[] sorts = new boolean[width];
        for (int i = 0; i < width; i++) {
            int values = 0;
            for (Row r : table.rows()) {
                if (i >= r.cells().size()) continue;
                CellValue v = r.cells().get(i).value();
                if (v.sortKey() != null || v instanceof CellValue.Flag) values++;
            }
            sorts[i] = values >= 2;
        }
        return sorts;
    }

    /**
     * How many leading columns stay in view when the table scrolls sideways: the row header column; and the next one
     * too when the first only names row groups (a blank or spanned first cell continues the group above: IDEFICS 80B
     * over its rows of 0, 4, 8… shots), since the row's own label is then in the second. None for a table of one column.
     */
    static int pinnedColumns(Table table, int width) {
        if (width < 2) return 0;
        if (width < 4) return 1;
        boolean grouped = false;
        for (int r = 1; r < table.rows().size() && !grouped; r++) {
            Cell c = table.cell(r, 0);
            grouped = c.span().isCovered() || (c.isBlank() && !table.rows().get(r).group().isEmpty());
        }
        if (!grouped) return 1;
        for (int r = 0; r < table.rows().size(); r++) if (table.cell(r, 1).span().columns() > 1) return 1;
        return 2;
    }

    /** 1 or 2 for a cell starting at {@code column} and {@code span} columns wide inside the pinned columns, else 0. */
    private static int pin(int column, int span, int pins) {
        return column + span <= pins ? column + 1 : 0;
    }

    /**
     * Turns each "fixed" mark of a cell into a link to its note under the table, and adds the note: where, what the
     * card wrote, what the page links to, and why (the rule of the links stage).
     */
    private static String markFixes(String html, Cell c, Table table, Row r, int column, List<FixView> fixes) {
        Element body = Jsoup.parseBodyFragment(html).body();
        boolean changed = false;
        for (Element mark : body.select(FIX_MARKS)) {
            Element a = mark.previousElementSibling();
            Link link = null;
            if (a != null && a.tagName().equals("a")) {
                for (Link l : c.links()) if (l.isFixed() && l.href().equals(a.attr("href"))) link = l;
            }
            if (link == null) continue;
            int n = fixes.size() + 1;
            String id = table.id() + "-fix-" + n;
            String refId = table.id() + "-fixref-" + n;
            String row = r.group().isEmpty() ? table.cell(table.rows().indexOf(r), 0).text().strip() : r.group();
            String col = column < table.columns().size() ? table.columns().get(column).text().strip() : "";
            String where = (row.isEmpty() ? "Row " + (table.rows().indexOf(r) + 1) : "Row " + row)
                    + (col.isEmpty() ? "" : ", column " + col);
            fixes.add(new FixView(id, refId, where, link.originalHref(), link.href(), why(link.note())));
            mark.clearAttributes().addClass("fixed-link").attr("id", refId).empty();
            Element to = mark.appendElement("a").attr("href", "#" + id);
            to.appendText("fixed");
            to.appendElement("span").addClass("visually-hidden").text(" link, see note");
            to.appendText(" " + n);
            changed = true;
        }
        return changed ? body.html() : html;
    }

    /** The links stage's reason without its "row …, column …: " start (the note says where), as a sentence. */
    static String why(String note) {
        String s = note.strip();
        int colon = s.indexOf(": ");
        if (s.startsWith("row ") && colon > 0) s = s.substring(colon + 2);
        if (s.isEmpty()) return s;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    private static HeaderView header(Table table, int i, boolean sortable, int pin, String board) {
        if (i >= table.columns().size()) {
            return new HeaderView("<span class=\"visually-hidden\">Column " + (i + 1) + "</span>", "", "col", 1, 1,
                    sortable, -1, pin);
        }
        Column c = table.columns().get(i);
        String html = c.html().isEmpty() ? "<span class=\"visually-hidden\">Column " + (i + 1) + "</span>" : c.html();
        return linked(html, annotationMarks(c.annotations()), annotationTitle(c.annotations()), 1, 1, sortable, -1, pin,
                board, c.benchmark());
    }

    /**
     * A header cell, its benchmark name linked to the leaderboard when it has one and the card's header no link of its
     * own: the text itself when the cell has no sort button, a small link after the button otherwise (a link may not
     * sit inside a button).
     */
    private static HeaderView linked(String html, String marks, String title, int rows, int columns, boolean sortable,
                                     int column, int pin, String board, String benchmark) {
        if (board.isEmpty() || html.contains("<a ")) {
            return new HeaderView(html + marks, title, "col", rows, columns, sortable, column, pin);
        }
        String href = HtmlEscape.escapeHtml4Xml(board);
        if (!sortable) {
            return new HeaderView("<a href=\"" + href + "\">" + html + "</a>" + marks, title, "col", rows, columns, false,
                    column, pin);
        }
        return new HeaderView(html + marks, title, "col", rows, columns, true, column, pin, "<a class=\"lb-link\" href=\""
                + href + "\" aria-label=\"" + HtmlEscape.escapeHtml4Xml(benchmark + " leaderboard") + "\">↗</a>");
    }

    /**
     * Under a table some of whose columns the card marks as not comparable (its note says the model's training data
     * holds the benchmark): what the † in their headers means; "" for other tables.
     */
    static String legend(Table table) {
        java.util.Set<String> stated = new java.util.LinkedHashSet<>();
        for (Column c : table.columns()) {
            c.annotations().forEach((k, v) -> {
                if (Leaderboards.Note.of(k, v).notComparable()) stated.add("“" + k.strip() + ": " + v.strip() + "”");
            });
        }
        if (stated.isEmpty()) return "";
        return "<span class=\"nc\">†</span> Not comparable: under these benchmarks the card notes "
                + Entities.escape(String.join(", ", stated)) + ", so the model was trained on data holding them. Their"
                + " results are not ranked in the results summary, and leaderboards list them by value but never as best.";
    }

    /**
     * The header rows as written, each cell once with its spans. A cell that ends on the last header row and
     * covers one column sorts by that column (carrying the column's annotations) when that column sorts; wider
     * cells only group.
     */
    private static List<List<HeaderView>> headerRows(Table table, boolean sortable, boolean[] sortingColumns, int pins,
                                                     Map<Integer, String> boards) {
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
                boolean button = sortable && sorts && i < sortingColumns.length && sortingColumns[i];
                String board = sorts ? boards.getOrDefault(i, "") : "";
                String benchmark = sorts && i < table.columns().size() ? table.columns().get(i).benchmark() : "";
                row.add(linked(html, annotationMarks(notes), annotationTitle(notes), c.span().rows(), c.span().columns(),
                        button, button ? i : -1, pin(i, c.span().columns(), pins), board, benchmark));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * The {@code thead} rows: each header cell with its spans, {@code scope}, {@code aria-sort} and
     * {@code data-column} when it sorts (js/site.js then puts its label in a button), and its annotations in {@code title}.
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
                if (h.pin() > 0) sb.append(" class=\"pin pin-").append(h.pin()).append('"');
                if (h.sortable()) sb.append(" aria-sort=\"none\"");
                if (h.column() >= 0) sb.append(" data-column=\"").append(h.column()).append('"');
                attribute(sb, "title", h.title());
                sb.append('>');
                sb.append(h.html()).append(h.link());
                sb.append("</th>");
            }
            sb.append("\n      </tr>");
        }
        return sb.append("\n    ").toString();
    }

    /** The {@code tbody} rows: id and {@link #cellsHtml cells} of each (a row's group is in its row header). */
    static String bodyHtml(List<RowView> rows) {
        // sized for the rows' cells (256 characters a row grew two or three times for a wide table: 0.7 % of the bytes a
        // 10,000-card build allocated)
        int size = 8;
        for (RowView r : rows) size += r.cellsHtml().length() + r.id().length() + 32;
        StringBuilder sb = new StringBuilder(size);
        for (RowView r : rows) {
            sb.append("\n      <tr");
            attribute(sb, "id", r.id());
            sb.append('>').append(r.cellsHtml()).append("</tr>");
        }
        return sb.append("\n    ").toString();
    }

    /** The leading number JavaScript's parseFloat reads from a cell's text. */
    private static final java.util.regex.Pattern LEADING_NUMBER =
            java.util.regex.Pattern.compile("^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** Whether site.js, reading the cell's text with parseFloat, gets exactly the sort key. */
    static boolean readsAs(String text, String sortKey) {
        // most cells start with their sort key as written ("22.5 (17.8)" and 22.5): then parseFloat reads exactly it
        // when no digit, point or exponent follows (the pattern and two BigDecimals per numeric cell were 1.2 % of a
        // 10,000-card build's samples); anything else is read as parseFloat would
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        if (text.startsWith(sortKey, at)) {
            int next = at + sortKey.length();
            if (next == text.length() || !continuesNumber(text.charAt(next))) return true;
        }
        var m = LEADING_NUMBER.matcher(text.strip());
        if (!m.find()) return false;
        try {
            return new BigDecimal(m.group()).compareTo(new BigDecimal(sortKey)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether parseFloat could read {@code c} as part of the number before it (a digit, a point, an exponent). */
    private static boolean continuesNumber(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
    }

    /**
     * The cells of a row as the table needs them: a row header ({@code th scope="row"}) or a data cell, its
     * {@code rowspan}/{@code colspan}, the typed value in {@code data-type} (none for text), {@code data-sort}
     * (only when the number is not the one the text starts with) and {@code data-sort-text} for site.js'
     * sorting, {@code class="pin pin-1"} in a label column that stays in view, a title when there is one;
     * attribute values escaped as Thymeleaf escapes them. No whitespace between cells: at 10,000 cards indentation alone was a tenth of the site.
     */
    static String cellsHtml(List<CellView> cells) {
        StringBuilder sb = new StringBuilder(cells.size() * 32);
        for (CellView c : cells) {
            String tag = c.rowHeader() ? "th" : "td";
            sb.append('<').append(tag);
            if (c.rowHeader()) sb.append(" scope=\"row\"");
            if (c.pin() > 0) sb.append(" class=\"pin pin-").append(c.pin()).append('"');
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
            // the mark of the legend under the table, the results summary and the leaderboards
            boolean notComparable = Leaderboards.Note.of(k, v).notComparable();
            sb.append(" <span class=\"col-note\"><span aria-hidden=\"true\">").append(Entities.escape(mark))
                    .append(notComparable ? "<span class=\"nc\">†</span>" : "")
                    .append("</span><span class=\"visually-hidden\">").append(Entities.escape(k + ": " + v))
                    .append(notComparable ? " (not comparable)" : "").append("</span></span>");
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

}
