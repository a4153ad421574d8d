package io.modelcards.parse;

import java.util.regex.Pattern;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Turns header and body cells read from Markdown or HTML into a {@link Table}: typed cells, row groups
 * (a blank first cell continues the group above), links with positions. Keeps every cell.
 */
final class TableBuilder {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TableBuilder() {}

    static Table build(String id, String caption, List<RawCell> header, List<List<RawCell>> body, String path,
                       int tableLine, Diagnostics diagnostics) {
        List<Column> columns = new ArrayList<>();
        for (RawCell h : header) columns.add(HeaderReader.read(h.html(), List.of(h.lineText().split("\n"))));
        List<List<Cell>> typed = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int width = columns.size();
        for (List<RawCell> raw : body) {
            int line = raw.isEmpty() ? tableLine : raw.get(0).line();
            if (width > 0 && raw.size() != width) {
                diagnostics.warning(SourcePosition.of(path, line), "table row has " + raw.size()
                        + " cells but the header has " + width + "; cells are kept as they are");
            }
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < raw.size(); c++) {
                RawCell rc = raw.get(c);
                List<String> parts = c < columns.size() ? columns.get(c).parts() : List.of();
                CellValue value = CellTyper.type(rc.text(), parts);
                // most cells are plain text, the same in all three forms: keep one string, not three equal ones
                String source = rc.source();
                String html = rc.html().equals(source) ? source : rc.html();
                String text = rc.text().equals(source) ? source : rc.text().equals(html) ? html : rc.text();
                cells.add(new Cell(source, html, text, value, links(html, SourcePosition.of(path, rc.line()))));
            }
            typed.add(cells);
            lines.add(line);
        }
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
        Table table = new Table(id, caption, TableKind.OTHER, columns, rows, SourcePosition.of(path, tableLine));
        table = table.withKind(TableClassifier.classify(table));
        return table.withRows(RowIds.assign(table));
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
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            links.add(Link.of(a.text(), a.attr("href"), at));
        }
        return links;
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
        Element body = Jsoup.parseBodyFragment(html.replaceAll("(?i)<br\\s*/?>", "\n<span></span>")).body();
        StringBuilder sb = new StringBuilder();
        for (String part : body.wholeText().split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(SPACES.matcher(part).replaceAll(" ").strip());
        }
        return sb.toString().strip();
    }

    /** Text of markup-free HTML: entities decoded, whitespace collapsed, as jsoup's text() would give. */
    static String plain(String html) {
        String t = html.indexOf('&') < 0 ? html : org.jsoup.parser.Parser.unescapeEntities(html, false);
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    static String text(String html) {
        if (html.indexOf('<') < 0) return plain(html);
        SimpleLink simple = SimpleLink.of(html);
        if (simple != null) return simple.text();
        return Jsoup.parseBodyFragment(html).body().text();
    }
}
