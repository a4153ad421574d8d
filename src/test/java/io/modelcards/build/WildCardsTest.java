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
 * and read well: front matter, comments, badges, details, footnotes, math, alerts, HTML tables, tag-like
 * tokens, tables without a leading pipe, unbalanced markup and a code fence left open.
 */
class WildCardsTest {
    static BuildResult result;

    @BeforeAll
    static void render() {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("src/test/resources/wild/content"))
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
        assertTrue(text.contains("[!NOTE]") && text.contains("factually incorrect"), text + "alerts keep their text");
        assertEquals("Prompt format", doc.select("details summary").text());
        assertTrue(doc.select("pre code").text().contains("### Response:"), text); // follows the details element
        assertTrue(text.contains("0.4155") && text.contains("truthfulqa_mc"), text + "the evaluation table");
        assertTrue(text.contains("**English data only"), text + "an unbalanced ** stays as text");
        assertTrue(text.contains("Progressive Learning"), text + "the footnote text");
        assertEquals("cc-by-nc-sa-4.0", doc.select("dt:contains(License) + dd").text());
    }

    @Test
    void modelIndexIsKeptInTheFrontMatter() {
        var model = result.site().models().stream().filter(m -> m.slug().equals("orca-mini-3b")).findFirst().orElseThrow();
        String index = model.frontMatter().other().get("model-index");
        assertTrue(index != null && index.contains("41.55") && index.contains("HellaSwag (10-Shot)"), index);
        assertTrue(model.frontMatter().other().get("widget").contains("Tell me about orcas."));
    }

    @Test
    void mathIsShownUnmangled() {
        String text = page("whisper-small-dutch").select("article").text();
        assertTrue(text.contains("$\\mathrm{WER} = \\frac{S + D + I}{N}$"), text);
        // subscripts are not read as emphasis; note CommonMark still applies backslash escapes (\\% shows as %)
        assertTrue(text.contains("\\mathrm{CER} = \\frac{S_c + D_c + I_c}{N_c} \\times 100"), text);
    }

    @Test
    void frontMatterAfterABlankLineAndTableWithoutLeadingPipes() {
        Document doc = page("whisper-small-dutch");
        assertEquals("apache-2.0", doc.select("dt:contains(License) + dd").text());
        assertFalse(doc.select("article").text().contains("language: nl"), "front matter is not shown as text");
        var rows = doc.select("table.data-table tbody tr");
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
        // the HTML block ends at the blank line, so the table follows the details element instead of sitting inside it
        assertEquals("Benchmark details", doc.select("details[open] summary").text());
        assertTrue(doc.select("table").text().contains("84.2"), doc.select("article").outerHtml());
        assertEquals("384 dimensions", doc.select("span.nowrap").text());
        assertTrue(doc.select("article").text().contains("Tokens such as <unk>"));
    }
}
