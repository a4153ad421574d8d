package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code value (delta)} cells against the table they compare with: another benchmark table of the same
 * model whose row group is the delta row's group without its extra words (IDEFICS 9B for IDEFICS 9B Instruct), with
 * the same settings (Shots) and the same benchmark and metric. value − base must equal delta to the precision the
 * source gives the delta (half a unit of its last digit). A mismatch that the rounding of the three printed numbers
 * explains (65.3 − 53.7 = 11.6, printed 11.7) is a note; any other mismatch is a warning naming both numbers.
 * The model comes back with what the page needs to show the changes: each checked row names its base row
 * ({@link Row#deltaBase}), and each column with changes says which way is better ({@link Column#better}).
 */
final class DeltaChecker {
    private static final Pattern WORD_GAPS = Pattern.compile("[\\s_-]+");
    private DeltaChecker() {}

    /** Metrics that are better when lower, for benchmarks the vocabulary does not know (as render/Scores reads them). */
    private static final Pattern LOWER_IS_BETTER = Pattern.compile("\\b(wer|cer|error|loss|perplexity|ppl)\\b");

    static Model check(Model model, BenchmarkVocabulary vocabulary, Diagnostics diagnostics) {
        List<Table> tables = model.tables();
        Map<Table, Table> checked = new IdentityHashMap<>();
        for (Table t : tables) {
            if (t.kind() != TableKind.BENCHMARK || !hasDeltas(t)) continue;
            List<Table> bases = new ArrayList<>();
            for (Table other : tables) if (other != t && other.kind() == TableKind.BENCHMARK && !hasDeltas(other)) bases.add(other);
            List<String> unchecked = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (Row row : t.rows()) {
                if (row.cells().stream().noneMatch(c -> hasDelta(c.value()))) {
                    rows.add(row);
                    continue;
                }
                Match base = findBase(t, row, bases);
                if (base == null) {
                    unchecked.add(row.group() + settingsText(t, row));
                    rows.add(row);
                    continue;
                }
                checkRow(t, row, base, diagnostics);
                rows.add(row.withDeltaBase(base.row.id()));
            }
            // one note per table, not per row: a card that states changes against a table it does not include has
            // nothing wrong in it, only nothing to check
            if (!unchecked.isEmpty()) {
                diagnostics.info(t.origin(), "delta check: " + unchecked.size() + (unchecked.size() == 1 ? " row states" : " rows state")
                        + " changes, but no other table of this model has the baseline to check them against (first: \""
                        + unchecked.get(0) + "\")");
            }
            checked.put(t, t.withRows(rows).withColumns(directions(t, vocabulary)));
        }
        if (checked.isEmpty()) return model;
        List<Block> blocks = new ArrayList<>();
        for (Block b : model.blocks()) {
            Table now = b instanceof Block.TableBlock tb ? checked.get(tb.table()) : null;
            blocks.add(now == null ? b : new Block.TableBlock(now));
        }
        return model.withBlocks(blocks);
    }

    /** The columns of a table, each one with stated changes saying which way is better when that is known. */
    private static List<Column> directions(Table t, BenchmarkVocabulary vocabulary) {
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            boolean changes = false;
            for (Row r : t.rows()) changes |= c < r.cells().size() && hasDelta(r.cells().get(c).value());
            out.add(changes && !col.benchmark().isEmpty() ? col.withBetter(better(col, vocabulary)) : col);
        }
        return out;
    }

    /**
     * "higher" or "lower": "lower" when the vocabulary lists the metric as lower-is-better for the benchmark, or when
     * the metric's name says so (error rates, losses, perplexity); else "higher".
     */
    static String better(Column col, BenchmarkVocabulary vocabulary) {
        var known = vocabulary.find(col.benchmark());
        if (known.isPresent() && !known.get().isHigherBetter(col.metric())) return Column.LOWER;
        String metric = col.metric().toLowerCase(Locale.ROOT);
        return LOWER_IS_BETTER.matcher(metric).find() ? Column.LOWER : Column.HIGHER;
    }

    private static boolean hasDeltas(Table t) {
        for (Row r : t.rows()) for (Cell c : r.cells()) if (hasDelta(c.value())) return true;
        return false;
    }

    private static boolean hasDelta(CellValue v) {
        if (v instanceof CellValue.Delta) return true;
        if (v instanceof CellValue.Composite c) return c.parts().stream().anyMatch(p -> p.delta() != null);
        return false;
    }

    /** Checks one row's deltas against its base row. */
    private static void checkRow(Table t, Row row, Match base, Diagnostics diagnostics) {
        String what = row.group() + settingsText(t, row);
        for (int c = 0; c < row.cells().size() && c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            if (col.benchmark().isEmpty()) continue;
            CellValue v = row.cells().get(c).value();
            if (!hasDelta(v)) continue;
            int bc = columnOf(base.table, col);
            String label = what + ", " + col.benchmark() + (col.metric().isEmpty() ? "" : " " + col.metric());
            CellValue bv = bc < 0 || bc >= base.row.cells().size() ? null : base.row.cells().get(bc).value();
            if (bv == null || bv instanceof CellValue.Missing) {
                diagnostics.warning(row.origin(), "delta check: " + label + " states a change but the table at "
                        + base.row.origin() + " has no value to compare with");
                continue;
            }
            if (v instanceof CellValue.Delta d && bv instanceof CellValue.Number n) {
                compare(d.value(), n.value(), d.delta(), label, base.row, row, diagnostics);
            } else if (v instanceof CellValue.Composite cv && bv instanceof CellValue.Composite cb
                    && cv.parts().size() == cb.parts().size()) {
                for (int p = 0; p < cv.parts().size(); p++) {
                    CellValue.Part part = cv.parts().get(p);
                    if (part.delta() == null) continue;
                    compare(part.value(), cb.parts().get(p).value(), part.delta(), label + " (" + part.name() + ")",
                            base.row, row, diagnostics);
                }
            } else {
                diagnostics.warning(row.origin(), "delta check: " + label + " (" + v.type() + ") cannot be compared with "
                        + bv.type() + " at " + base.row.origin());
            }
        }
    }

    private static void compare(BigDecimal value, BigDecimal base, BigDecimal delta, String label, Row baseRow, Row row,
                                Diagnostics diagnostics) {
        BigDecimal computed = value.subtract(base);
        BigDecimal tolerance = halfUnit(delta);
        if (computed.subtract(delta).abs().compareTo(tolerance) <= 0) return;
        // The three printed numbers are each rounded: a difference that rounding alone explains (the source computed
        // the change from unrounded scores) is no mistake anyone could correct, so it is a note, not a warning.
        String message = "delta check: " + label + ": " + value.toPlainString() + " − " + base.toPlainString()
                + " (" + baseRow.origin() + ") = " + computed.toPlainString() + ", but the table states " + delta.toPlainString();
        if (withinRounding(value, base, delta)) {
            diagnostics.info(row.origin(), message + " (within the rounding of the printed numbers)");
        } else {
            diagnostics.warning(row.origin(), message);
        }
    }

    /**
     * Whether value − base and delta differ by less than the rounding of the three printed numbers allows (half a
     * unit of the last digit of each): 65.3 − 53.7 = 11.6 against a printed 11.7 is; 20.0 − 16.8 = 3.2 against 2.2 is not.
     */
    static boolean withinRounding(BigDecimal value, BigDecimal base, BigDecimal delta) {
        BigDecimal rounding = halfUnit(value).add(halfUnit(base)).add(halfUnit(delta));
        return value.subtract(base).subtract(delta).abs().compareTo(rounding) < 0;
    }

    /** Half a unit of the last digit written: 0.05 for 15.0, 0.5 for 15. */
    static BigDecimal halfUnit(BigDecimal n) {
        return BigDecimal.ONE.movePointLeft(Math.max(0, n.scale())).divide(BigDecimal.valueOf(2));
    }

    private record Match(Table table, Row row) {}

    /** The base row whose group's words are the most of this row's group's words, with equal settings. */
    private static Match findBase(Table t, Row row, List<Table> bases) {
        List<String> words = words(row.group());
        Match best = null;
        int bestSize = 0;
        for (Table b : bases) {
            if (!sameSettingHeaders(t, b)) continue;
            for (Row r : b.rows()) {
                List<String> w = words(r.group());
                if (w.isEmpty() || w.size() >= words.size() || !words.containsAll(w) || w.size() <= bestSize) continue;
                if (!sameSettings(t, row, b, r)) continue;
                best = new Match(b, r);
                bestSize = w.size();
            }
        }
        return best;
    }

    private static List<String> words(String s) {
        String t = s.toLowerCase(Locale.ROOT).strip();
        return t.isEmpty() ? List.of() : Arrays.asList(WORD_GAPS.split(t));
    }

    private static boolean sameSettingHeaders(Table a, Table b) {
        return settingHeaders(a).equals(settingHeaders(b));
    }

    private static List<String> settingHeaders(Table t) {
        List<String> h = new ArrayList<>();
        for (int c = 1; c < t.firstBenchmarkColumn(); c++) h.add(t.columns().get(c).text().toLowerCase(Locale.ROOT));
        return h;
    }

    private static boolean sameSettings(Table a, Row ra, Table b, Row rb) {
        for (int c = 1; c < a.firstBenchmarkColumn(); c++) {
            if (c >= ra.cells().size() || c >= rb.cells().size()) return false;
            CellValue va = ra.cells().get(c).value();
            CellValue vb = rb.cells().get(c).value();
            if (va.sortKey() != null && vb.sortKey() != null) {
                if (va.sortKey().compareTo(vb.sortKey()) != 0) return false;
            } else if (!ra.cells().get(c).text().strip().equalsIgnoreCase(rb.cells().get(c).text().strip())) {
                return false;
            }
        }
        return true;
    }

    private static int columnOf(Table t, Column col) {
        for (int c = 0; c < t.columns().size(); c++) {
            Column o = t.columns().get(c);
            if (o.benchmark().equalsIgnoreCase(col.benchmark()) && o.metric().equalsIgnoreCase(col.metric())) return c;
        }
        return -1;
    }

    private static String settingsText(Table t, Row row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 1; c < t.firstBenchmarkColumn() && c < row.cells().size(); c++) {
            String s = RowIds.setting(row.cells().get(c), t.columns().get(c).text());
            if (!s.isBlank()) sb.append(", ").append(s);
        }
        return sb.toString();
    }
}
