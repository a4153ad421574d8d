package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** sitemap.xml, and the sitemap index a site of more pages than one sitemap may list gets instead. */
class SitemapTest {
    private static final String BASE = "https://example.github.io/cards/";

    private static List<String> pages(int n) {
        List<String> pages = new ArrayList<>(List.of("index.html", "search.html"));
        for (int i = 0; i < n - 2; i++) pages.add("models/m-" + i + "/index.html");
        return pages;
    }

    private static Document xml(OutputFile f) {
        return Jsoup.parse(new String(f.bytes(), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    @Test
    void aSiteWithinTheLimitHasOneSitemapOfEveryPage() {
        List<OutputFile> files = Sitemap.files(BASE, pages(7), 7);
        assertEquals(List.of("sitemap.xml"), files.stream().map(OutputFile::path).toList());
        assertEquals(Sitemap.xml(BASE, pages(7)), new String(files.get(0).bytes(), StandardCharsets.UTF_8));
        assertEquals(7, xml(files.get(0)).select("urlset > url > loc").size());
    }

    @Test
    void aLargerSiteGetsASitemapIndexOfSitemapsOfAtMostTheLimitInOrder() {
        List<String> pages = pages(7);
        List<OutputFile> files = Sitemap.files(BASE, pages, 3);
        assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"),
                files.stream().map(OutputFile::path).toList());
        Document index = xml(files.get(0));
        assertEquals(List.of(BASE + "sitemap-1.xml", BASE + "sitemap-2.xml", BASE + "sitemap-3.xml"),
                index.select("sitemapindex > sitemap > loc").eachText());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", index.selectFirst("sitemapindex").attr("xmlns"));
        List<String> listed = new ArrayList<>();
        for (OutputFile f : files.subList(1, files.size())) {
            List<String> locs = xml(f).select("urlset > url > loc").eachText();
            assertTrue(locs.size() <= 3 && !locs.isEmpty(), f.path() + ": " + locs);
            listed.addAll(locs);
        }
        // every page once, in the order of the one sitemap it would have had
        assertEquals(xml(Sitemap.files(BASE, pages, 50_000).get(0)).select("urlset > url > loc").eachText(), listed);
        assertEquals(BASE, listed.get(0), "index.html is its folder");
    }
}
