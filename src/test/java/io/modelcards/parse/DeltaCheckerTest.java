package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stated changes against their base table: notes for rounding, warnings for real mismatches, and the base named. */
class DeltaCheckerTest {
    private static final String CARD = "# M\n\n| Model | Shots | VQAv2<br>acc. | LibriSpeech<br>WER |\n|---|---|---|---|\n"
            + "| M 9B | 0 | 50.9 | 5.0 |\n| M 9B | 4 | 55.4 | 4.0 |\n\n"
            + "| Model | Shots | VQAv2<br>acc. | LibriSpeech<br>WER |\n|---|---|---|---|\n"
            + "| M 9B Instruct | 0 | 65.8 (15.0) | 4.5 (-0.5) |\n| M 9B Instruct | 4 | 66.2 (9.8) | 3.0 (-1.0) |\n";

    private static Model checked(String markdown, Diagnostics d) {
        Model m = TestContent.parse("content/m.md", markdown, d).get(0);
        return DeltaChecker.check(m.withBlocks(SiteNormalizer.uniqueRowIds(m.blocks())), BenchmarkVocabulary.EMPTY, d);
    }

    @ParameterizedTest(name = "{0} − {1} stated as {2}: within rounding {3}")
    @CsvSource({
            "65.8, 50.9, 15.0, true",    // 14.9, each printed number rounded to a tenth
            "65.3, 53.7, 11.7, true",
            "20.0, 16.8, 2.2, false",    // 3.2: a wrong number, not rounding
            "66, 55, 13, false",         // integers: 11 against 13 is more than the three half units allow
            "66, 55, 11.6, true"})
    void tellsRoundingFromAWrongNumber(String value, String base, String delta, boolean within) {
        assertEquals(within, DeltaChecker.withinRounding(new BigDecimal(value), new BigDecimal(base), new BigDecimal(delta)));
    }

    @Test
    void roundingIsANoteAndAWrongChangeAWarning() {
        Diagnostics d = new Diagnostics();
        checked(CARD, d);
        List<Diagnostic> all = d.all();
        // 65.8 − 50.9 = 14.9 against 15.0: rounding; 66.2 − 55.4 = 10.8 against 9.8: wrong
        assertEquals(1, d.warningCount(), d.formatted().toString());
        assertEquals(1, d.infoCount(), d.formatted().toString());
        assertTrue(all.stream().anyMatch(x -> x.isWarning() && x.message().contains("66.2 − 55.4")), d.formatted().toString());
        assertTrue(all.stream().anyMatch(x -> x.isInfo() && x.message().contains("65.8 − 50.9")
                && x.message().endsWith("(within the rounding of the printed numbers)")), d.formatted().toString());
    }

    @Test
    void namesEachRowsBaseAndWhichWayIsBetter() {
        Model m = checked(CARD, new Diagnostics());
        Table base = m.tables().get(0);
        Table changes = m.tables().get(1);
        assertEquals(base.rows().get(0).id(), changes.rows().get(0).deltaBase());
        assertEquals(base.rows().get(1).id(), changes.rows().get(1).deltaBase());
        assertEquals("", base.rows().get(0).deltaBase());
        assertEquals(List.of("", "", "higher", "lower"), changes.columns().stream().map(Column::better).toList(),
                "a word error rate is better when lower");
        assertTrue(base.columns().stream().allMatch(c -> c.better().isEmpty()), "a table without changes is left alone");
    }

    @Test
    void changesWithoutABaseTableAreANote() {
        Diagnostics d = new Diagnostics();
        Model m = checked("# M\n\n| Model | VQAv2<br>acc. |\n|---|---|\n| M 9B Instruct | 65.8 (15.0) |\n", d);
        assertEquals(0, d.warningCount(), d.formatted().toString());
        assertEquals(1, d.infoCount());
        assertEquals("", m.tables().get(0).rows().get(0).deltaBase());
    }

    @Test
    void theVocabularyDecidesTheDirectionOfABenchmarkItKnows() {
        var vocabulary = new BenchmarkVocabulary(List.of(new BenchmarkVocabulary.Benchmark("Perf", List.of(), "", "",
                List.of("score", "latency"), List.of("latency"), SourcePosition.file("benchmarks.yaml"))));
        assertEquals("lower", DeltaChecker.better(new Column("", "", "Perf", "latency", List.of(), Map.of()), vocabulary));
        assertEquals("higher", DeltaChecker.better(new Column("", "", "Perf", "score", List.of(), Map.of()), vocabulary));
        assertEquals("lower", DeltaChecker.better(new Column("", "", "Other", "CER", List.of(), Map.of()), vocabulary));
        assertEquals("higher", DeltaChecker.better(new Column("", "", "Other", "acc.", List.of(), Map.of()), vocabulary));
        assertFalse(DeltaChecker.better(new Column("", "", "Other", "", List.of(), Map.of()), vocabulary).isEmpty());
    }
}
