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
import java.util.List;
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

    private static Map<String, String> chips(String slug) {
        Map<String, String> chips = new LinkedHashMap<>();
        for (FactView f : ModelPages.chips(model(slug))) chips.merge(f.label(), f.value(), (a, b) -> a + ", " + b);
        return chips;
    }

    private static List<ModelRanks.Rank> ranks(String slug) {
        return ModelRanks.of(site).of(model(slug)).ranks();
    }

    private static ModelRanks.Rank rank(String slug, String benchmark, String setting) {
        return ranks(slug).stream().filter(r -> r.benchmark().equals(benchmark) && r.setting().equals(setting))
                .findFirst().orElseThrow(() -> new AssertionError(benchmark + " " + setting + " in " + ranks(slug)));
    }

    @Test
    void chipsShowSizesAndVariants() {
        assertEquals("39 M – 1550 M", chips("whisper").get("Parameters"));
        assertEquals("6", chips("whisper").get("Variants"));
        assertEquals("9B – 80B", chips("idefics").get("Parameters"));
        assertEquals("7B – 70B", chips("llama-v2").get("Parameters"));
    }

    @Test
    void summaryRanksTheBestComparableValueAsTheLeaderboardDoes() {
        // VQAv2 at 0 shots: 9B Instruct's 65.8 leads the leaderboard but its fine-tuning data holds VQAv2 (†); the
        // summary shows the best comparable value, 80B's 60.0, at its place on the leaderboard
        ModelRanks.Rank vqa = rank("idefics", "VQAv2", "0 shots");
        assertEquals("IDEFICS 80B", vqa.variant());
        assertEquals("60.0", vqa.printed());
        assertEquals(2, vqa.rank());
        assertEquals(4, vqa.of());
        assertTrue(vqa.comparable());
        assertEquals("../../benchmarks/vqav2/index.html?shots=0#lb-oe-vqa-acc", vqa.board());
        assertEquals("#idefics-80b-0-shots", vqa.place());
        // VizWiz is not in the fine-tuning data (✔): the instruct model's score counts
        ModelRanks.Rank vizwiz = rank("idefics", "VizWiz", "32 shots");
        assertEquals("IDEFICS 80B Instruct", vizwiz.variant());
        assertEquals(1, vizwiz.rank());
        assertEquals("COCO", rank("grounding-dino", "COCO", "fine-tune").benchmark());
    }

    @Test
    void summaryMarksValuesThatAreNotComparableAndGivesThemNoRank() {
        String html = ResultsSummary.html(List.of(new ModelRanks.Rank("VQAv2", "OE VQA acc.", "0 shots",
                "../../benchmarks/vqav2/index.html?shots=0#lb", "IDEFICS 9B Instruct", new java.math.BigDecimal("65.8"),
                "65.8", "#r", 0, 0, false)), "results-caption");
        assertTrue(html.contains("<a href=\"#r\">65.8</a><span class=\"nc\">†</span>"), html);
        assertTrue(html.endsWith("<td>–\n</tbody></table></div>"), html);
        assertTrue(ResultsSummary.legend(ModelRanks.of(site).of(model("idefics")).ranks()).isEmpty(),
                "IDEFICS has a comparable value on every leaderboard setting");
    }

    @Test
    void benchmarkHeadersLinkTheirLeaderboards() {
        Model idefics = model("idefics");
        var table = TableViews.of(idefics.tables().get(1), "IDEFICS, table 2", "",
                java.util.Map.of(2, "../../benchmarks/vqav2/index.html"));
        var vqa = table.headers().get(2);
        assertEquals("<a class=\"lb-link\" href=\"../../benchmarks/vqav2/index.html\" aria-label=\"VQAv2 leaderboard\">↗</a>",
                vqa.link());
        // site.js puts the header's label in a button and leaves the link after it (a link may not sit in a button)
        String head = table.headHtml();
        int th = head.lastIndexOf("<th", head.indexOf("<a class=\"lb-link\" href=\"../../benchmarks/vqav2/"));
        String vqaHeader = head.substring(th, head.indexOf("</th>", th) + 5);
        assertTrue(vqaHeader.contains(" aria-sort=\"none\"") && !vqaHeader.contains("<button")
                && vqaHeader.endsWith("aria-label=\"VQAv2 leaderboard\">↗</a></th>"), "the link ends the header: " + vqaHeader);
        assertEquals("../../benchmarks/vqav2/index.html", ModelRanks.of(site).of(idefics).board(idefics.tables().get(1).id(), 2));
    }

    @Test
    void legendUnderTablesWithNotComparableColumns() {
        var table = TableViews.of(model("idefics").tables().get(3), "IDEFICS instruct, table 4");
        assertTrue(table.legend().startsWith("<span class=\"nc\">†</span> Not comparable: under these benchmarks the card"
                + " notes “Finetuning data does not contain the evaluation dataset: no”"), table.legend());
        assertTrue(table.headers().get(2).html().contains("<span class=\"nc\">†</span>"), "the mark in the header");
        assertEquals("", TableViews.of(model("idefics").tables().get(1), "IDEFICS, table 2").legend());
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
        assertTrue(vqa.html().contains("<span aria-hidden=\"true\">✖<span class=\"nc\">†</span></span>"), vqa.html());
        assertTrue(table.headers().get(5).html().contains("✔"), "VizWiz is not in the finetuning data");
    }
}
