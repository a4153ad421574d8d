package io.modelcards.links;

import io.modelcards.model.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The link-matrix rule for rows whose repositories are named differently ({@code Nova-3B-hf} beside
 * {@code NovaMoE-4x3B-hf}), where no row × column template fits every row: how one column's link follows from
 * another's within a row ("Chat" is "Base" with {@code chat-} inserted before {@code hf}). A cell that repeats
 * another column's link of its row is given that link transformed, when at least two other rows relate the two
 * columns, all of them in the same way, and the link it starts from has the first column's shape, not the second's
 * (so of two cells repeating each other, only the one in the wrong column is fixed).
 */
final class ColumnRelation {
    private static final int MIN_SUPPORT = 2;

    /**
     * Column B's link is column A's with {@code from} replaced by {@code to}, just before {@code suffix} (when
     * {@code atEnd}) or just after {@code prefix}.
     */
    record Relation(String prefix, String from, String to, String suffix, boolean atEnd) {
        /** The relation of two links: what is left once their longest common prefix and suffix are taken out. */
        static Relation between(String a, String b) {
            int p = 0;
            while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) p++;
            int s = 0;
            while (s < a.length() - p && s < b.length() - p
                    && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) s++;
            return new Relation(a.substring(0, p), a.substring(p, a.length() - s), b.substring(p, b.length() - s),
                    a.substring(a.length() - s), true);
        }

        /** Column B's link for column A's {@code a}, or null when {@code a} has not the shape of column A. */
        String apply(String a) {
            if (atEnd) {
                if (!a.endsWith(from + suffix) || (!to.isEmpty() && a.endsWith(to + suffix))) return null;
                return a.substring(0, a.length() - from.length() - suffix.length()) + to + suffix;
            }
            if (!a.startsWith(prefix + from) || (!to.isEmpty() && a.startsWith(prefix + to))) return null;
            return prefix + to + a.substring(prefix.length() + from.length());
        }

        String describe() {
            String where = atEnd ? (suffix.isEmpty() ? "at the end" : "before \"" + suffix + "\"")
                    : "after \"" + prefix + "\"";
            if (from.isEmpty()) return "\"" + to + "\" inserted " + where;
            if (to.isEmpty()) return "\"" + from + "\" removed " + where;
            return "\"" + from + "\" replaced by \"" + to + "\" " + where;
        }
    }

    private ColumnRelation() {}

    /** Fixes for the repeated cells that the other rules left alone. */
    static List<LinkMatrixFixer.Fix> fixes(Map<LinkMatrixFixer.Cellref, Link> links, List<Integer> columns,
                                           Set<LinkMatrixFixer.Cellref> suspects, List<LinkMatrixFixer.Fix> done,
                                           Map<Integer, String> rowLabels, IntFunction<String> columnLabel,
                                           LinkOverrides overrides) {
        Map<LinkMatrixFixer.Cellref, LinkMatrixFixer.Fix> found = new HashMap<>();
        Set<LinkMatrixFixer.Cellref> ambiguous = new java.util.HashSet<>();
        for (LinkMatrixFixer.Cellref at : suspects) {
            if (done.stream().anyMatch(f -> f.row() == at.row() && f.column() == at.column())) continue;
            if (done.stream().anyMatch(f -> f.row() == at.row())) continue; // the row is being fixed already
            Link before = links.get(at);
            for (int c : columns) {
                LinkMatrixFixer.Cellref source = new LinkMatrixFixer.Cellref(at.row(), c);
                Link from = links.get(source);
                if (c == at.column() || from == null || !from.href().equals(before.href())) continue;
                Relation r = relation(links, suspects, c, at.column(), at.row());
                if (r == null) continue;
                String href = r.apply(from.href());
                if (href == null || href.equals(before.href()) || overrides.forbids(before)) continue;
                String row = rowLabels.getOrDefault(at.row(), "");
                String why = "row " + row + ", column " + columnLabel.apply(at.column()) + ": in the other rows the \""
                        + columnLabel.apply(at.column()) + "\" link is the \"" + columnLabel.apply(c) + "\" link with "
                        + r.describe() + "; this cell repeated the \"" + columnLabel.apply(c)
                        + "\" link of its row (rule: " + LinkMatrixFixer.COLUMN_RELATION + ")";
                LinkMatrixFixer.Fix fix = new LinkMatrixFixer.Fix(at.row(), at.column(), row,
                        columnLabel.apply(at.column()), before, before.withFix(href, why), LinkMatrixFixer.COLUMN_RELATION);
                LinkMatrixFixer.Fix other = found.putIfAbsent(at, fix);
                if (other != null && !other.after().href().equals(href)) ambiguous.add(at);
            }
        }
        ambiguous.forEach(found::remove);
        // two fixes in one row would each start from a link the other calls wrong
        Map<Integer, Integer> perRow = new HashMap<>();
        found.keySet().forEach(at -> perRow.merge(at.row(), 1, Integer::sum));
        List<LinkMatrixFixer.Fix> out = new ArrayList<>();
        for (var e : found.entrySet()) if (perRow.get(e.getKey().row()) == 1) out.add(e.getValue());
        out.sort(java.util.Comparator.comparingInt(LinkMatrixFixer.Fix::row).thenComparingInt(LinkMatrixFixer.Fix::column));
        return out;
    }

    /**
     * How column {@code b}'s link follows from column {@code a}'s in the rows other than {@code skipRow} that have
     * both and repeat neither: one relation in at least two rows and no other, anchored at an end they share; or null.
     */
    static Relation relation(Map<LinkMatrixFixer.Cellref, Link> links, Set<LinkMatrixFixer.Cellref> suspects,
                             int a, int b, int skipRow) {
        List<Relation> seen = new ArrayList<>();
        Set<Integer> rows = new java.util.TreeSet<>();
        for (LinkMatrixFixer.Cellref at : links.keySet()) rows.add(at.row());
        for (int row : rows) {
            if (row == skipRow) continue;
            LinkMatrixFixer.Cellref ra = new LinkMatrixFixer.Cellref(row, a);
            LinkMatrixFixer.Cellref rb = new LinkMatrixFixer.Cellref(row, b);
            Link la = links.get(ra);
            Link lb = links.get(rb);
            if (la == null || lb == null) continue;
            if (suspects.contains(ra) || suspects.contains(rb)) return null; // another repeat: not a clear pattern
            seen.add(Relation.between(la.href(), lb.href()));
        }
        if (seen.size() < MIN_SUPPORT) return null;
        Relation first = seen.get(0);
        if (first.from().equals(first.to())) return null;
        boolean sameChange = true;
        boolean sameSuffix = true;
        boolean samePrefix = true;
        for (Relation r : seen) {
            sameChange &= r.from().equals(first.from()) && r.to().equals(first.to());
            sameSuffix &= r.suffix().equals(first.suffix());
            samePrefix &= r.prefix().equals(first.prefix());
        }
        if (!sameChange) return null;
        if (sameSuffix) return new Relation("", first.from(), first.to(), first.suffix(), true);
        if (samePrefix) return new Relation(first.prefix(), first.from(), first.to(), "", false);
        return null;
    }
}
