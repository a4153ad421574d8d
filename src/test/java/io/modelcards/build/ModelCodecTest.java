package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model encoded by {@link ModelCodec} and decoded is equal to it, down to each number's scale and each map's order. */
class ModelCodecTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 3);

    @Test
    void theSeedModelsComeBackEqual() {
        Site site = new SiteBuilder().load(BuildOptions.defaults().withContent(Path.of("content")),
                new io.modelcards.diag.Diagnostics());
        assertEquals(6, site.models().size());
        for (Model m : site.models()) {
            Model back = ModelCodec.decode(ModelCodec.encode(m));
            assertEquals(m, back, m.name());
            assertEquals(m.blocks(), ModelCodec.decodeBlocks(ModelCodec.encodeBlocks(m.blocks())), m.name());
            // the build holds the blocks encoded: equal to the decoded list both ways
            assertTrue(m.blocks() instanceof StoredList, m.name());
            assertEquals(back.blocks(), m.blocks(), m.name());
            assertEquals(m.blocks().hashCode(), back.blocks().hashCode(), m.name());
            assertEquals(m.links(), ModelCodec.decodeLinks(ModelCodec.encodeLinks(m.links())), m.name());
            assertEquals(!m.links().isEmpty(), m.links() instanceof StoredList, m.name());
            assertEquals(back.links(), m.links(), m.name());
            assertEquals(m.results(), ModelCodec.decodeResults(ModelCodec.encodeResults(m.results())), m.name());
            assertEquals(!m.results().isEmpty(), m.results() instanceof StoredList, m.name());
            assertEquals(back.results(), m.results(), m.name());
            // and the bytes are outside the heap, in the build's spill file
            assertTrue(StoredList.spilled(m), m.name());
            // what the catalogue's cards count is known without reading the lists, and is what reading them counts
            Model read = m.decoded();
            assertEquals(read.tableCount(), ((Model.Encoded) m.blocks()).tableCount(), m.name());
            if (m.results() instanceof Model.Encoded e) assertEquals(read.ownResultCount(), e.ownResultCount(), m.name());
            assertEquals(read.benchmarkColumnCount(), ((Model.Encoded) m.blocks()).namedCount(), m.name());
            if (m.variants() instanceof Model.Encoded e) assertEquals(read.variantLinkCount(), e.namedCount(), m.name());
        }
        // the counts are not all nought: IDEFICS's tables name benchmarks, Llama 2's variants have links
        assertTrue(site.models().stream().anyMatch(m -> m.benchmarkColumnCount() > 1));
        assertTrue(site.models().stream().anyMatch(m -> m.variants() instanceof Model.Encoded && m.variantLinkCount() > 1));
        // the seed's cards state others' results beside their own (IDEFICS beside Flamingo), so the count tells them apart
        assertTrue(site.models().stream().anyMatch(m -> m.decoded().ownResultCount() < m.results().size()
                && m.ownResultCount() == m.decoded().ownResultCount()));
    }

    @Test
    void aSpillFileGivesBackWhatWasPutFromEveryThreadAndLeavesNothingInItsFolder(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        SpillFile spill = SpillFile.open(dir.resolve("cache"));
        // nothing is left in the folder, even while the file is open (POSIX)
        try (var listed = java.nio.file.Files.list(dir.resolve("cache"))) {
            assertEquals(0, listed.count());
        }
        List<byte[]> put = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[i * 37 % 5000];
            for (int k = 0; k < b.length; k++) b[k] = (byte) (k * 31 + i);
            put.add(b);
        }
        long[] at = java.util.stream.IntStream.range(0, put.size()).parallel().mapToLong(i -> spill.put(put.get(i))).toArray();
        for (int i = put.size() - 1; i >= 0; i--) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(put.get(i), spill.get(at[i], put.get(i).length), "list " + i);
        }
        assertEquals(put.stream().mapToLong(b -> b.length).sum(), spill.size());
    }

    @Test
    void everyKindOfBlockValueAndNumberComesBackEqual() {
        Model m = everything();
        Model back = ModelCodec.decode(ModelCodec.encode(m));
        assertEquals(m, back);
        assertNotSame(m, back);
        // equal is not enough where the scale tells numbers apart: 55.80 stays 55.80
        Table t = back.tables().get(0);
        assertEquals("55.80", ((CellValue.Number) t.rows().get(0).cells().get(1).value()).value().toString());
        assertEquals(new BigDecimal("1E+3"), back.variants().get(0).parameters());
        assertEquals("1E+3", back.variants().get(0).parameters().toString());
        assertEquals(List.of("z", "a"), new ArrayList<>(back.variants().get(0).attributes().keySet()));
        // a link in a cell and in the model's list stays one instance
        assertSame(back.links().get(0), t.rows().get(0).cells().get(0).links().get(0));
    }

    @Test
    void anEmptyFrontMatterStaysTheSharedOne() {
        Model m = new Model("a", "A", "A", AT, "", FrontMatter.EMPTY, List.of(), List.of(), List.of());
        assertSame(FrontMatter.EMPTY, ModelCodec.decode(ModelCodec.encode(m)).frontMatter());
    }

    /** A model with every block, cell value, span and optional field the model has. */
    static Model everything() {
        Link shared = new Link("paper", "https://example.org/p", AT, "https://example.org/old", "fixed: moved");
        Link other = Link.of("code", "https://github.com/a/b", AT.withLine(9));
        List<Cell> cells = List.of(
                new Cell("[paper](https://example.org/p)", "<a href=\"https://example.org/p\">paper</a>", "paper",
                        new CellValue.Text("paper"), List.of(shared)),
                new Cell("55.80", "55.80", "55.80", new CellValue.Number(new BigDecimal("55.80")), List.of()),
                new Cell("37.4 (-22.7)", "37.4 (-22.7)", "37.4 (-22.7)",
                        new CellValue.Delta(new BigDecimal("37.4"), new BigDecimal("-22.7")), List.of()),
                new Cell("5.0/16.8", "5.0/16.8", "5.0/16.8", new CellValue.Composite(List.of(
                        new CellValue.Part("a", new BigDecimal("5.0"), null),
                        new CellValue.Part("b", new BigDecimal("16.8"), new BigDecimal("-1")))), List.of(),
                        Cell.Span.of(2, 1)),
                new Cell("1.3 B", "1.3 B", "1.3 B", new CellValue.Quantity(new BigDecimal("1.3"), "B",
                        new BigDecimal("1300000000")), List.of()),
                new Cell("✔", "✔", "✔", new CellValue.Flag(true), List.of()),
                new Cell("", "", "", new CellValue.Missing(), List.of()),
                new Cell("huge", "huge", "huge", new CellValue.Number(new BigDecimal("123456789012345678901234567890.5")),
                        List.of(), new Cell.Span(1, 1, 1, 0)));
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("shots", "5");
        List<Column> columns = List.of(Column.plain("Model", "Model"),
                new Column("<b>MMLU</b>", "MMLU", "MMLU", "accuracy", List.of("MMLU"), annotations, Column.HIGHER));
        Table table = new Table("results", "Results", TableKind.BENCHMARK, columns,
                List.of(new Row("head", "", List.of(Cell.empty()), AT)),
                List.of(new Row("row-1", "group", cells, AT.withLine(4), "row-0"), new Row("row-2", null, List.of(), AT)),
                AT);
        List<Block> blocks = List.of(
                new Block.Heading(2, "Results", "results", AT),
                new Block.Prose("<p>Hé ✓ <a href=\"x\">x</a></p>", "Hé ✓ x", AT.withLine(5)),
                new Block.TableBlock(table),
                new Block.Code("python", "print('hi')\n", AT),
                new Block.Code(null, "plain", AT),
                new Block.DetailsStart("<b>More</b>", true, AT),
                new Block.DetailsEnd(AT),
                new Block.CalloutStart("warning", AT),
                new Block.CalloutEnd(AT),
                new Block.ListBlock(true, List.of("<b>one</b>", "two"), AT, List.of(7, 8)),
                new Block.ListBlock(false, List.of(), AT));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("z", "last written first");
        attributes.put("a", "1");
        List<Variant> variants = List.of(new Variant("A-1k", new BigDecimal("1E+3"), "1k", attributes, List.of(other)),
                new Variant("A-?", null, null, Map.of(), List.of()));
        List<Result> results = List.of(new Result("MMLU", true, "MMLU", "QA", "accuracy", new BigDecimal("55.80"), "55.80",
                "5-shot", "A-1k", false, List.of(new Result.Origin(Result.Kind.TABLE, AT, "results", "row-1", 1,
                List.of("MMLU", "5-shot"), "55.80"), Result.Origin.at(Result.Kind.PROSE, AT.withLine(5), List.of(), "said"))),
                new Result("X", false, null, null, null, new BigDecimal("-0.001"), null, null, null, true,
                        List.of(Result.Origin.at(Result.Kind.CURATED, SourcePosition.file("content/curated.yaml"),
                                List.of(), null))));
        FrontMatter front = new FrontMatter("mit", List.of("t"), List.of("d"), List.of("base/model"), "text-generation",
                List.of(new Curated.Result("A", "QA", "MMLU", "test", "acc", new BigDecimal("0.5"),
                        Curated.Result.FRONT_MATTER, AT)), Map.of("library_name", "transformers"), " A index ",
                List.of("en", "fr"));
        return new Model("a", "A", "A model", AT, "A summary.", front, blocks, variants, List.of(shared, other), results,
                "org/a");
    }

    @Test
    void theTextTableNumbersTextsAsAMapWould() {
        java.util.Random random = new java.util.Random(25);
        ModelCodec.TextTable reused = new ModelCodec.TextTable(); // emptied between rounds, as a thread's writer's is
        for (int round = 0; round < 200; round++) {
            ModelCodec.TextTable table = round % 2 == 0 ? new ModelCodec.TextTable() : reused;
            table.clear();
            java.util.Map<String, Integer> reference = new java.util.HashMap<>();
            int n = random.nextInt(round % 10 == 1 ? 12_000 : 3000); // now and then past the size an emptied table keeps
            for (int i = 0; i < n; i++) {
                // few distinct texts in some rounds (many repeats), many in others (the table grows); "Aa" and "BB"
                // share a hash code
                String s = random.nextInt(10) == 0 ? (random.nextBoolean() ? "Aa" : "BB")
                        : "t" + random.nextInt(1 + round * 10);
                Integer seen = reference.get(s);
                if (seen == null) reference.put(s, reference.size());
                assertEquals(seen == null ? -1 : seen, table.indexOf(s), s);
            }
            assertEquals(reference.size(), table.size());
        }
    }
}
