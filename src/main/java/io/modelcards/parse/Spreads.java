package io.modelcards.parse;

import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalize stage: {@code 84.9 (0.6)} is a value and its standard deviation, not a change, where the card says so in
 * the table's section (from the heading above the table to the next heading): "numbers in parentheses are standard
 * deviations", "the numbers are mean (standard deviation) on five different random seeds", "the mean is provided with
 * its standard deviation in parenthesis". Such a table's {@link CellValue.Delta} cells become
 * {@link CellValue.Spread}s: the page shows them as written, neither signed nor judged better or worse, and the delta
 * check leaves them alone. A section that says nothing of its parentheses keeps them as changes (the seed's IDEFICS
 * instruct table, whose changes the delta check confirms against the base table). Per-part changes of a composite
 * value ({@code 5.8/20.0/18.0 (0.8/2.2/-2.8)}) are left as they are.
 * <p>
 * Of the 26,354 real cards, 11 have Markdown table cells of the form {@code 84.9 (0.6)}: 5 say their parentheses hold
 * standard deviations (now spreads), 4 that they hold the paper's values (still read as changes: a third kind this
 * class does not make), 2 state real changes (a quantized model against its baseline, a relative difference to the
 * paper's WER), which stay changes. Every one of the 10,000 synthetic cards of the benchmark says "numbers in
 * parentheses are standard deviations".
 */
final class Spreads {
    /** A word for where the numbers are: "parentheses", "parenthesis", "brackets". */
    private static final Pattern ENCLOSED = Pattern.compile("parenthes[ie]s|brackets?\\b");
    /**
     * A word for a spread: standard deviation or error, std, stdev, s.d., a confidence interval. Not "SD", which cards
     * also write for Stable Diffusion ("compared with Stable Diffusion (SD)").
     */
    private static final String SPREAD_WORD = "standard deviations?|standard errors?|std\\.?(?: dev\\.?)?|stdev|s\\.d\\.|"
            + "confidence intervals?";
    private static final Pattern SPREAD = Pattern.compile("(?<![a-z])(?:" + SPREAD_WORD + ")(?![a-z])");
    /** A spread word in parentheses, as in "mean (standard deviation)". */
    private static final Pattern SPREAD_IN_PARENTHESES = Pattern.compile("\\(\\s*(?:" + SPREAD_WORD + ")\\s*\\)");

    /** Where a sentence ends: after {@code . ! ? ; :} and a space, or at a line's end. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\n");

    private Spreads() {}

    /** {@code m} with the changes of the tables whose sections say their parentheses hold spreads made spreads. */
    static Model apply(Model m) {
        List<Block> blocks = m.blocks();
        List<Block> out = null;
        int sectionStart = 0;
        for (int i = 0; i <= blocks.size(); i++) {
            if (i < blocks.size() && !(blocks.get(i) instanceof Block.Heading)) continue;
            // blocks sectionStart .. i - 1: one heading's section
            Boolean says = null;
            for (int t = sectionStart; t < i; t++) {
                if (!(blocks.get(t) instanceof Block.TableBlock tb) || !hasDeltas(tb.table())) continue;
                if (says == null) says = saysSpreads(blocks, sectionStart, i);
                if (!says && !saysSpreads(tb.table().caption())) continue;
                if (out == null) out = new ArrayList<>(blocks);
                out.set(t, new Block.TableBlock(spreads(tb.table())));
            }
            sectionStart = i;
        }
        return out == null ? m : m.withBlocks(out);
    }

    private static boolean hasDeltas(Table t) {
        for (Row r : t.rows()) for (Cell c : r.cells()) if (c.value() instanceof CellValue.Delta) return true;
        return false;
    }

    private static boolean saysSpreads(List<Block> blocks, int from, int to) {
        for (int b = from; b < to; b++) {
            if (blocks.get(b) instanceof Block.Prose p && saysSpreads(p.text())) return true;
        }
        return false;
    }

    /**
     * Whether a sentence of {@code text} says its parentheses hold a spread: a spread word with "parentheses" (or
     * "brackets") in one sentence, or a spread word in parentheses ("mean (standard deviation)").
     */
    static boolean saysSpreads(String text) {
        if (text == null || text.isEmpty()) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.indexOf("parenthes") < 0 && lower.indexOf("bracket") < 0 && lower.indexOf('(') < 0) return false;
        for (String sentence : SENTENCE_END.split(lower)) {
            if (SPREAD_IN_PARENTHESES.matcher(sentence).find()) return true;
            if (ENCLOSED.matcher(sentence).find() && SPREAD.matcher(sentence).find()) return true;
        }
        return false;
    }

    private static Table spreads(Table t) {
        List<Row> rows = new ArrayList<>(t.rows().size());
        for (Row r : t.rows()) {
            List<Cell> cells = null;
            for (int c = 0; c < r.cells().size(); c++) {
                Cell cell = r.cells().get(c);
                if (!(cell.value() instanceof CellValue.Delta d) || d.delta().signum() < 0) continue;
                if (cells == null) cells = new ArrayList<>(r.cells());
                cells.set(c, cell.withValue(new CellValue.Spread(d.value(), d.delta())));
            }
            rows.add(cells == null ? r : r.withCells(cells));
        }
        return t.withRows(rows);
    }
}
