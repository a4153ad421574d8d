package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.render.OutputFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The charts of the seed site, read back from the generated pages' SVG. */
class SeedChartsTest {
    /** A point's title: "IDEFICS 80B: 60.0 at 0". */
    private static final Pattern POINT = Pattern.compile("(.+): (\\S+) at (\\S+)");
    private static BuildResult result;

    @BeforeAll
    static void build() {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
    }

    private static Document page(String path) {
        for (OutputFile f : result.files()) if (f.path().equals(path)) return Jsoup.parse(f.asText());
        throw new AssertionError("no page " + path);
    }

    private static Element chart(Document page, String id) {
        Element svg = page.getElementById(id);
        assertNotNull(svg, "no chart " + id + " in " + page.select("svg.chart").eachAttr("id"));
        return svg;
    }

    /**
     * What js/chart.js draws a model page's chart from (and makes its figure with), read back from the page's one JSON
     * block into the chart's own shape: title (its caption), x, y, and per series its name and points [x, y].
     */
    private static JsonNode chartData(Document page, String id) {
        Element script = page.selectFirst("script.chart-data[type=application/json]");
        assertNotNull(script, id);
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode data = json.readTree(script.data());
            for (JsonNode c : data.get("charts")) {
                if (!c.get("id").asText().equals(id)) continue;
                var chart = json.createObjectNode();
                chart.put("title", c.get("t").asText());
                chart.put("x", c.get("x").asText());
                chart.put("y", c.get("y").asText());
                var series = chart.putArray("series");
                for (JsonNode s : c.get("s")) {
                    var one = series.addObject();
                    one.put("name", data.get("names").get(s.get(0).asInt()).asText());
                    var points = one.putArray("points");
                    String[] flat = s.get(1).asText().split(" ");
                    for (int i = 0; i + 1 < flat.length; i += 2) points.addArray().add(flat[i]).add(flat[i + 1]);
                }
                return chart;
            }
            throw new AssertionError("no data for " + id);
        } catch (java.io.IOException e) {
            throw new AssertionError(id + ": " + e.getMessage());
        }
    }

    /** The ids of the charts a model page's data block holds, in order. */
    private static List<String> chartIds(Document page) {
        Element script = page.selectFirst("script.chart-data[type=application/json]");
        assertNotNull(script, page.title());
        try {
            List<String> ids = new java.util.ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(script.data()).get("charts")) ids.add(c.get("id").asText());
            return ids;
        } catch (java.io.IOException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The tables a model page's charts section names as holding its charts' values. */
    private static List<String> sources(Document page) {
        return page.select("section#charts p.chart-source a").eachAttr("href");
    }

    /** Series name → (x → y), from the points' titles. */
    private static Map<String, Map<String, String>> series(Element svg) {
        Map<String, Map<String, String>> series = new LinkedHashMap<>();
        for (Element g : svg.select("g.series")) {
            String legend = g.selectFirst("text.legend").text();
            Map<String, String> points = new LinkedHashMap<>();
            for (Element title : g.select(".point > title")) {
                Matcher m = POINT.matcher(title.text());
                assertTrue(m.matches(), title.text());
                assertEquals(legend, m.group(1));
                points.put(m.group(3), m.group(2));
            }
            series.put(legend, points);
        }
        return series;
    }

    @Test
    void buildsWithoutErrors() {
        assertTrue(result.ok(), result.diagnostics().toString());
    }

    @Test
    void vqav2LeaderboardChartsScoreAgainstShotsOnALog2Axis() {
        Element svg = chart(page("benchmarks/vqav2/index.html"), "lb-oe-vqa-acc-chart");
        Map<String, Map<String, String>> series = series(svg);
        assertEquals(List.of("IDEFICS 9B Instruct †", "IDEFICS 80B", "IDEFICS 9B", "IDEFICS 80B Instruct †"),
                List.copyOf(series.keySet()), "the leaderboard's order at 0 shots; † not comparable");
        series.forEach((name, points) -> assertEquals(List.of("0", "4", "8", "16", "32"), List.copyOf(points.keySet()), name));
        assertEquals("60.0", series.get("IDEFICS 80B").get("0"));
        assertEquals("57.9", series.get("IDEFICS 9B").get("32"));
        assertEquals("37.4", series.get("IDEFICS 80B Instruct †").get("0"), "a delta is charted by its value");
        assertEquals("66.9", series.get("IDEFICS 9B Instruct †").get("32"));
        String desc = svg.selectFirst("desc").text();
        assertTrue(desc.contains("IDEFICS 80B: 60.0 at 0, 63.6 at 4, 64.8 at 8, 65.4 at 16, 65.9 at 32."), desc);
        assertTrue(svg.select("text.axis-label").eachText().contains("shots (log₂ scale)"), "x axis unit");
        // log2: 4, 8, 16 and 32 shots evenly spaced, 0 one step left of 4
        List<Double> xs = new java.util.ArrayList<>();
        for (Element t : svg.select("g.tick[text-anchor=middle] text")) xs.add(Double.parseDouble(t.attr("x")));
        assertEquals(5, xs.size());
        for (int i = 2; i < xs.size(); i++) assertEquals(xs.get(1) - xs.get(0), xs.get(i) - xs.get(i - 1), 0.2);
        Element figure = svg.closest("figure");
        assertEquals("VQAv2 OE VQA accuracy by number of shots, IDEFICS variants; † not comparable (see the legend above)",
                figure.selectFirst("figcaption").text());
    }

    @Test
    void withoutShotsALeaderboardChartsScoreAgainstParameters() {
        Element svg = chart(page("benchmarks/winoground/index.html"), "lb-group-text-image-chart");
        assertTrue(svg.selectFirst("title").text().startsWith("Winoground group by parameter count, IDEFICS variants (0 shots)"),
                svg.selectFirst("title").text());
        assertEquals(Map.of("IDEFICS", Map.of("80B", "8.0", "9B", "5.0"),
                "IDEFICS Instruct †", Map.of("80B", "9.2", "9B", "5.8")), series(svg));
    }

    @Test
    void aLeaderboardHasOneChartBesideItsTable() {
        for (String path : List.of("benchmarks/vqav2/index.html", "benchmarks/coco-captions/index.html",
                "benchmarks/winoground/index.html")) {
            Document p = page(path);
            for (Element board : p.select("section.leaderboard")) {
                assertEquals(1, board.select("svg.chart").size(), path + " " + board.id());
                assertNotNull(board.selectFirst("table.lb-table"), path);
            }
        }
        Document idefics = page("models/idefics/index.html");
        assertTrue(chartIds(idefics).contains("chart-vqav2-oe-vqa-acc-shots"), chartIds(idefics).toString());
        List<String> hrefs = sources(idefics);
        assertEquals(List.of("#table-2", "#table-3", "#table-4"), hrefs, "every table a chart of the page takes values from");
        for (String href : hrefs) assertNotNull(idefics.getElementById(href.substring(1)), href);
    }

    @Test
    void modelPagesShowTheChartsOfTheirBenchmarks() {
        Document idefics = page("models/idefics/index.html");
        Element section = idefics.getElementById("charts");
        assertNotNull(section);
        JsonNode vqav2 = chartData(idefics, "chart-vqav2-oe-vqa-acc-shots");
        assertEquals("VQAv2 OE VQA acc. against shots", vqav2.get("title").asText());
        assertEquals("shots", vqav2.get("x").asText());
        assertEquals(4, vqav2.get("series").size());
        JsonNode first = vqav2.get("series").get(0);
        assertEquals("IDEFICS 80B", first.get("name").asText());
        assertEquals("[[\"0\",\"60.0\"],[\"4\",\"63.6\"],[\"8\",\"64.8\"],[\"16\",\"65.4\"],[\"32\",\"65.9\"]]",
                first.get("points").toString(), "points as the card writes them");
        List<String> ids = chartIds(idefics);
        assertTrue(ids.size() >= 12, "a chart per benchmark column with shots");
        for (String id : ids) assertFalse(chartData(idefics, id).get("series").isEmpty(), id);
        assertTrue(section.select("figure").isEmpty(), "js/chart.js makes the figures (ModelChartsBrowserTest)");
        assertEquals(1, section.select("div.charts").size(), "where js/chart.js puts them");
        assertEquals(1, section.select("script[src$=js/chart.js]").size(), "drawn by js/chart.js (ChartBrowserTest)");
        assertTrue(idefics.select("nav.toc").isEmpty() || idefics.select("nav.toc a[href=#charts]").size() == 1,
                "listed in the contents, when the page has them");
        for (String slug : List.of("whisper", "llama-v2")) {
            Document p = page("models/" + slug + "/index.html");
            assertTrue(p.select("svg.chart, figure.chart-figure, script[src$=js/chart.js]").isEmpty(), slug);
            assertTrue(p.select("#charts").isEmpty(), slug);
        }
    }

    @Test
    void noChartOfFewerThanThreePoints() {
        // ImageNet-1k: every row at 16 shots; against parameters only IDEFICS 80B and 9B (the RICES rows are theirs, in a setting of their own)
        assertTrue(page("benchmarks/imagenet-1k/index.html").select("svg.chart").isEmpty());
        // COCO detection: three values, each in a setting of its own and none a line
        assertTrue(page("benchmarks/coco/index.html").select("svg.chart").isEmpty());
        assertTrue(page("datasets/vqav2/index.html").select("svg.chart").isEmpty(), "charts are on the benchmark page");
    }

    @Test
    void everyChartIsAnImageWithTitleAndDescriptionAndWellFormed() throws Exception {
        int charts = 0;
        for (OutputFile f : result.files()) {
            if (!f.path().endsWith(".html")) continue;
            Document page = Jsoup.parse(f.asText());
            Set<String> ids = new HashSet<>();
            for (Element e : page.select("[id]")) assertTrue(ids.add(e.id()), f.path() + ": duplicate id " + e.id());
            for (Element svg : page.select("svg.chart")) {
                charts++;
                String where = f.path() + " " + svg.id();
                assertEquals("img", svg.attr("role"), where);
                Element title = svg.children().select("title").first();
                Element desc = svg.children().select("desc").first();
                assertNotNull(title, where);
                assertNotNull(desc, where);
                assertFalse(title.text().isBlank(), where);
                assertTrue(desc.text().startsWith(title.text()), where);
                assertEquals(title.id() + " " + desc.id(), svg.attr("aria-labelledby"), where);
                assertTrue(svg.select("[style]").isEmpty() && !svg.hasAttr("style"), where + ": the CSP forbids inline styles");
                assertFalse(svg.select("text.legend").isEmpty(), where + ": legend");
                assertEquals(2, svg.select("text.axis-label").size(), where + ": axis labels");
                assertNotNull(svg.closest("figure.chart-figure").selectFirst("figcaption"), where);
                String xml = rawSvg(f.asText(), svg.id());
                DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertEquals(13, charts, "charts drawn at build time: one per leaderboard (a model page's are drawn in the browser, ModelChartsBrowserTest)");
    }

    /** The SVG as written in the page, to parse as XML. */
    private static String rawSvg(String html, String id) {
        Matcher open = Pattern.compile("<svg class=\"chart[^\"]*\" id=\"" + Pattern.quote(id) + "\"").matcher(html);
        assertTrue(open.find(), id);
        int start = open.start();
        int end = html.indexOf("</svg>", start);
        return html.substring(start, end + "</svg>".length());
    }
}
