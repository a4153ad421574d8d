package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unbescape.html.HtmlEscape;

/**
 * Render stage: a leaderboard's table, written in Java as the model pages' tables are (one template expression for
 * the head, one for the body). Columns: rank, model, the settings some line states, one per metric, origin. One
 * {@code tbody} per setting, carrying its setting values ({@code data-shots="0"}) for the page's filter and keeping
 * sorting inside the setting. Every text from a card is escaped.
 */
final class LeaderboardTable {
    /** Marks of the notes of a board, in order of first use; the first is the "not comparable" mark when it is one. */
    private static final String[] SYMBOLS = {"†", "‡", "§", "¶"};

    /** A note mark and what it means, for the legend under the table. */
    record Legend(String symbol, String term, String text) {}

    /**
     * The table's head and body HTML and its legend; with the note marks it used, and where each shown line's row is in
     * the body (the k-th line's from {@code rows[2k]} to {@code rows[2k + 1]}), so that serve can make only some rows again.
     */
    record Made(String head, String body, List<Legend> legend, Map<String, String> symbols, int[] rows) {}

    private LeaderboardTable() {}

    /** The value a tbody carries for a setting the line does not state, and the filter's chip for it. */
    static final String NONE = "none";

    static Made of(Leaderboards.Board board, String fromPage, String repoUrl) {
        return of(board, fromPage, repoUrl, null, Set.of());
    }

    /**
     * Like {@link #of(Leaderboards.Board, String, String)}; with {@code last}, the table of the same board for the same
     * page before the entries of {@code redo}'s lines were swapped (serve), the other lines' rows are copied from it.
     */
    static Made of(Leaderboards.Board board, String fromPage, String repoUrl, Made last, Set<Leaderboards.Line> redo) {
        Map<String, String> symbols = new LinkedHashMap<>(); // note stated → symbol
        List<Legend> legend = new ArrayList<>();
        for (Leaderboards.Line l : board.lines()) {
            for (Leaderboards.Entry e : l.values.values()) {
                for (Leaderboards.Note n : e.notes()) {
                    if (!n.shown() || symbols.containsKey(n.stated())) continue;
                    String symbol = symbols.size() < SYMBOLS.length ? SYMBOLS[symbols.size()] : "*" + (symbols.size() + 1);
                    symbols.put(n.stated(), symbol);
                    legend.add(n.notComparable()
                            ? new Legend(symbol, "Not comparable", "the card notes under this column “" + n.stated()
                                    + "”: the model was trained on data holding the benchmark, so the result is not"
                                    + " comparable with the others; it is ranked by its value but never marked best.")
                            : new Legend(symbol, "Note", "the card notes under this column “" + n.stated() + "”."));
                }
            }
        }
        int shown = 0;
        for (List<Leaderboards.Line> g : board.groups) shown += g.size();
        // the marks are made from every line's notes: a swapped entry has the same notes, so the same marks
        if (last != null && (last.rows().length != 2 * shown || !last.symbols().equals(symbols))) last = null;
        int[] rows = new int[2 * shown];
        String body = body(board, fromPage, repoUrl, symbols, rows, last, redo);
        return new Made(head(board), body, legend, symbols, rows);
    }

    private static String head(Leaderboards.Board board) {
        StringBuilder sb = new StringBuilder(512).append("<tr>");
        th(sb, "lb-rank", "<span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Rank</span>");
        th(sb, "lb-who", "Model");
        for (Settings.Dimension d : board.dimensions) th(sb, "", esc(d.label));
        for (String m : board.metrics) {
            boolean higher = board.higherIsBetter.get(m);
            th(sb, "lb-metric", esc(board.metricNames.get(m)) + " <span class=\"lb-dir\" aria-hidden=\"true\">"
                    + (higher ? "↑" : "↓") + "</span><span class=\"visually-hidden\"> ("
                    + (higher ? "higher" : "lower") + " is better)</span>");
        }
        th(sb, "", "Origin");
        return sb.append("</tr>").toString();
    }

    private static void th(StringBuilder sb, String cls, String html) {
        sb.append("<th scope=\"col\"");
        if (!cls.isEmpty()) sb.append(" class=\"").append(cls).append('"');
        sb.append(" aria-sort=\"none\">").append(html).append("</th>");
    }

    private static String body(Leaderboards.Board board, String fromPage, String repoUrl, Map<String, String> symbols,
                               int[] rows, Made last, Set<Leaderboards.Line> redo) {
        StringBuilder sb = new StringBuilder(last != null ? last.body().length() + 256 : board.results() * 200);
        int k = 0;
        for (List<Leaderboards.Line> group : board.groups) {
            sb.append("\n<tbody");
            Settings settings = group.get(0).settings;
            for (Settings.Dimension d : board.dimensions) {
                String v = settings.get(d);
                attribute(sb, "data-" + d.param, v.isEmpty() ? NONE : v);
            }
            sb.append('>');
            for (Leaderboards.Line l : group) {
                rows[k] = sb.length();
                if (last != null && !redo.contains(l)) sb.append(last.body(), last.rows()[k], last.rows()[k + 1]);
                else row(sb, board, l, fromPage, repoUrl, symbols);
                rows[k + 1] = sb.length();
                k += 2;
            }
            sb.append("</tbody>");
        }
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, Leaderboards.Board board, Leaderboards.Line l, String fromPage,
                            String repoUrl, Map<String, String> symbols) {
        boolean comparable = l.comparable(board.primary);
        sb.append("<tr");
        String cls = (comparable ? "" : "lb-not-comparable") + (l.baseline ? (comparable ? "" : " ") + "lb-baseline" : "");
        if (!cls.isEmpty()) sb.append(" class=\"").append(cls).append('"');
        sb.append('>');
        if (l.rank > 0) {
            sb.append("<td class=\"lb-rank\" data-type=\"number\">").append(l.rank).append("</td>");
        } else {
            sb.append("<td class=\"lb-rank\" data-type=\"missing\"><span aria-hidden=\"true\">–</span>"
                    + "<span class=\"visually-hidden\">not ranked</span></td>");
        }
        Leaderboards.Entry first = l.values.values().iterator().next();
        String model = SitePaths.link(fromPage, SitePaths.model(l.model.slug()));
        sb.append("<th scope=\"row\" class=\"lb-who\"><a href=\"").append(esc(model + place(l.model,
                first.result().origins().get(0)))).append("\">").append(esc(l.who())).append("</a>");
        if (l.baseline) {
            sb.append(" <span class=\"lb-by\">reported by <a href=\"").append(esc(model)).append("\">")
                    .append(esc(l.model.name())).append("</a></span>");
        }
        sb.append("</th>");
        for (Settings.Dimension d : board.dimensions) {
            String v = l.settings.get(d);
            if (v.isEmpty()) sb.append("<td data-type=\"missing\">").append(NOT_STATED).append("</td>");
            else if (d == Settings.Dimension.SHOTS && l.settings.shots() >= 0) sb.append("<td data-type=\"number\">").append(v).append("</td>");
            else sb.append("<td>").append(esc(v)).append("</td>");
        }
        for (String m : board.metrics) {
            Leaderboards.Entry e = l.values.get(m);
            if (e == null) {
                sb.append("<td data-type=\"missing\">").append(NO_VALUE).append("</td>");
                continue;
            }
            boolean best = l.best.contains(m);
            String value = e.result().printed();
            if (value.length() > 12 || !Texts.hasDigit(value)) value = e.result().value().toPlainString();
            sb.append("<td data-type=\"number\" data-sort=\"").append(e.result().value().toPlainString()).append('"');
            if (best) sb.append(" class=\"lb-best\"");
            sb.append('>');
            if (best) sb.append("<span class=\"lb-best-mark\" aria-hidden=\"true\">★</span>");
            sb.append(esc(value));
            if (best) sb.append("<span class=\"visually-hidden\"> (best)</span>");
            Set<String> marks = new LinkedHashSet<>();
            for (Leaderboards.Note n : e.notes()) {
                if (!n.shown()) continue;
                if (marks.add(symbols.get(n.stated()))) {
                    sb.append("<sup class=\"lb-mark\" aria-hidden=\"true\">").append(symbols.get(n.stated())).append("</sup>")
                            .append("<span class=\"visually-hidden\"> (").append(n.notComparable() ? "not comparable: "
                                    : "note: ").append(esc(n.stated())).append(")</span>");
                }
            }
            sb.append("</td>");
        }
        sb.append("<td class=\"lb-origin\">").append(origins(l, model, repoUrl)).append("</td></tr>");
    }

    private static final String NOT_STATED = "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">not stated</span>";
    private static final String NO_VALUE = "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">no value</span>";

    /** Where the line's values are stated: each kind once, linked to its place on the model page, with file and line. */
    private static String origins(Leaderboards.Line l, String model, String repoUrl) {
        List<String> parts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Leaderboards.Entry e : l.values.values()) {
            for (Result.Origin o : e.result().origins()) {
                String kind = o.kind() == Result.Kind.PROSE ? "text" : o.kind().label();
                String source = fileName(o.source().path()) + ":" + o.source().line();
                if (!seen.add(kind + " " + source)) continue;
                String edit = ModelPages.editUrl(repoUrl, o.source().path(), o.source().line());
                String where = edit.isEmpty() ? "<span class=\"lb-src\">" + esc(source) + "</span>"
                        : "<a class=\"lb-src\" href=\"" + esc(edit) + "\">" + esc(source) + "</a>";
                parts.add("<a href=\"" + esc(model + place(l.model, o)) + "\">" + kind + "</a> " + where);
            }
        }
        return String.join("; ", parts);
    }

    /**
     * The fragment of the place on the model page a result is shown from: its table row, the section of its list item
     * or sentence, or the page's Results table for a result declared beside the card.
     */
    static String place(Model m, Result.Origin o) {
        switch (o.kind()) {
            case TABLE:
                return "#" + (o.row().isEmpty() ? o.table() : o.row());
            case LIST:
            case PROSE:
                String heading = "";
                for (Block b : m.blocks()) {
                    if (b.origin().line() > o.source().line()) break;
                    if (b instanceof Block.Heading h) heading = h.id();
                }
                return heading.isEmpty() ? "" : "#" + heading;
            default:
                return "#results";
        }
    }

    private static String fileName(String path) {
        if (path.contains("/.eval_results/")) return path.substring(path.indexOf(".eval_results/"));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"").append(esc(value)).append('"');
    }

    /** Text and attribute values escaped, quotes included. */
    private static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }
}
