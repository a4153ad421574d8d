package io.modelcards.render;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The HTML of a table cell on the page: the cell's sanitized HTML, with a delta set apart
 * ({@code 37.4 <span class="delta">(-22.7)</span>}) and flags given words for screen readers.
 */
final class CellMarkup {
    private CellMarkup() {}

    static String html(Cell c) {
        CellValue v = c.value();
        if (v instanceof CellValue.Delta && !c.html().contains("<")) {
            String text = c.text();
            int open = text.lastIndexOf('(');
            if (open > 0) {
                return Entities.escape(text.substring(0, open).strip()) + " <span class=\"delta\">"
                        + Entities.escape(text.substring(open)) + "</span>";
            }
        }
        if (v instanceof CellValue.Flag f) {
            String words = f.value() ? "yes" : "no";
            if (c.links().isEmpty()) {
                return "<span aria-hidden=\"true\">" + Entities.escape(c.text()) + "</span><span class=\"visually-hidden\">"
                        + words + "</span>";
            }
            Element body = Jsoup.parseBodyFragment(c.html()).body();
            for (Element a : body.select("a")) {
                String mark = a.text();
                a.empty();
                a.appendElement("span").attr("aria-hidden", "true").text(mark);
                a.appendElement("span").addClass("visually-hidden").text(words);
            }
            return body.html();
        }
        return c.html();
    }
}
