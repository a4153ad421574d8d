package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.render.OutputFile;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cards written in the style of real Hugging Face cards (src/test/resources/wild/content) build without errors
 * and read well: front matter (model-index results as typed rows), comments, badges, details, footnotes, math,
 * alerts, HTML tables, tag-like
 * tokens, tables without a leading pipe, unbalanced markup and a code fence left open.
 */
class WildCardsTest {
    static BuildResult result;

    @BeforeAll
    static void render() {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("src/test/resources/wild/content"))
                .withSettings(java.util.Map.of("modelJson", "true"))
                .withReport(null));
    }

    private static Document page(String slug) {
        OutputFile f = result.files().stream().filter(o -> o.path().equals("models/" + slug + "/index.html"))
                .findFirst().orElseThrow(() -> new AssertionError("no page for " + slug));
        return Jsoup.parse(f.asText());
    }

    @Test
    void buildsWithoutErrors() {
        assertFalse(result.diagnostics().hasErrors(), String.join("\n", result.diagnostics().formatted()));
        assertEquals(4, result.site().models().size());
        assertTrue(result.diagnostics().all().stream().noneMatch(d -> d.message().startsWith("removed unsafe")),
                String.join("\n", result.diagnostics().formatted()));
    }

    @Test
    void llmCardReadsWell() {
        Document doc = page("orca-mini-3b");
        String text = doc.select("article").text();
        assertTrue(text.contains("maps unknown pieces to <unk> and pads with <pad>"), text);
        assertFalse(doc.html().contains("Keep the comment hidden"), "HTML comments stay hidden");
        assertEquals("https://img.shields.io/badge/license-CC--BY--NC--SA-blue.svg",
                doc.select("img[alt=License]").attr("src"));
        assertEquals("http://img.shields.io/badge/leaderboard-open%20llm-orange", doc.select("img[alt=Open LLM]").attr("src"));
        assertFalse(text.contains("[!NOTE]"), text);
        assertEquals("Note", doc.select("div.alert.alert-note[role=note] > p.alert-title").text());
        assertTrue(doc.select("div.alert-note").text().contains("maps unknown pieces to <unk>"));
        assertTrue(doc.select("div.alert.alert-warning").text().contains("factually incorrect"), text);
        assertEquals("Prompt format", doc.select("details summary").text());
        // Markdown after the blank line below <summary> stays inside the details element
        assertTrue(doc.select("details pre code").text().contains("### Response:"), doc.select("details").outerHtml());
        assertTrue(text.contains("0.4155") && text.contains("truthfulqa_mc"), text + "the evaluation table");
        assertTrue(text.contains("**English data only"), text + "an unbalanced ** stays as text");
        assertTrue(text.contains("Progressive Learning"), text + "the footnote text");
        assertEquals("1", doc.select("sup#fnref-1 > a.footnote-ref[href=#fn-1]").text());
        assertTrue(doc.select("div.footnotes li#fn-1").text().contains("Progressive Learning"));
        assertEquals(1, doc.select("li#fn-1 a.footnote-backref[href=#fnref-1]").size());
        assertEquals(1, doc.select("[id=fn-1]").size(), "footnote ids are unique on the page");
        assertEquals("License cc-by-nc-sa-4.0", doc.select("ul.chips li:contains(License)").text());
    }

    @Test
    void modelIndexBecomesTypedBenchmarkRows() {
        var model = result.site().models().stream().filter(m -> m.slug().equals("orca-mini-3b")).findFirst().orElseThrow();
        assertFalse(model.frontMatter().other().containsKey("model-index"), "no raw JSON in other");
        assertTrue(model.frontMatter().other().get("widget").contains("Tell me about orcas."));
        var arc = model.results().stream().filter(r -> r.hasOrigin(io.modelcards.model.Result.Kind.MODEL_INDEX))
                .findFirst().orElseThrow();
        assertEquals("ARC-Challenge", arc.benchmark(), "AI2 Reasoning Challenge (25-Shot) is the vocabulary's ARC-Challenge");
        assertTrue(arc.known());
        assertEquals("normalized accuracy", arc.metric());
        assertEquals(new java.math.BigDecimal("41.55"), arc.value());
        var declared = arc.origins().stream().filter(o -> o.kind() == io.modelcards.model.Result.Kind.MODEL_INDEX)
                .findFirst().orElseThrow();
        assertEquals("src/test/resources/wild/content/orca-mini-3b.md:13", declared.source().toString());
        assertTrue(declared.headers().contains("AI2 Reasoning Challenge (25-Shot)"), declared.headers().toString());
        Document doc = page("orca-mini-3b");
        // declared beside the card, printed nowhere else on the page: the results summary shows them, ranked
        var rows = doc.select("table.summary tbody tr");
        assertTrue(rows.size() >= 2, doc.select("table.summary").outerHtml());
        var hellaswag = doc.select("table.summary tbody tr:contains(HellaSwag):contains(61.52)");
        assertEquals(1, hellaswag.size(), doc.select("table.summary").outerHtml());
        assertTrue(hellaswag.text().startsWith("HellaSwag"), hellaswag.outerHtml());
        assertTrue(hellaswag.select("a[href^=#]").isEmpty(), "printed nowhere else on the page: no link");
        String json = file("models/orca-mini-3b/model-index.json");
        assertTrue(json.contains("\"value\":41.55") && json.contains("HellaSwag"), json);
        String dataset = file("benchmarks/hellaswag/index.html");
        assertTrue(dataset.contains("Orca Mini 3B") && dataset.contains("61.52"), dataset);
    }

    @Test
    void malformedModelIndexEntriesAreWarnings() {
        var lines = result.diagnostics().formatted();
        String at = "src/test/resources/wild/content/tiny-embed.md:5: warning: model-index entry 1, ";
        assertTrue(lines.contains(at + "result 1 (MTEB STSBenchmark manhattan_spearman): expected a number as value, got "
                + "\"not measured\"; the metric is left out"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(at + "result 2: the dataset has no name")), String.join("\n", lines));
        var model = result.site().models().stream().filter(m -> m.slug().equals("tiny-embed-v1")).findFirst().orElseThrow();
        var declared = model.results().stream().filter(r -> r.hasOrigin(io.modelcards.model.Result.Kind.MODEL_INDEX)).toList();
        assertEquals(1, declared.size(), declared.toString());
        assertEquals("test", declared.get(0).setting());
    }

    private static String file(String path) {
        return result.files().stream().filter(o -> o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + result.files().stream().map(OutputFile::path).toList()))
                .asText();
    }

    @Test
    void mathIsShownUnmangled() {
        String text = page("whisper-small-dutch").select("article").text();
        assertTrue(text.contains("$\\mathrm{WER} = \\frac{S + D + I}{N}$"), text);
        // subscripts are not read as emphasis and backslash escapes stay as written (\\% is not %)
        Document doc = page("whisper-small-dutch");
        assertEquals("$$\n\\mathrm{CER} = \\frac{S_c + D_c + I_c}{N_c} \\times 100\\%\n$$", doc.select("pre.math").text());
        assertEquals("$S$", doc.select("code.math.math-inline").get(1).text());
    }

    @Test
    void frontMatterAfterABlankLineAndTableWithoutLeadingPipes() {
        Document doc = page("whisper-small-dutch");
        assertEquals("License apache-2.0", doc.select("ul.chips li:contains(License)").text());
        assertEquals("Language nl", doc.select("ul.chips li:contains(Language)").text(), "the front matter's language");
        assertFalse(doc.select("article").text().contains("language: nl"), "front matter is not shown as text");
        var rows = doc.select("table#table-1 tbody tr");
        assertEquals(3, rows.size(), doc.select("table").outerHtml());
        assertTrue(rows.get(2).text().contains("9.38"));
        assertEquals("https://huggingface.co/openai/whisper-small", doc.select("a:contains(openai/whisper-small)").attr("href"));
        assertTrue(doc.select("article").text().contains("Unbalanced `backtick in a list item"));
    }

    @Test
    void htmlTableInsideDivAndFigureWithSpans() {
        Document doc = page("vit-small-food-101");
        assertEquals("img/food-grid.png", doc.select("img[alt^=A grid]").attr("src"), "relative image kept");
        String text = doc.select("article").text();
        assertTrue(text.contains("89.1") && text.contains("ViT-B/16") && text.contains("98.6"), text);
        assertTrue(text.contains("Sample images from Food-101."));
        assertEquals("mailto:vision@example.org", doc.select("a:contains(vision@example.org)").attr("href"));
        assertEquals("https://github.com/example/vit-food", doc.select("a:contains(GitHub)").attr("href"));
    }

    @Test
    void codeFenceLeftOpenRunsToTheEndOfTheFile() {
        Document doc = page("tiny-embed-v1");
        assertTrue(doc.select("pre code").text().contains("model.encode([\"This is an example sentence\"])"));
        assertEquals("Benchmark details", doc.select("details[open] summary").text());
        // the Markdown table after the blank line below <summary> stays inside the details element, as a table
        assertTrue(doc.select("details[open] table").text().contains("84.2"), doc.select("article").outerHtml());
        assertEquals("Tip", doc.select("div.alert-tip .alert-title").text());
        assertEquals("Caution", doc.select("div.alert-caution .alert-title").text());
        assertEquals("384 dimensions", doc.select("span.nowrap").text());
        assertTrue(doc.select("article").text().contains("Tokens such as <unk>"));
    }
}
