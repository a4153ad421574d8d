package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Link;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Turns header and body cells read from Markdown or HTML into a {@link Table}: typed cells, row groups
 * (a blank first cell continues the group above), links with positions. Keeps every cell.
 */
final class TableBuilder {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator LINKS = org.jsoup.select.QueryParser.parse("a[href]");

    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    private TableBuilder() {}

    /** A table whose header is one row of plain cells and whose body has no spans (a GFM table). */
    static Table build(String id, String caption, List<RawCell> header, List<List<RawCell>> body, String path,
                       int tableLine, Diagnostics diagnostics) {
        List<List<GridCell>> head = header.isEmpty() ? List.of() : List.of(plain(header));
        List<List<GridCell>> rows = new ArrayList<>();
        for (List<RawCell> r : body) rows.add(plain(r));
        return buildGrid(id, caption, head, rows, path, tableLine, diagnostics);
    }

    /**
     * A table from header and body rows laid out as a grid. Each column's header is the stack of the header
     * cells over it; a position covered by a span gets a copy of the cell the span starts at.
     */
    static Table buildGrid(String id, String caption, List<List<GridCell>> header, List<List<GridCell>> body,
                       String path, int tableLine, Diagnostics diagnostics) {
        List<List<Cell>> headerCells = typed(header, List.of(), path);
        List<Column> columns = columns(header, headerCells);
        List<List<Cell>> typed = typed(body, columns, path);
        List<Integer> lines = new ArrayList<>();
        for (List<GridCell> raw : body) lines.add(raw.isEmpty() ? tableLine : firstLine(raw));
        ColumnAnnotations.Result annotated = ColumnAnnotations.extract(columns, typed, lines);
        columns = annotated.columns();
        typed = annotated.rows();
        lines = annotated.lines();
        int label = labelColumn(columns, typed);
        List<Row> rows = new ArrayList<>();
        String group = "";
        for (int r = 0; r < typed.size(); r++) {
            List<Cell> cells = typed.get(r);
            if (cells.size() > label && !cells.get(label).isBlank()) group = cells.get(label).text();
            rows.add(new Row(id + "-r" + (r + 1), group, cells, SourcePosition.of(path, lines.get(r))));
        }
        List<Row> headerRows = new ArrayList<>();
        if (header.size() > 1 || hasSpans(headerCells)) {
            for (int r = 0; r < header.size(); r++) {
                int line = header.get(r).isEmpty() ? tableLine : firstLine(header.get(r));
                headerRows.add(new Row(id + "-h" + (r + 1), "", headerCells.get(r), SourcePosition.of(path, line)));
            }
        }
        Table table = new Table(id, caption, TableKind.OTHER, columns, headerRows, rows, SourcePosition.of(path, tableLine));
        table = table.withKind(TableClassifier.classify(table));
        return table.withRows(RowIds.assign(table));
    }

    private static List<GridCell> plain(List<RawCell> cells) {
        List<GridCell> out = new ArrayList<>(cells.size());
        for (RawCell c : cells) out.add(new GridCell(c, Cell.Span.ONE));
        return out;
    }

    private static int firstLine(List<GridCell> row) {
        for (GridCell g : row) if (!g.span().isCovered()) return g.raw().line();
        return row.get(0).raw().line();
    }

    private static boolean hasSpans(List<List<Cell>> rows) {
        for (List<Cell> row : rows) for (Cell c : row) if (c.span().isSpanning() || c.span().isCovered()) return true;
        return false;
    }

    /** A column per grid column of the header: the header cells over it, top down, read by {@link HeaderReader}. */
    private static List<Column> columns(List<List<GridCell>> header, List<List<Cell>> headerCells) {
        int width = 0;
        for (List<GridCell> h : header) width = Math.max(width, h.size());
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> html = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < header.size(); r++) {
                if (c >= header.get(r).size()) continue;
                GridCell g = header.get(r).get(c);
                if (g.span().up() > 0) continue; // the cell of the row above, spanning down
                if (header.size() > 1 && g.raw().lineText().isBlank()) continue;
                html.add(g.raw().html());
                lines.addAll(List.of(g.raw().lineText().split("\n")));
            }
            columns.add(HeaderReader.read(String.join("<br>", html), lines));
        }
        return columns;
    }

    /** Types each starting cell once; a covered position copies the cell its span starts at. */
    private static List<List<Cell>> typed(List<List<GridCell>> grid, List<Column> columns, String path) {
        List<List<Cell>> out = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            List<GridCell> raw = grid.get(r);
            List<Cell> cells = new ArrayList<>(raw.size());
            for (int c = 0; c < raw.size(); c++) {
                GridCell g = raw.get(c);
                Cell.Span span = g.span();
                if (span.isCovered()) {
                    cells.add(out.isEmpty() && span.up() > 0 ? Cell.empty()
                            : (span.up() > 0 ? out.get(r - span.up()) : cells).get(c - span.left()).coveredAt(span.up(), span.left()));
                    continue;
                }
                RawCell rc = g.raw();
                List<String> parts = c < columns.size() ? columns.get(c).parts() : List.of();
                CellValue value = CellTyper.type(rc.text(), parts);
                // most cells are plain text, the same in all three forms: keep one string, not three equal ones
                String source = rc.source();
                String html = rc.html().equals(source) ? source : rc.html();
                String text = rc.text().equals(source) ? source : rc.text().equals(html) ? html : rc.text();
                cells.add(new Cell(source, html, text, value, links(html, SourcePosition.of(path, rc.line())), span));
            }
            out.add(cells);
        }
        return out;
    }

    /**
     * The column that names a row: the first, unless the first is only a row number (1, 2, 3 under an empty
     * header, as pandas writes HTML tables); then the next one.
     */
    static int labelColumn(List<Column> columns, List<List<Cell>> rows) {
        if (rows.isEmpty() || columns.size() < 2 || !columns.get(0).text().isBlank()) return 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> cells = rows.get(r);
            if (cells.size() < 2) return 0;
            if (!(cells.get(0).value() instanceof CellValue.Number n)
                    || n.value().compareTo(java.math.BigDecimal.valueOf(r + 1L)) != 0) return 0;
        }
        return 1;
    }

    /** Links of sanitized HTML, each placed at {@code at}. */
    static List<Link> links(String html, SourcePosition at) {
        if (!html.contains("<a")) return List.of();
        SimpleLink simple = SimpleLink.of(html);
        if (simple != null) return List.of(Link.of(simple.text(), simple.href(), at));
        List<Link> links = new ArrayList<>();
        for (InlineFragment.Anchor a : anchors(html)) links.add(Link.of(a.text(), a.href(), at));
        return links;
    }

    /** The anchors with an href of sanitized HTML, as jsoup's {@code a[href]} gives them (read without it when inline). */
    static List<InlineFragment.Anchor> anchors(String html) {
        InlineFragment inline = InlineFragment.of(html);
        if (inline != null) return inline.anchors();
        return Jsoup.parseBodyFragment(html).select(LINKS).stream()
                .map(a -> new InlineFragment.Anchor(a.attr("href"), a.text())).toList();
    }

    /** Plain text of sanitized HTML with line breaks kept as "\n" (for headers such as VQAv2<br>acc.). */
    static String lineText(String html) {
        if (html.indexOf('<') < 0) return plain(html);
        SimpleLink simple = SimpleLink.of(html);
        if (simple != null) return simple.text();
        String known = LINE_TEXTS.get(html); // headers come back in every card of a catalogue
        if (known != null) return known;
        String text = parsedLineText(html);
        if (html.length() <= 300 && LINE_TEXTS.size() < 20_000) LINE_TEXTS.put(html, text);
        return text;
    }

    private static final java.util.Map<String, String> LINE_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String parsedLineText(String html) {
        Element body = Jsoup.parseBodyFragment(BR.matcher(html).replaceAll("\n<span></span>")).body();
        StringBuilder sb = new StringBuilder();
        for (String part : body.wholeText().split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(Spaces.collapse(part));
        }
        return sb.toString().strip();
    }

    /** Text of markup-free HTML: entities decoded, whitespace collapsed, as jsoup's text() would give. */
    static String plain(String html) {
        String t = html.indexOf('&') < 0 ? html : org.jsoup.parser.Parser.unescapeEntities(html, false);
        return Spaces.collapse(t);
    }

    static String text(String html) {
        if (html.indexOf('<') < 0) return plain(html);
        SimpleLink simple = SimpleLink.of(html);
        if (simple != null) return simple.text();
        InlineFragment inline = InlineFragment.of(html);
        return inline != null ? inline.text() : Jsoup.parseBodyFragment(html).body().text();
    }
}
