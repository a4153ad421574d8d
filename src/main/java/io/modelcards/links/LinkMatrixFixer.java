package io.modelcards.links;

import io.modelcards.model.Cell;
import io.modelcards.model.Link;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds cells of a link matrix (one artifact per row × column, as Llama v2's sizes × flavours) whose link breaks
 * the pattern of its column, and infers the link they should have. The pattern of a column comes from its other
 * rows (the row label accounts for the differences) or, when too few rows agree, from the other columns (the
 * column label's own part accounts for those). A cell is only corrected when it looks like a link of the wrong
 * column (it repeats another link of its row, or follows another column's pattern) and at least two rows support
 * the pattern; anything less is ambiguous and left alone.
 */
final class LinkMatrixFixer {
    private static final Pattern TRAILING_MARKS = Pattern.compile("[/#?]+$");
    private static final int MIN_SUPPORT = 2;

    /** The rules a fix comes from, as the report names them. */
    static final String COLUMN_PATTERN = "column pattern";
    static final String ACROSS_COLUMNS = "pattern across columns";
    static final String COLUMN_RELATION = "column relation";

    /** A corrected cell link: where it is, what it was, what it becomes (with the reason in its note), and the rule. */
    record Fix(int row, int column, String rowLabel, String columnLabel, Link before, Link after, String rule) {}

    /** Suggests fixes for a table, without applying them; forbidden hrefs are left out. */
    List<Fix> infer(Table table, LinkOverrides overrides) {
        Grid grid = Grid.of(table);
        if (grid.linkColumns.size() < 1) return List.of();
        int keyColumn = grid.keyColumn();
        Map<Integer, String> rowLabels = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) rowLabels.put(r, grid.label(r, keyColumn));

        Map<Cellref, UrlTemplate> templates = new LinkedHashMap<>();
        Set<Cellref> suspects = new LinkedHashSet<>();
        grid.links.forEach((at, link) -> {
            templates.put(at, UrlTemplate.ofRow(link.href(), rowLabels.get(at.row)));
            if (grid.repeatsInRow(at)) suspects.add(at);
        });
        Map<Integer, Support> perColumn = new HashMap<>();
        for (int c : grid.linkColumns) perColumn.put(c, Support.best(templates, suspects, at -> at.column == c));
        Map<Integer, String> own = distinguishingParts(table, grid.linkColumns);
        Support across = acrossColumns(templates, suspects, own);

        List<Fix> fixes = new ArrayList<>();
        for (var e : templates.entrySet()) {
            Cellref at = e.getKey();
            UrlTemplate actual = e.getValue();
            Support column = perColumn.get(at.column);
            UrlTemplate expected;
            String basis;
            String rule;
            if (column != null && column.rows >= MIN_SUPPORT) {
                expected = column.template;
                rule = COLUMN_PATTERN;
                basis = "the other rows of column \"" + grid.columnLabel(at.column) + "\" link to " + expected.describe();
            } else if (across != null && !own.get(at.column).isBlank()) {
                expected = across.template;
                rule = ACROSS_COLUMNS;
                basis = "the links of " + across.rows + " rows across the columns follow " + expected.describe()
                        + ", with {col} = \"" + own.get(at.column) + "\" for column \"" + grid.columnLabel(at.column) + "\"";
            } else {
                continue;
            }
            if (expected.equals(actual)) continue;
            String wrongColumn = wrongColumn(grid, at, actual, perColumn, suspects, templates);
            if (wrongColumn == null) continue;
            String label = rowLabels.get(at.row);
            if (expected.hasRow() && (label == null || label.isBlank())) continue;
            String href = expected.instantiate(label == null ? "" : label, own.getOrDefault(at.column, ""));
            Link before = grid.links.get(at);
            if (href.equals(before.href()) || grid.rowHas(at.row, href) || overrides.forbids(before)) continue;
            String why = "row " + label + ", column " + grid.columnLabel(at.column) + ": " + basis + "; this cell "
                    + wrongColumn + " (rule: " + rule + ")";
            fixes.add(new Fix(at.row, at.column, label, grid.columnLabel(at.column), before, before.withFix(href, why), rule));
        }
        fixes.addAll(ColumnRelation.fixes(grid.links, grid.linkColumns, suspects, fixes, rowLabels,
                grid::columnLabel, overrides));
        fixes.removeIf(f -> namesItsTarget(f.before()));
        return fixes;
    }

    /**
     * Whether a link's text names the repository it links to ("Nova-3B-hf" for …/acme/Nova-3B-hf): the card says
     * where it means to go, so a repeated link is meant and left alone.
     */
    static boolean namesItsTarget(Link link) {
        String text = link.text().strip().toLowerCase(java.util.Locale.ROOT);
        if (text.length() < 3 || text.chars().noneMatch(Character::isLetter)) return false;
        String href = TRAILING_MARKS.matcher(link.href().toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        String last = href.substring(href.lastIndexOf('/') + 1);
        return last.equals(text) || href.endsWith("/" + text.replace(' ', '-'));
    }

    /** Why a cell looks like a link of another column, or null when it does not. */
    private static String wrongColumn(Grid grid, Cellref at, UrlTemplate actual, Map<Integer, Support> perColumn,
                                      Set<Cellref> suspects, Map<Cellref, UrlTemplate> templates) {
        if (suspects.contains(at)) {
            for (int c : grid.linkColumns) {
                Link other = grid.links.get(new Cellref(at.row, c));
                if (c != at.column && other != null && other.href().equals(grid.links.get(at).href())) {
                    // the repeated link must be a right link of that column; else the row's repositories are
                    // named unlike the other rows' (Nova-3B beside NovaMoE-4x3B) and the pattern says nothing
                    Support there = Support.best(templates, Set.of(), ref -> ref.column == c);
                    if (there == null || there.rows < MIN_SUPPORT || !there.template.equals(actual)) return null;
                    return "repeated the \"" + grid.columnLabel(c) + "\" link of its row";
                }
            }
        }
        for (var e : perColumn.entrySet()) {
            if (e.getKey() != at.column && e.getValue() != null && e.getValue().rows >= MIN_SUPPORT
                    && e.getValue().template.equals(actual)) {
                return "followed the pattern of column \"" + grid.columnLabel(e.getKey()) + "\"";
            }
        }
        return null;
    }

    /** The template most cells follow once each column's own label part is taken out, if two rows agree. */
    private static Support acrossColumns(Map<Cellref, UrlTemplate> templates, Set<Cellref> suspects,
                                         Map<Integer, String> own) {
        Map<Cellref, UrlTemplate> generalised = new LinkedHashMap<>();
        templates.forEach((at, t) -> {
            if (suspects.contains(at)) return;
            UrlTemplate g = t.withColumn(own.getOrDefault(at.column, ""));
            if (g != null) generalised.put(at, g);
        });
        Support best = Support.best(generalised, Set.of(), at -> true);
        if (best == null || best.rows < MIN_SUPPORT || best.columns < MIN_SUPPORT) return null;
        return best;
    }

    /** Each column label without the prefix and suffix all link columns share ("Llama2-chat-hf" → "-chat-hf"). */
    static Map<Integer, String> distinguishingParts(Table table, List<Integer> columns) {
        List<String> labels = new ArrayList<>();
        for (int c : columns) labels.add(Grid.headerText(table, c));
        int prefix = commonPrefix(labels);
        List<String> reversed = new ArrayList<>();
        for (String l : labels) reversed.add(new StringBuilder(l.substring(prefix)).reverse().toString());
        int suffix = commonPrefix(reversed);
        Map<Integer, String> own = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String l = labels.get(i);
            own.put(columns.get(i), columns.size() < 2 ? "" : l.substring(prefix, l.length() - suffix).strip());
        }
        return own;
    }

    /** The longest common prefix that does not end inside a word of any of the strings. */
    private static int commonPrefix(List<String> strings) {
        if (strings.isEmpty()) return 0;
        int p = 0;
        String first = strings.get(0);
        outer:
        while (p < first.length()) {
            for (String s : strings) if (p >= s.length() || s.charAt(p) != first.charAt(p)) break outer;
            p++;
        }
        while (p > 0) {
            boolean splitsWord = false;
            for (String s : strings) {
                if (p < s.length() && Character.isLetterOrDigit(s.charAt(p)) && Character.isLetterOrDigit(s.charAt(p - 1))) {
                    splitsWord = true;
                }
            }
            if (!splitsWord) break;
            p--;
        }
        return p;
    }

    record Cellref(int row, int column) {}

    /** The template followed by most cells (in distinct rows) that a filter selects; null on a tie. */
    record Support(UrlTemplate template, int rows, int columns) {
        static Support best(Map<Cellref, UrlTemplate> templates, Set<Cellref> skip,
                            java.util.function.Predicate<Cellref> filter) {
            Map<UrlTemplate, Set<Integer>> rows = new LinkedHashMap<>();
            Map<UrlTemplate, Set<Integer>> columns = new LinkedHashMap<>();
            templates.forEach((at, t) -> {
                if (skip.contains(at) || !filter.test(at)) return;
                rows.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(at.row);
                columns.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(at.column);
            });
            Support best = null;
            boolean tie = false;
            for (var e : rows.entrySet()) {
                int n = e.getValue().size();
                if (best == null || n > best.rows) {
                    best = new Support(e.getKey(), n, columns.get(e.getKey()).size());
                    tie = false;
                } else if (n == best.rows) {
                    tie = true;
                }
            }
            return tie ? null : best;
        }
    }

    /** The single links of a table's cells, by position, and its row labels. */
    private static final class Grid {
        final Table table;
        final Map<Cellref, Link> links = new LinkedHashMap<>();
        final List<Integer> linkColumns = new ArrayList<>();

        private Grid(Table table) {
            this.table = table;
        }

        static Grid of(Table table) {
            Grid g = new Grid(table);
            Map<Integer, Integer> perColumn = new java.util.TreeMap<>();
            for (int r = 0; r < table.rows().size(); r++) {
                List<Cell> cells = table.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    List<Link> ls = cells.get(c).links();
                    if (ls.size() != 1 || ls.get(0).href().startsWith("#")) continue;
                    g.links.put(new Cellref(r, c), ls.get(0));
                    perColumn.merge(c, 1, Integer::sum);
                }
            }
            perColumn.forEach((c, n) -> { if (n >= MIN_SUPPORT) g.linkColumns.add(c); });
            g.links.keySet().removeIf(at -> !g.linkColumns.contains(at.column));
            return g;
        }

        /** The column whose text best explains the links' differences: the one most often found in them. */
        int keyColumn() {
            int best = 0;
            int bestCount = -1;
            int width = 0;
            for (Row r : table.rows()) width = Math.max(width, r.cells().size());
            for (int k = 0; k < width; k++) {
                if (linkColumns.contains(k)) continue;
                int count = 0;
                for (var e : links.entrySet()) {
                    if (UrlTemplate.ofRow(e.getValue().href(), label(e.getKey().row, k)).hasRow()) count++;
                }
                if (count > bestCount) {
                    best = k;
                    bestCount = count;
                }
            }
            return best;
        }

        String label(int row, int column) {
            Row r = table.rows().get(row);
            if (column < r.cells().size() && !r.cells().get(column).text().isBlank()) return r.cells().get(column).text().strip();
            return column == 0 ? r.group() : "";
        }

        String columnLabel(int column) {
            String h = headerText(table, column);
            return h.isBlank() ? "#" + (column + 1) : h;
        }

        static String headerText(Table table, int column) {
            return column < table.columns().size() ? table.columns().get(column).text().strip() : "";
        }

        boolean repeatsInRow(Cellref at) {
            String href = links.get(at).href();
            for (int c : linkColumns) {
                Link other = links.get(new Cellref(at.row, c));
                if (c != at.column && other != null && other.href().equals(href)) return true;
            }
            return false;
        }

        boolean rowHas(int row, String href) {
            for (int c : linkColumns) {
                Link other = links.get(new Cellref(row, c));
                if (other != null && other.href().equals(href)) return true;
            }
            return false;
        }
    }
}
