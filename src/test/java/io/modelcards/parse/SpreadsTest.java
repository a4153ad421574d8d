package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code 84.9 (0.6)} read as a value and its standard deviation where the table's section says so, else a change. */
class SpreadsTest {
    private static final String TABLE = "| Model | MMLU<br>acc. | GSM8K<br>acc. |\n|---|---|---|\n"
            + "| M 7B | 89.9 (10.2) | 58.1 (0.0) |\n| M 13B | 60.2 (-1.5) | 61.0 |\n";

    private static Model typed(String markdown, Diagnostics d) {
        Model m = TestContent.parse("content/m.md", markdown, d).get(0);
        return SiteNormalizer.type(m, BenchmarkVocabulary.EMPTY, d);
    }

    private static List<CellValue> values(Model m) {
        List<CellValue> out = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.TableBlock t) {
                for (var r : t.table().rows()) for (Cell c : r.cells()) out.add(c.value());
            }
        }
        return out;
    }

    @Test
    void aSectionThatSaysItsParenthesesHoldStandardDeviationsHasSpreads() {
        Diagnostics d = new Diagnostics();
        Model m = typed("# M\n\n## Evaluation\n\nResults below are averaged over 4 seeds; numbers in parentheses are "
                + "standard deviations.\n\n" + TABLE, d);
        List<CellValue> v = values(m);
        assertEquals(new CellValue.Spread(new java.math.BigDecimal("89.9"), new java.math.BigDecimal("10.2")), v.get(1));
        assertEquals("spread", v.get(2).type()); // 58.1 (0.0)
        assertEquals("delta", v.get(4).type(), "a negative number in parentheses is no spread: still a change");
        // the delta check has no change without a base to note
        assertTrue(d.all().stream().noneMatch(x -> x.message().contains("89.9")), d.formatted().toString());
        // the results are the values, as before
        assertTrue(m.results().stream().anyMatch(r -> r.value().toPlainString().equals("89.9")));
    }

    @Test
    void aSentenceAfterTheTableInTheSameSectionCountsAndAnotherSectionDoesNot() {
        Model after = typed("# M\n\n## Evaluation\n\n" + TABLE + "\nThe mean is provided with its standard deviation in "
                + "parenthesis.\n", new Diagnostics());
        assertEquals("spread", values(after).get(1).type());
        Model elsewhere = typed("# M\n\n## Training\n\nNumbers in parentheses are standard deviations.\n\n## Evaluation\n\n"
                + TABLE, new Diagnostics());
        assertEquals("delta", values(elsewhere).get(1).type());
    }

    @Test
    void aSectionThatSaysNothingOfItsParenthesesKeepsChanges() {
        Model m = typed("# M\n\n## Evaluation\n\nScores of the instruct model, against the base model.\n\n" + TABLE,
                new Diagnostics());
        assertEquals("delta", values(m).get(1).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Results below are averaged over 4 seeds; numbers in parentheses are standard deviations.",
            "The numbers are mean (standard deviation) on five different random seeds.",
            "numbers are mean (standard deviation) over 3+ random seeds",
            "The mean is provided with its standard deviation in parenthesis.",
            "Accuracy, with the std in brackets.",
            "F1 (std) over five runs",
            "Values in parentheses are 95% confidence intervals."})
    void readsTheWaysCardsSayItsAStandardDeviation(String sentence) {
        assertTrue(Spreads.saysSpreads(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The values in parentheses are those reported in the paper.",
            "Numbers in parenthesis are without the language model.",
            "In parentheses, the change against the base model.",
            "We report the standard deviation in a separate table (see below).",
            "Scores are averaged over seeds. The standard deviation is small. Values (in %) are below.",
            "A standardised test (see the paper).",
            "Images in parentheses were made with Stable Diffusion (SD) 1.5."})
    void leavesOtherParenthesesAlone(String sentence) {
        assertFalse(Spreads.saysSpreads(sentence), sentence);
    }
}
