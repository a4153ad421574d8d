package io.modelcards.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import io.modelcards.cli.Main;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the seed content once with the CLI and checks what readers rely on in the written site. */
class SeedSiteLinksTest {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        int code = Main.run("build", "--quiet", "--content", "content", "--out", out.toString(),
                "--report", tmp.resolve("report.json").toString());
        assertEquals(0, code, "the seed builds");
    }

    @Test
    void everyInternalLinkOfTheWrittenSiteResolves() throws IOException {
        Map<String, Set<String>> ids = new HashMap<>();
        Set<String> files = new HashSet<>();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                files.add(rel);
                if (rel.endsWith(".html")) {
                    pages.add(p);
                    Set<String> s = new HashSet<>();
                    for (Element e : Jsoup.parse(p.toFile(), "UTF-8").select("[id]")) s.add(e.id());
                    ids.put(rel, s);
                }
            }
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element e : doc.select("a[href], link[href], script[src], img[src], form[action]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action");
                if (url.matches("^[a-z]+:.*") || url.startsWith("//")) continue;
                checked++;
                String[] parts = url.replaceFirst("\\?[^#]*", "").split("#", 2); // compare.html?m=…: the file
                Path target = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
                if (Files.isDirectory(target)) target = target.resolve("index.html");
                String rel = out.relativize(target).toString().replace('\\', '/');
                if (!files.contains(rel)) broken.add(out.relativize(page) + " → " + url + " (no file)");
                else if (parts.length == 2 && !parts[1].isEmpty() && rel.endsWith(".html")
                        && !ids.get(rel).contains(parts[1])) broken.add(out.relativize(page) + " → " + url + " (no id)");
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 500, "crawled " + checked + " links");
    }

    @Test
    void theNavLinksToBenchmarkAndDatasetIndexesThatExist() {
        assertTrue(Files.isRegularFile(out.resolve("benchmarks/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("datasets/index.html")));
    }

    @Test
    void ideficsPageLinksToTheLlamaPage() throws IOException {
        Document doc = Jsoup.parse(out.resolve("models/idefics/index.html").toFile(), "UTF-8");
        Element xref = doc.selectFirst("article .prose a[href=../llama-v2/index.html]");
        assertTrue(xref != null, "IDEFICS prose links to Llama v2");
        assertEquals("huggyllama/llama-7b", xref.text());
    }

    @Test
    void cocoDatasetLinksItsCaptioningAndDetectionLeaderboardsWhichLinkTheirRows() throws IOException {
        Document coco = Jsoup.parse(out.resolve("datasets/coco/index.html").toFile(), "UTF-8");
        assertEquals(List.of("../../benchmarks/coco/index.html#lb-box-ap", "../../benchmarks/coco-captions/index.html#lb-cider"),
                coco.select("#leaderboards li > a").eachAttr("href"));
        assertTrue(coco.select("table").isEmpty(), "the dataset page links its leaderboards, it does not repeat them");
        Document detection = Jsoup.parse(out.resolve("benchmarks/coco/index.html").toFile(), "UTF-8");
        Set<String> models = new HashSet<>();
        for (Element a : detection.select("table.lb-table tbody th a")) models.add(a.text());
        assertEquals(Set.of("GroundingDINO-T", "GroundingDINO-B"), models);
        Document captions = Jsoup.parse(out.resolve("benchmarks/coco-captions/index.html").toFile(), "UTF-8");
        // 129.1 of IDEFICS 9B Instruct comes first by value (†, its fine-tuning data holds COCO); ★ goes to 80B's 91.8
        Element first = captions.selectFirst("table.lb-table tbody tr");
        assertEquals("../../models/idefics/index.html#idefics-9b-instruct-0-shots", first.selectFirst("th a").attr("href"));
        Element best = captions.select("table.lb-table tbody tr").stream().filter(r -> r.text().contains("(best)"))
                .findFirst().orElseThrow();
        assertEquals("../../models/idefics/index.html#idefics-80b-0-shots", best.selectFirst("th a").attr("href"));
        assertEquals("91.8 (best)", best.select("td[data-sort]").text().replace("★", ""));
    }

    @Test
    void renderedSst2IsDerivedFromSst2AndHasItsOwnLeaderboard() throws IOException {
        Document sst2 = Jsoup.parse(out.resolve("datasets/sst-2/index.html").toFile(), "UTF-8");
        assertEquals(List.of("../../benchmarks/sst-2/index.html#lb-accuracy"), sst2.select("#leaderboards li > a").eachAttr("href"));
        assertEquals(List.of("Rendered SST-2"), sst2.select("#derived a").eachText());
        Document rendered = Jsoup.parse(out.resolve("datasets/rendered-sst-2/index.html").toFile(), "UTF-8");
        assertEquals("SST-2", rendered.selectFirst("p.derived a").text());
        Document board = Jsoup.parse(out.resolve("benchmarks/sst-2/index.html").toFile(), "UTF-8");
        List<String> who = board.select("table.lb-table tbody th").eachText();
        assertEquals(List.of("bert-base-uncased reported by DistilBERT base uncased finetuned SST-2",
                "DistilBERT base uncased finetuned SST-2"), who, "the baseline the card reports, marked as such");
        Document imagenet = Jsoup.parse(out.resolve("benchmarks/imagenet-1k/index.html").toFile(), "UTF-8");
        assertTrue(imagenet.select("table.lb-table tbody th a").eachText().contains("IDEFICS 80B"));
    }

    @Test
    void externalContentLinksAreAbsoluteAndOpenWithoutReferrer() throws IOException {
        Document doc = Jsoup.parse(out.resolve("models/whisper/index.html").toFile(), "UTF-8");
        List<Element> external = doc.select("article a[href^=https://huggingface.co]");
        assertEquals(10, external.size());
        for (Element a : external) {
            assertTrue(a.closest("#content") != null, "site.css marks absolute links in #content: " + a.outerHtml());
            assertFalse(a.hasAttr("target"), a.outerHtml());
        }
        assertEquals("no-referrer", doc.selectFirst("meta[name=referrer]").attr("content"),
                "the page's policy: no site it links to learns its address");
    }

    @Test
    void onlyTheTwoLlamaChatHfLinksAreFixed() {
        BuildOptions options = BuildOptions.defaults().withReport(null);
        Diagnostics d = new Diagnostics();
        var site = new SiteBuilder().load(options, d);
        List<String> fixes = new ArrayList<>();
        for (Model m : site.models()) {
            for (Link l : m.links()) {
                if (l.isFixed()) fixes.add(l.origin() + " " + l.originalHref() + " -> " + l.href());
                else assertEquals(l.originalHref(), l.href());
            }
        }
        assertEquals(List.of(
                "content/model-cards.md:79 https://huggingface.co/llamaste/Llama-2-13b-hf -> https://huggingface.co/llamaste/Llama-2-13b-chat-hf",
                "content/model-cards.md:80 https://huggingface.co/llamaste/Llama-2-70b-hf -> https://huggingface.co/llamaste/Llama-2-70b-chat-hf"),
                fixes);
    }

    @Test
    void theFixesAreInTheReport() throws IOException {
        String report = Files.readString(tmp.resolve("report.json"), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"to\" : \"https://huggingface.co/llamaste/Llama-2-13b-chat-hf\""), report);
        assertTrue(report.contains("\"to\" : \"https://huggingface.co/llamaste/Llama-2-70b-chat-hf\""), report);
    }
}
