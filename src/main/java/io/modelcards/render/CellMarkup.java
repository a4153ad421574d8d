package io.modelcards.render;

import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The HTML of a table cell on the page: the cell's sanitized HTML, with a stated change set apart, signed and
 * judged ({@code 37.4 <span class="delta delta-worse">(−22.7…)</span>}; each part of a composite value
 * judged in a span of its own), and flags given
 * words for screen readers.
 */
final class CellMarkup {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator ANCHORS = org.jsoup.select.QueryParser.parse("a");

    private CellMarkup() {}

    static final String MINUS = "\u2212";

    /** @param better which way a change is an improvement in the cell's column: "higher", "lower" or "" (higher) */
    static String html(Cell c, String better) {
        CellValue v = c.value();
        if ((v instanceof CellValue.Delta || v instanceof CellValue.Composite) && !c.html().contains("<")) {
            String text = c.text();
            int open = text.lastIndexOf('(');
            List<BigDecimal> deltas = deltas(v);
            if (open > 0 && !deltas.isEmpty()) {
                String value = Entities.escape(text.substring(0, open).strip());
                if (deltas.size() == 1) { // one change: judged on the span itself, a third of the markup of two spans
                    String judgement = judgement(deltas.get(0), better);
                    return value + " <span class=\"delta delta-" + judgement + "\">(" + signed(deltas.get(0)) + ")</span>";
                }
                List<String> parts = new ArrayList<>();
                for (BigDecimal d : deltas) parts.add(change(d, better));
                return value + " <span class=\"delta\">(" + String.join("/", parts) + ")</span>";
            }
        }
        if (v instanceof CellValue.Flag f) {
            String words = f.value() ? "yes" : "no";
            if (c.links().isEmpty()) {
                return "<span aria-hidden=\"true\">" + Entities.escape(c.text()) + "</span><span class=\"visually-hidden\">"
                        + words + "</span>";
            }
            Element body = Jsoup.parseBodyFragment(c.html()).body();
            for (Element a : body.select(ANCHORS)) {
                String mark = a.text();
                a.empty();
                a.appendElement("span").attr("aria-hidden", "true").text(mark);
                a.appendElement("span").addClass("visually-hidden").text(words);
            }
            return body.html();
        }
        return c.html();
    }

    /** The changes a cell states, one per part of a composite value; none when a part states none. */
    private static List<BigDecimal> deltas(CellValue v) {
        if (v instanceof CellValue.Delta d) return List.of(d.delta());
        List<BigDecimal> out = new ArrayList<>();
        if (v instanceof CellValue.Composite c) {
            for (CellValue.Part p : c.parts()) {
                if (p.delta() == null) return List.of();
                out.add(p.delta());
            }
        }
        return out;
    }

    /**
     * One change: signed and judged by its class. The class also gives screen readers the judgement in words
     * (css/site.css: {@code .delta-better::after}, hidden from sight), so it is not repeated in every cell.
     */
    static String change(BigDecimal delta, String better) {
        return "<span class=\"delta-" + judgement(delta, better) + "\">" + signed(delta) + "</span>";
    }

    /** +4.0, −22.7 (a real minus sign), 0.0: the digits as printed, the sign always shown. */
    static String signed(BigDecimal delta) {
        String digits = delta.abs().toPlainString();
        int sign = delta.signum();
        return sign > 0 ? "+" + digits : sign < 0 ? MINUS + digits : digits;
    }

    /** "better", "worse" or "same": a rise is better unless the column's metric is better when lower. */
    static String judgement(BigDecimal delta, String better) {
        int sign = delta.signum();
        if (sign == 0) return "same";
        return (sign > 0) != Column.LOWER.equals(better) ? "better" : "worse";
    }
}
