package io.modelcards.render;

import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Render stage: a model's leaderboard standings → the results summary of its page, one row per leaderboard setting
 * (benchmark and metric linked to the leaderboard, setting, who, value linked to where the card prints it, rank).
 * Written in Java with the least markup a row needs (optional end tags left out): a model on 60 leaderboard settings
 * must not double its page.
 */
final class ResultsSummary {
    private ResultsSummary() {}

    /** The table, or "" for a model on no leaderboard. */
    static String html(List<ModelRanks.Rank> ranks, String captionId) {
        if (ranks.isEmpty()) return "";
        boolean who = false;
        for (ModelRanks.Rank r : ranks) who |= !r.variant().isEmpty();
        StringBuilder sb = new StringBuilder(128 + ranks.size() * 160);
        sb.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").append(captionId)
                .append("\"><table class=\"summary pinned\"><caption id=\"").append(captionId)
                .append("\">Where the model stands on each leaderboard: its best comparable value of each setting</caption>")
                .append("<thead><tr><th scope=\"col\" class=\"pin pin-1\">Leaderboard<th scope=\"col\">Setting");
        if (who) sb.append("<th scope=\"col\">Model");
        sb.append("<th scope=\"col\">Value<th scope=\"col\">Rank</thead><tbody>");
        for (ModelRanks.Rank r : ranks) {
            sb.append("\n<tr><th scope=\"row\" class=\"pin pin-1\"><a href=\"").append(esc(r.board())).append("\">").append(esc(r.benchmark()))
                    .append("</a> ").append(esc(r.metric())).append("<td>").append(esc(r.setting()));
            if (who) sb.append("<td>").append(esc(r.variant()));
            sb.append("<td>");
            if (r.place().isEmpty()) sb.append(esc(r.printed()));
            else sb.append("<a href=\"").append(esc(r.place())).append("\">").append(esc(r.printed())).append("</a>");
            if (!r.comparable()) sb.append("<span class=\"nc\">†</span><span class=\"visually-hidden\"> (not comparable)</span>");
            sb.append("<td>");
            if (r.rank() > 0) sb.append(r.rank()).append(" of ").append(r.of());
            else sb.append(r.comparable() ? "not ranked" : "–");
        }
        sb.append("\n</tbody></table></div>");
        return sb.toString();
    }

    /** What † means, under the summary; "" when no row has it. */
    static String legend(List<ModelRanks.Rank> ranks) {
        for (ModelRanks.Rank r : ranks) {
            if (!r.comparable()) {
                return "<span class=\"nc\">†</span> Not comparable: the card notes that the model was trained on data"
                        + " holding the benchmark, so the value is not ranked (the leaderboard lists it by value, never"
                        + " as best).";
            }
        }
        return "";
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
