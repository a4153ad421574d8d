package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.build.BuildOptions;
import io.modelcards.build.SiteBuilder;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.render.Views.FactView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key facts, model-index JSON and column annotation marks, built from the typed seed. */
class ModelFactsTest {
    private static Site site;

    @BeforeAll
    static void load() {
        site = new SiteBuilder().load(BuildOptions.defaults().withContent(Path.of("content")), new Diagnostics());
    }

    private static Model model(String slug) {
        return site.models().stream().filter(m -> m.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static Map<String, String> facts(String slug) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (FactView f : ModelPages.facts(model(slug))) facts.put(f.label(), f.value());
        return facts;
    }

    @Test
    void showsSizesAndParameterRange() {
        assertEquals("tiny (39 M), base (74 M), small (244 M), medium (769 M), large (1550 M), large-v2 (1550 M)",
                facts("whisper").get("Variants"));
        assertEquals("39 M – 1550 M", facts("whisper").get("Parameters"));
        assertEquals("9B – 80B", facts("idefics").get("Parameters"));
        assertEquals("7B – 70B", facts("llama-v2").get("Parameters"));
    }

    @Test
    void showsBenchmarksAndBestScoresWithWhoseTheyAre() {
        Map<String, String> idefics = facts("idefics");
        assertTrue(idefics.get("Benchmarks reported").startsWith("VQAv2, OK-VQA, TextVQA"), idefics.toString());
        assertTrue(!idefics.get("Benchmarks reported").contains("OKVQA"), "each benchmark once, by its vocabulary name");
        // the instruct models' fine-tuning data holds VQAv2, COCO and Winoground (✖ under the columns): not best scores
        assertTrue(idefics.get("Best scores").startsWith("VQAv2 OE VQA acc. 65.9 (IDEFICS 80B, 32 shots); "),
                idefics.get("Best scores"));
        assertTrue(idefics.get("Best scores").contains("COCO CIDEr 116.6 (IDEFICS 80B, 16 shots)"), idefics.get("Best scores"));
        assertTrue(idefics.get("Best scores").contains("Winoground text 18.75 (IDEFICS 80B, 0 shots)"));
        assertTrue(idefics.get("Best scores").contains("VizWiz OE VQA acc. 51.2 (IDEFICS 80B Instruct, 32 shots)"),
                "VizWiz is not in the fine-tuning data (✔): the instruct model's score counts");
        assertEquals("COCO box AP 57.2 (GroundingDINO-T, fine-tune)", facts("grounding-dino").get("Best scores"));
    }

    @Test
    void showsProseResultsAndTheComparison() {
        Map<String, String> distil = facts("distilbert-base-uncased-finetuned-sst-2");
        assertEquals("SST-2", distil.get("Benchmarks reported"));
        assertEquals("1 of this model, 1 of other models it compares with", distil.get("Results"),
                "91.3 is the model's; bert-base-uncased's 92.7 is a baseline its text compares with");
    }

    @Test
    void writesHuggingFaceModelIndexWithTaskDatasetAndMetrics() throws Exception {
        JsonNode distil = new ObjectMapper().readTree(ModelsJson.write(ModelIndexJson.of(model("distilbert-base-uncased-finetuned-sst-2"))));
        assertEquals(1, distil.path("model-index").size(), "bert-base-uncased's result is not this model's");
        JsonNode r = distil.path("model-index").get(0).path("results").get(0);
        assertEquals("text-classification", r.path("task").path("type").asText());
        assertEquals("SST-2", r.path("dataset").path("name").asText());
        assertEquals("accuracy", r.path("metrics").get(0).path("type").asText());
        assertEquals("91.3", r.path("metrics").get(0).path("value").decimalValue().toPlainString());

        JsonNode idefics = new ObjectMapper().readTree(ModelsJson.write(ModelIndexJson.of(model("idefics"))));
        JsonNode first = idefics.path("model-index").get(0);
        assertEquals("IDEFICS 80B", first.path("name").asText());
        JsonNode vqa = first.path("results").get(0);
        assertEquals("VQAv2", vqa.path("dataset").path("name").asText());
        assertEquals("OE VQA acc. (0-shot)", vqa.path("metrics").get(0).path("name").asText());
        assertEquals("60.0", vqa.path("metrics").get(0).path("value").decimalValue().toPlainString());
    }

    @Test
    void marksAnnotatedColumnHeaders() {
        var table = TableViews.of(model("idefics").tables().get(3), "IDEFICS instruct, table 4");
        var vqa = table.headers().get(2);
        assertEquals("Finetuning data does not contain the evaluation dataset: no", vqa.title());
        assertTrue(vqa.html().contains("<span aria-hidden=\"true\">✖</span>"), vqa.html());
        assertTrue(table.headers().get(5).html().contains("✔"), "VizWiz is not in the finetuning data");
    }
}
