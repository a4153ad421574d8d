package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternerTest {
    private static final String CARD = """
            # %s

            | Model | Shots | <nobr>VQAv2<br>OE VQA acc.</nobr> | <nobr>Winoground<br>group/text/image</nobr> | Notes |
            |---|---|---|---|---|
            | %s | 0 | 55.8 | 7.8/2.2/16.6 | [card](https://example.org/%s) |
            | | 8 | 60.1 (4.3) | 2.3/25.0/11.8 | 39 M |
            """;

    private static List<Model> twoFiles(Diagnostics d) {
        return new ModelCardParser().parse(List.of(
                TestContent.file("content/a.md", CARD.formatted("Alpha", "Alpha", "a"), d),
                TestContent.file("content/b.md", CARD.formatted("Beta", "Beta", "b"), d)), d);
    }

    private static Table table(Model m) {
        return m.tables().get(0);
    }

    @Test
    void keepsEveryModelEqualToTheOneParsed() {
        Diagnostics d = new Diagnostics();
        Interner interner = new Interner();
        for (String name : List.of("Alpha", "Beta")) {
            Model parsed = new ModelCardParser().parseFile(TestContent.file("content/x.md", CARD.formatted(name, name, "x"), d), d).get(0);
            Model interned = interner.intern(parsed);
            assertEquals(parsed, interned);
            assertEquals(parsed.blocks(), interned.blocks());
            assertEquals(parsed.links(), interned.links());
        }
    }

    @Test
    void holdsEqualCellsAndColumnsOfTwoCardsOnce() {
        List<Model> models = twoFiles(new Diagnostics());
        Table a = table(models.get(0));
        Table b = table(models.get(1));
        for (int c = 1; c < 4; c++) {
            assertSame(a.cell(0, c), b.cell(0, c), "column " + c);
            assertSame(a.columns().get(c), b.columns().get(c), "column " + c);
        }
        assertSame(a.cell(1, 2).value(), b.cell(1, 2).value()); // 60.1 (4.3)
        assertSame(((CellValue.Delta) a.cell(1, 2).value()).delta(), ((CellValue.Delta) b.cell(1, 2).value()).delta());
        assertNotSame(a.cell(0, 0), b.cell(0, 0)); // Alpha, Beta
    }

    @Test
    void aLinkOfACellIsTheModelsLinkToo() {
        Model m = twoFiles(new Diagnostics()).get(0);
        Cell card = table(m).cell(0, 4);
        assertEquals(1, card.links().size());
        assertSame(card.links().get(0), m.links().stream().filter(l -> l.href().endsWith("/a")).findFirst().orElseThrow());
    }

    @Test
    void resultsOfOneCellShareTheirOriginAndEqualHeadersAreOneList() {
        Diagnostics d = new Diagnostics();
        List<Model> models = twoFiles(d);
        var vocabulary = new io.modelcards.source.BenchmarkVocabularyLoader().loadBundled(d);
        Interner interner = new Interner();
        List<Result> a = SiteNormalizer.type(models.get(0), vocabulary, interner, d).results();
        List<Result> b = SiteNormalizer.type(models.get(1), vocabulary, interner, d).results();
        List<Result> winoground = a.stream().filter(r -> r.benchmark().equals("Winoground")).limit(3).toList();
        assertEquals(3, winoground.size(), a.toString());
        assertSame(winoground.get(0).origins(), winoground.get(2).origins());
        // the rows below the first name no model: "8" and the column's header, in both cards
        Result a8 = a.stream().filter(r -> r.origins().get(0).headers().get(0).equals("8")).findFirst().orElseThrow();
        Result b8 = b.stream().filter(r -> r.origins().get(0).headers().get(0).equals("8")).findFirst().orElseThrow();
        assertEquals(a8.origins().get(0).headers(), b8.origins().get(0).headers());
        assertSame(a8.origins().get(0).headers(), b8.origins().get(0).headers());
    }
}
