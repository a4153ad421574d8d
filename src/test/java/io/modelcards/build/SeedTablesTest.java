package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's six models, typed: cells named by model, row and column, kinds, annotations, variants, curated data. */
class SeedTablesTest {
    private static Site site;
    private static Diagnostics diagnostics;

    @BeforeAll
    static void load() {
        diagnostics = new Diagnostics();
        site = new SiteBuilder().load(BuildOptions.defaults().withContent(Path.of("content")), diagnostics);
    }

    static Model model(String slug) {
        return site.models().stream().filter(m -> m.slug().equals(slug)).findFirst().orElseThrow(
                () -> new AssertionError("no model " + slug + " in " + site.models().stream().map(Model::slug).toList()));
    }

    static Row row(Table t, String id) {
        return t.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no row " + id + " in " + t.rows().stream().map(Row::id).toList()));
    }

    static CellValue cell(Table t, String rowId, String header) {
        for (int c = 0; c < t.columns().size(); c++) {
            if (t.columns().get(c).text().equals(header)) return row(t, rowId).cells().get(c).value();
        }
        throw new AssertionError("no column " + header);
    }

    @Test
    void readsIdefics80bZeroShotVqav2() {
        Table results = model("idefics").tables().get(1);
        assertEquals(TableKind.BENCHMARK, results.kind());
        var v = assertInstanceOf(CellValue.Number.class, cell(results, "idefics-80b-0-shots", "VQAv2 OE VQA acc."));
        assertEquals(new BigDecimal("60.0"), v.value());
        assertEquals("IDEFICS 80B", row(results, "idefics-80b-32-shots").group(), "a blank first cell continues the group");
    }

    @Test
    void readsIdefics9bInstructZeroShotVqav2WithItsDelta() {
        Table instruct = model("idefics").tables().get(3);
        var v = assertInstanceOf(CellValue.Delta.class, cell(instruct, "idefics-9b-instruct-0-shots", "VQAv2 OE VQA acc."));
        assertEquals(new BigDecimal("65.8"), v.value());
        assertEquals(new BigDecimal("15.0"), v.delta());
    }

    @Test
    void namesWinogroundPartsFromTheHeader() {
        Table results = model("idefics").tables().get(1);
        Column wino = results.columns().get(14);
        assertEquals("Winoground", wino.benchmark());
        assertEquals(List.of("group", "text", "image"), wino.parts());
        var v = assertInstanceOf(CellValue.Composite.class, cell(results, "idefics-80b-0-shots", wino.text()));
        assertEquals("group=8.0 text=18.75 image=22.5", v.parts().stream()
                .map(p -> p.name() + "=" + p.value().toPlainString()).collect(Collectors.joining(" ")));
        var withDeltas = assertInstanceOf(CellValue.Composite.class,
                cell(model("idefics").tables().get(3), "idefics-9b-instruct-0-shots", wino.text()));
        assertEquals(new BigDecimal("-2.8"), withDeltas.parts().get(2).delta());
    }

    @Test
    void turnsTheFinetuningRowIntoColumnAnnotations() {
        Table instruct = model("idefics").tables().get(3);
        String key = "Finetuning data does not contain the evaluation dataset";
        assertEquals(10, instruct.rows().size(), "the describing row is no data row");
        assertTrue(instruct.rows().stream().noneMatch(r -> r.cells().get(0).text().startsWith("Finetuning")));
        List<String> marks = new ArrayList<>();
        for (Column c : instruct.columns()) if (!c.benchmark().isEmpty()) marks.add(c.annotations().get(key));
        assertEquals(List.of("no", "no", "no", "yes", "no", "no", "no", "yes", "no", "yes", "no", "yes", "no"), marks);
        assertTrue(instruct.columns().get(1).annotations().isEmpty(), "the Shots column had only '-'");
    }

    @Test
    void recognisesEveryTableKindFromItsShape() {
        assertEquals(List.of(TableKind.HYPERPARAMETERS, TableKind.BENCHMARK, TableKind.BENCHMARK, TableKind.BENCHMARK),
                model("idefics").tables().stream().map(Table::kind).toList());
        assertEquals(TableKind.LINK_MATRIX, model("llama-v2").tables().get(0).kind());
        assertEquals(TableKind.LINK_MATRIX, model("whisper").tables().get(0).kind());
        assertEquals(TableKind.VARIANTS, model("grounding-dino").tables().get(0).kind());
    }

    @Test
    void groupsHyperparametersUnderTheirSection() {
        Table params = model("idefics").tables().get(0);
        Row lr = row(params, "learning-rate-initial-max");
        assertEquals("Learning Rate", lr.group());
        assertEquals(new BigDecimal("0.00001"), ((CellValue.Number) lr.cells().get(3).value()).value().stripTrailingZeros());
        assertEquals("Large-scale Optimization", row(params, "large-scale-optimization-precision").group());
    }

    @Test
    void readsWhisperLargeV2As1550Million() {
        Table sizes = model("whisper").tables().get(0);
        var q = assertInstanceOf(CellValue.Quantity.class, cell(sizes, "large-v2", "Parameters"));
        assertEquals(new BigDecimal("1550000000"), q.base());
        assertEquals("M", q.unit());
        var flag = assertInstanceOf(CellValue.Flag.class, cell(sizes, "tiny", "English-only"));
        assertTrue(flag.value(), "a link whose text is ✓ is a flag with a link");
        assertEquals("missing", cell(sizes, "large", "English-only").type());
    }

    @Test
    void readsGroundingDinoTCocoApPerSetting() {
        Table t = model("grounding-dino").tables().get(0);
        var ap = assertInstanceOf(CellValue.Composite.class, cell(t, "groundingdino-t", "box AP on COCO"));
        assertEquals("zero-shot", ap.parts().get(0).name());
        assertEquals(new BigDecimal("48.4"), ap.parts().get(0).value());
        assertEquals("fine-tune", ap.parts().get(1).name());
        assertEquals(new BigDecimal("57.2"), ap.parts().get(1).value());
        assertEquals("COCO", t.columns().get(4).benchmark());
    }

    @Test
    void findsVariantsWithParameterCounts() {
        assertEquals(List.of("IDEFICS 80B 80000000000", "IDEFICS 9B 9000000000", "IDEFICS 80B Instruct 80000000000",
                "IDEFICS 9B Instruct 9000000000"), variants("idefics"));
        assertEquals(List.of("7B 7000000000", "13B 13000000000", "70B 70000000000"), variants("llama-v2"));
        assertEquals(List.of("tiny 39000000", "base 74000000", "small 244000000", "medium 769000000",
                "large 1550000000", "large-v2 1550000000"), variants("whisper"));
        assertEquals(List.of("GroundingDINO-T", "GroundingDINO-B"), variants("grounding-dino"));
        assertEquals(List.of("vit_h", "vit_l", "vit_b"), variants("segment-anything"));
        assertEquals(List.of("DistilBERT base uncased finetuned SST-2"), variants("distilbert-base-uncased-finetuned-sst-2"));
    }

    @Test
    void keepsEachVariantsLinksAndFacts() {
        Variant chat = model("llama-v2").variants().get(0);
        assertEquals(List.of("Llama2", "Llama2-hf", "Llama2-chat", "Llama2-chat-hf"),
                chat.links().stream().map(l -> l.text()).toList());
        Variant large = model("whisper").variants().get(4);
        assertEquals(List.of("https://huggingface.co/openai/whisper-large"), large.links().stream().map(l -> l.href()).toList());
        Variant t = model("grounding-dino").variants().get(0);
        assertEquals("Swin-T", t.attributes().get("backbone"));
        assertEquals(3, t.links().size(), "GitHub and HF checkpoints and the config");
        Variant vitH = model("segment-anything").variants().get(0);
        assertEquals("default", vitH.attributes().get("also called"));
        assertEquals("https://dl.fbaipublicfiles.com/segment_anything/sam_vit_h_4b8939.pth", vitH.links().get(0).href());
        assertEquals(155, vitH.links().get(0).origin().line());
    }

    @Test
    void correctsSagmentAnythingAndReportsIt() {
        Model sam = model("segment-anything");
        assertEquals("Segment Anything", sam.name());
        assertEquals("Sagment Anything", sam.heading(), "the name as written is kept");
        assertTrue(diagnostics.formatted().contains("content/model-cards.md:142: warning: name \"Sagment Anything\" "
                + "corrected to \"Segment Anything\" (content/curated.yaml)"), diagnostics.formatted().toString());
    }

    @Test
    void attachesProseResultsToTheModelThatStatesThem() {
        Model distil = model("distilbert-base-uncased-finetuned-sst-2");
        assertEquals(List.of("own SST-2 accuracy 91.3", "bert-base-uncased (baseline) SST-2 accuracy 92.7"),
                distil.results().stream().filter(r -> r.hasOrigin(Result.Kind.CURATED))
                        .map(r -> (r.variant().isEmpty() ? "own" : r.variant()) + (r.baseline() ? " (baseline)" : "") + " "
                                + r.benchmark() + " " + r.metric() + " " + r.value().toPlainString()).toList());
        assertTrue(site.models().stream().filter(m -> m != distil)
                .allMatch(m -> m.results().stream().noneMatch(r -> r.hasOrigin(Result.Kind.CURATED))));
    }

    @Test
    void putsTheSeedsResultsFromTablesAndProseInOneListPerModel() {
        Model idefics = model("idefics");
        Result vqa = idefics.results().stream().filter(r -> r.benchmark().equals("VQAv2")
                && r.variant().equals("IDEFICS 80B") && r.setting().equals("0-shot")).findFirst().orElseThrow();
        assertEquals(new java.math.BigDecimal("60.0"), vqa.value());
        assertEquals("OE VQA acc.", vqa.metric());
        assertEquals("content/model-cards.md:28", vqa.source().toString());
        assertEquals("table-2", vqa.origins().get(0).table());
        assertEquals(List.of("IDEFICS 80B", "0", "VQAv2 OE VQA acc."), vqa.origins().get(0).headers());
        assertTrue(idefics.results().stream().noneMatch(Result::baseline) || idefics.results().stream()
                .filter(Result::baseline).allMatch(r -> !r.variant().startsWith("IDEFICS")), "IDEFICS' rows are its own");

        assertEquals(List.of("SST-2 accuracy 91.3 curated", "SST-2 accuracy 92.7 curated"),
                model("distilbert-base-uncased-finetuned-sst-2").results().stream()
                        .map(r -> r.benchmark() + " " + r.metric() + " " + r.value() + " " + r.origins().get(0).kind().label())
                        .toList());

        assertEquals(List.of("GroundingDINO-T zero-shot 48.4", "GroundingDINO-T fine-tune 57.2", "GroundingDINO-B  56.7"),
                model("grounding-dino").results().stream().filter(r -> r.benchmark().equals("COCO") && r.metric().equals("box AP"))
                        .map(r -> r.variant() + " " + r.setting() + " " + r.value()).toList());
    }

    @Test
    void canonicalizesBenchmarkNamesAndKeepsTheHeaderAsWritten() {
        Column coco = model("idefics").tables().get(1).columns().get(7);
        assertEquals("COCO", coco.benchmark());
        assertEquals("Coco CIDEr", coco.text());
    }

    @Test
    void givesRowsIdsUniqueOnEachPage() {
        for (Model m : site.models()) {
            List<String> ids = new ArrayList<>();
            for (Table t : m.tables()) for (Row r : t.rows()) ids.add(r.id());
            assertEquals(ids.size(), ids.stream().distinct().count(), m.slug() + ": " + ids);
        }
        assertEquals("idefics-80b-16-shots-1k-random", model("idefics").tables().get(2).rows().get(0).id());
    }

    @Test
    void reportsDeltaMismatchesWithBothNumbers() {
        List<String> found = diagnostics.formatted().stream().filter(s -> s.contains("delta check")).toList();
        assertTrue(found.contains("content/model-cards.md:61: warning: delta check: IDEFICS 9B Instruct, 0 Shots, "
                + "Winoground group/text/image (text): 20.0 − 16.8 (content/model-cards.md:33) = 3.2, but the table "
                + "states 2.2"), String.join("\n", found));
        // a difference the rounding of the printed numbers explains is a note, not a warning
        assertTrue(found.contains("content/model-cards.md:61: note: delta check: IDEFICS 9B Instruct, 0 Shots, "
                + "VQAv2 OE VQA acc.: 65.8 − 50.9 (content/model-cards.md:33) = 14.9, but the table states 15.0 "
                + "(within the rounding of the printed numbers)"), String.join("\n", found));
        assertEquals(1, found.stream().filter(s -> s.contains(": warning: ")).count(), "the one real inconsistency: "
                + String.join("\n", found));
        assertEquals(38, found.stream().filter(s -> s.contains(": note: ")).count());
        assertFalse(found.stream().anyMatch(s -> s.contains("IDEFICS 80B Instruct, 8 Shots, OKVQA")), "56.9 − 55.1 = 1.8 matches");
        assertFalse(diagnostics.hasErrors(), diagnostics.formatted().toString());
    }

    @Test
    void namesTheBaseRowOfEachRowWithChangesAndWhichWayIsBetter() {
        Table instruct = model("idefics").tables().get(3);
        Row row = instruct.rows().stream().filter(r -> r.id().equals("idefics-9b-instruct-4-shots")).findFirst().orElseThrow();
        assertEquals("idefics-9b-4-shots", row.deltaBase());
        assertEquals("idefics-80b-0-shots", row(instruct, "idefics-80b-instruct-0-shots").deltaBase());
        assertEquals("", model("idefics").tables().get(1).rows().get(0).deltaBase(), "a row without changes has none");
        assertEquals("higher", instruct.columns().get(2).better(), instruct.columns().get(2).toString());
        assertEquals("", instruct.columns().get(0).better());
        assertEquals("", model("idefics").tables().get(1).columns().get(2).better(), "only columns with changes say");
    }

    private static List<String> variants(String slug) {
        return model(slug).variants().stream().map(v -> v.parameters() == null ? v.name()
                : v.name() + " " + v.parameters().toPlainString()).toList();
    }
}
