package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.TestContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the CLI builds the seed content/ into a site with a page for each of the six models. */
class SeedSiteTest {
    @TempDir
    static Path tmp;
    static Path site;
    static CliRun run;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        run = CliRun.of("build", "--content", TestContent.SEED.toString(), "--out", site.toString(),
                "--report", tmp.resolve("report.json").toString());
    }

    private static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void buildSucceeds() {
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("6 models"), run.err());
    }

    @Test
    void indexLinksToSixModelPagesThatExist() throws Exception {
        Document index = page("index.html");
        List<String> hrefs = new ArrayList<>();
        for (Element a : index.select(".cards .card h2 a")) hrefs.add(a.attr("href"));
        assertEquals(6, hrefs.size(), hrefs.toString());
        for (String href : hrefs) {
            assertTrue(!href.startsWith("/") && !href.contains("://"), "relative link: " + href);
            assertTrue(Files.isRegularFile(site.resolve(href)), "page exists: " + href);
        }
        String names = index.select(".cards .card h2").text();
        for (String name : List.of("IDEFICS", "Llama v2", "Whisper", "DistilBERT base uncased finetuned SST-2", "Grounding DINO")) {
            assertTrue(names.contains(name), names);
        }
        assertTrue(names.contains("Segment Anything") || names.contains("Sagment Anything"), names);
    }

    @Test
    void everyIdeficsBenchmarkTableHasAllTenRows() throws Exception {
        Document p = page("models/idefics/index.html");
        int fifteenColumnTables = 0;
        for (Element table : p.select("table")) {
            if (table.select("thead th").size() == 15) {
                fifteenColumnTables++;
                int rows = table.select("tbody tr").size();
                assertTrue(rows >= 10, "rows: " + rows);
                assertEquals(10, table.select("tbody tr").stream().filter(tr -> !tr.text().contains("does not")).count());
            }
        }
        assertEquals(2, fifteenColumnTables);
        assertTrue(p.text().contains("Yang et al. (2021)"));
        assertTrue(p.select("a[href=https://arxiv.org/abs/2109.05014]").size() == 1);
    }

    @Test
    void groundingDinoShowsBothRowsWithBothCheckpointLinks() throws Exception {
        Document p = page("models/grounding-dino/index.html");
        Element table = p.selectFirst("table.data-table"); // the card's own table, after the results summary
        assertEquals(2, table.select("tbody tr").size());
        for (String file : List.of("groundingdino_swint_ogc.pth", "groundingdino_swinb_cogcoor.pth")) {
            assertEquals(2, table.select("a[href$=" + file + "]").size(), file);
        }
        assertEquals(2, table.select("a[href$=.py]").size());
    }

    @Test
    void samShowsItsThreeCheckpointsAndItsCode() throws Exception {
        Path dir = Files.list(site.resolve("models")).filter(d -> d.getFileName().toString().contains("anything")).findFirst().orElseThrow();
        Document p = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
        assertEquals(3, p.select("a[href$=.pth]").size());
        assertTrue(p.select("pre code").text().contains("sam_model_registry[\"<model_type>\"]"));
    }

    @Test
    void whisperAndLlamaLinkMatricesKeepEveryLink() throws Exception {
        assertEquals(10, page("models/whisper/index.html").select("table a[href*=openai/whisper]").size());
        assertEquals(12, page("models/llama-v2/index.html").select("table a[href*=llamaste]").size());
    }

    @Test
    void modelsJsonHoldsAllSixModelsWithTablesRowsCellsAndLinks() throws Exception {
        JsonNode root = new ObjectMapper().readTree(site.resolve("models.json").toFile());
        JsonNode index = root.get("models");
        assertEquals(6, index.size());
        int tables = 0;
        int links = 0;
        for (JsonNode entry : index) {
            JsonNode m = new ObjectMapper().readTree(site.resolve(entry.get("json").asText()).toFile());
            links += m.get("links").size();
            for (JsonNode b : m.get("blocks")) {
                if (b.get("type").asText().equals("table")) {
                    tables++;
                    JsonNode t = b.get("table");
                    assertTrue(t.get("rows").size() > 0);
                    assertTrue(t.get("rows").get(0).get("cells").get(0).has("source"));
                }
            }
        }
        assertEquals(7, tables);
        assertEquals(35, links);
    }

    @Test
    void siteHasTheFilesAHostNeeds() {
        for (String f : List.of("index.html", "404.html", "sitemap.xml", "robots.txt", ".nojekyll", "models.json",
                "css/site.css", "js/site.js", "search-index.js")) {
            assertTrue(Files.isRegularFile(site.resolve(f)), f);
        }
    }

    @Test
    void searchIndexHoldsBenchmarksDatasetsWithTheirMetricsAndVariantsWithTheirRows() throws Exception {
        String script = Files.readString(site.resolve("search-index.js"));
        JsonNode entries = new ObjectMapper().readTree(script.substring(script.indexOf('['), script.lastIndexOf(']') + 1));
        boolean benchmark = false, dataset = false, variantRow = false;
        for (JsonNode e : entries) {
            String kind = e.path("k").asText();
            if (kind.equals("benchmark") && e.path("t").asText().equals("VQAv2")) {
                benchmark = true;
                assertTrue(e.path("u").asText().startsWith("benchmarks/"), e.toString());
                assertTrue(e.path("s").asText().contains("Leaderboards:"), e.toString());
            }
            if (kind.equals("dataset") && e.path("t").asText().startsWith("COCO")) dataset = true;
            if (kind.equals("variant") && e.path("u").asText().contains("#")) {
                variantRow = true;
                String[] at = e.path("u").asText().split("#");
                assertTrue(Files.readString(site.resolve(at[0])).contains("id=\"" + at[1] + "\""), e.toString());
            }
        }
        assertTrue(benchmark && dataset && variantRow, "benchmark " + benchmark + ", dataset " + dataset + ", variant row " + variantRow);
    }

    @Test
    void notFoundPageResolvesItsLinksFromTheBaseUrlPathSoItWorksAtAnyDepth() throws Exception {
        Document d = page("404.html"); // site.yaml: baseUrl https://example.github.io/modelcards/
        assertEquals("/modelcards/", d.selectFirst("head > base").attr("href"));
        assertTrue(d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("base-uri 'self'"));
        assertEquals("css/site.css", d.selectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals(null, d.selectFirst("a[href^=#]"), "no same-page links: they would resolve against the base");
        Document index = page("index.html");
        assertEquals(null, index.selectFirst("base"));
        assertTrue(index.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("base-uri 'none'"));
    }

    @Test
    void internalLinksAreRelative() throws Exception {
        try (var files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(f.toFile(), "UTF-8");
                for (Element e : d.select("[href]:not(base), [src]")) { // 404.html's <base> is absolute
                    String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    assertTrue(!url.startsWith("/"), f + ": " + url);
                }
            }
        }
    }
}
