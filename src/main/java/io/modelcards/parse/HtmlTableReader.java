package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Table;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * Reads a raw HTML {@code <table>} from a card (parsed by jsoup with positions, so broken forms such as an
 * unclosed {@code <td>} still give every cell) into a {@link Table}.
 */
final class HtmlTableReader {
    private final HtmlSanitizer sanitizer;

    HtmlTableReader(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /**
     * @param raw        the HTML block's text, as parsed by jsoup
     * @param baseOffset offset of {@code raw} in the file's text
     */
    Table read(Element table, String id, String caption, String raw, SourceFile file, int baseOffset,
               Diagnostics diagnostics) {
        List<Element> trs = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") == table) trs.add(tr);
        }
        List<RawCell> header = new ArrayList<>();
        int start = 0;
        if (!trs.isEmpty()) {
            Element first = trs.get(0);
            boolean inHead = first.parent() != null && first.parent().normalName().equals("thead");
            boolean allTh = first.children().stream().allMatch(c -> c.normalName().equals("th"));
            if (inHead || allTh) {
                header = cells(first, raw, file, baseOffset, diagnostics);
                start = 1;
            }
        }
        List<List<RawCell>> body = new ArrayList<>();
        for (int i = start; i < trs.size(); i++) body.add(cells(trs.get(i), raw, file, baseOffset, diagnostics));
        int line = file.lines().line(baseOffset + Math.max(0, table.sourceRange().startPos()));
        return TableBuilder.build(id, caption, header, body, file.path(), line, diagnostics);
    }

    private List<RawCell> cells(Element tr, String raw, SourceFile file, int baseOffset, Diagnostics diagnostics) {
        List<RawCell> cells = new ArrayList<>();
        for (Element cell : tr.children()) {
            if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
            int pos = cell.sourceRange().isTracked() ? cell.sourceRange().startPos() : tr.sourceRange().startPos();
            var at = file.at(baseOffset + Math.max(0, pos));
            String clean = sanitizer.clean(cell.html(), at, diagnostics);
            String lineText = TableBuilder.lineText(clean);
            cells.add(new RawCell(source(cell, raw), clean, lineText.replace('\n', ' ').strip(), lineText, at.line()));
        }
        return cells;
    }

    /** The cell's inner source text; for an unclosed cell, up to the next cell or the end of its row. */
    private static String source(Element cell, String raw) {
        Range open = cell.sourceRange();
        if (!open.isTracked()) return cell.html();
        int from = open.endPos();
        int to;
        Range close = cell.endSourceRange();
        if (close.isTracked()) {
            to = close.startPos();
        } else {
            Element next = cell.nextElementSibling();
            Range parentClose = cell.parent() == null ? null : cell.parent().endSourceRange();
            if (next != null && next.sourceRange().isTracked()) to = next.sourceRange().startPos();
            else if (parentClose != null && parentClose.isTracked()) to = parentClose.startPos();
            else to = from;
        }
        if (from < 0 || to < from || to > raw.length()) return cell.html();
        return raw.substring(from, to).strip();
    }
}
