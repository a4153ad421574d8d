package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a column's headers say is read once per vocabulary (TableResults keeps it for the next card): serve makes a new
 * vocabulary when benchmarks.yaml changes, and the same header must then be read with the new one.
 */
class TableResultsVocabularyTest {
    private static final String CARD = "# M\n\n## Evaluation\n\n| Model | Zorblax-test (5-shot) |\n|---|---|\n| M | 61.5 |\n";

    private static Result only(BenchmarkVocabulary vocabulary) {
        Diagnostics d = new Diagnostics();
        Model m = TestContent.parse("content/m.md", CARD, d).get(0);
        List<Result> results = SiteNormalizer.type(m, vocabulary, d).results();
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    @Test
    void aHeaderIsReadWithTheVocabularyOfItsBuild() {
        BenchmarkVocabulary knows = new BenchmarkVocabulary(List.of(new BenchmarkVocabulary.Benchmark("Zorblax",
                List.of(), "", "", List.of("accuracy"), List.of(), SourcePosition.file("benchmarks.yaml"))));
        // unknown, known, unknown again: each build's vocabulary decides, not the headers read before it
        Result before = only(BenchmarkVocabulary.EMPTY);
        Result known = only(knows);
        Result after = only(BenchmarkVocabulary.EMPTY);
        assertFalse(before.known(), before.toString());
        assertTrue(known.known(), known.toString());
        assertEquals("Zorblax", known.benchmark());
        assertEquals("test, 5-shot", known.setting(), "the split glued to a known name is a setting");
        assertFalse(after.known(), after.toString());
        assertEquals(before, after);
    }
}
