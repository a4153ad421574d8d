package io.modelcards.parse;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Table;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Reads a GitHub-flavoured Markdown table (flexmark {@link TableBlock}) into a {@link Table}. */
final class GfmTableReader {
    private final MarkdownEngine markdown;
    private final HtmlSanitizer sanitizer;

    GfmTableReader(MarkdownEngine markdown, HtmlSanitizer sanitizer) {
        this.markdown = markdown;
        this.sanitizer = sanitizer;
    }

    Table read(TableBlock block, String id, String caption, SourceFile file, int baseOffset, Diagnostics diagnostics) {
        List<RawCell> header = new ArrayList<>();
        List<List<RawCell>> body = new ArrayList<>();
        for (Node section : block.getChildren()) {
            boolean isHead = section instanceof TableHead;
            if (!isHead && !(section instanceof TableBody)) continue;
            for (Node rowNode : section.getChildren()) {
                if (!(rowNode instanceof TableRow)) continue;
                List<RawCell> cells = new ArrayList<>();
                for (Node cellNode : rowNode.getChildren()) {
                    if (cellNode instanceof TableCell cell) cells.add(cell(cell, file, baseOffset, diagnostics));
                }
                if (isHead && header.isEmpty()) header = cells;
                else body.add(cells);
            }
        }
        int line = file.lines().line(baseOffset + block.getStartOffset());
        return TableBuilder.build(id, caption, header, asGitHubShows(header.size(), body, file, line, diagnostics),
                file.path(), line, diagnostics);
    }

    /**
     * GitHub pads a row shorter than the header with empty cells and does not show the cells past the header's
     * width; we pad too, keep the extra cells, and tell the author when GitHub hides some text.
     */
    private static List<List<RawCell>> asGitHubShows(int width, List<List<RawCell>> body, SourceFile file, int line,
                                                     Diagnostics diagnostics) {
        List<List<RawCell>> out = new ArrayList<>(body.size());
        for (List<RawCell> row : body) {
            int at = row.isEmpty() ? line : row.get(0).line();
            // only cells with something in them: "| 458||" ends in an empty cell nobody misses
            boolean hidesText = width > 0 && row.subList(Math.min(width, row.size()), row.size()).stream()
                    .anyMatch(c -> !c.text().isBlank() || c.html().contains("<img"));
            if (hidesText) {
                diagnostics.warning(io.modelcards.diag.SourcePosition.of(file.path(), at), "table row has " + row.size()
                        + " cells but the header has " + width + "; GitHub does not show the last "
                        + (row.size() - width));
            }
            if (row.size() >= width) {
                out.add(row);
                continue;
            }
            List<RawCell> padded = new ArrayList<>(row);
            while (padded.size() < width) padded.add(RawCell.empty(at));
            out.add(padded);
        }
        return out;
    }

    /** {@code [text](url)} with plain text and no title: the commonest cell of link matrices. */
    private static boolean isPlainLink(Node n) {
        return n instanceof com.vladsch.flexmark.ast.Link link && link.getTitle().isEmpty()
                && link.getFirstChild() instanceof com.vladsch.flexmark.ast.Text && link.getFirstChild() == link.getLastChild();
    }

    /** The HTML flexmark would render for a plain link, without a renderer round trip (it still gets sanitized). */
    private static String plainLink(com.vladsch.flexmark.ast.Link link) {
        String url = SequenceText.unescaped(link.getUrl());
        String text = SequenceText.unescaped(link.getFirstChild().getChars());
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }

    /**
     * An inline node rendered alone: flexmark ends a lone node's output with a line break, which inside a cell read as
     * a space that is not in the card ("x<sup>2</sup>" read "x 2", "**55.8**%" read "55.8 %"; every one of the
     * 26,674 inline nodes of the cells of 26,394 real cards got one).
     */
    private static String inline(String rendered) {
        return rendered.endsWith("\n") ? rendered.substring(0, rendered.length() - 1) : rendered;
    }

    /**
     * {@code Entities.escape(text)}; most cells (numbers, names) are printable ASCII without {@code " & ' < >}, which
     * jsoup gives back as they are, so they are not copied through its escaper (1.3 % of a 10,000-card build's CPU).
     */
    static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '&' || c == '\'' || c == '<' || c == '>') {
                return org.jsoup.nodes.Entities.escape(text);
            }
        }
        return text;
    }

    private RawCell cell(TableCell cell, SourceFile file, int baseOffset, Diagnostics diagnostics) {
        int offset = baseOffset + cell.getStartOffset();
        var at = file.at(offset);
        StringBuilder html = new StringBuilder();
        for (Node child : cell.getChildren()) {
            // plain text needs no renderer round trip (the common case: numbers)
            if (child instanceof com.vladsch.flexmark.ast.Text t) html.append(escape(SequenceText.unescaped(t.getChars())));
            else if (isPlainLink(child)) html.append(plainLink((com.vladsch.flexmark.ast.Link) child));
            // a tag ("<br>", "<b>", "<nobr>") as written, as flexmark writes it
            else if (child instanceof com.vladsch.flexmark.ast.HtmlInline tag) html.append(tag.getChars());
            else html.append(inline(markdown.render(child)));
        }
        MathSpans math = MathSpans.of(cell);
        String clean = sanitizer.clean(math.restoreHtml(html.toString().strip()), at, diagnostics);
        String lineText = TableBuilder.lineText(clean);
        return new RawCell(math.restoreText(SequenceText.of(cell.getText())).strip(), clean, lineText.replace('\n', ' ').strip(), lineText,
                at.line());
    }
}
