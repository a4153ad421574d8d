package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A model page's charts, drawn by js/chart.js from the page's one chart-data block, in headless Chromium: the seed's
 * IDEFICS page over HTTP under the base URL's subpath and from file://. Every figure gets one SVG that is an image
 * with a title and a description repeating its values, a legend per series, both axis labels, text of 12 CSS px
 * or more; and a series named with markup shows that markup as text without running it.
 */
class ModelChartsBrowserTest {
    private static final String IDEFICS = "models/idefics/index.html";
    /** Each chart as the page shows it: id, role, labelled-by ids found, title, description, legends, labels. */
    private static final String CHARTS = """
            const all = JSON.parse(document.querySelector('#charts script.chart-data').textContent);
            return Array.from(document.querySelectorAll('#charts figure.chart-figure')).map(f => {
              const svgs = f.querySelectorAll('svg.chart');
              const svg = svgs[0];
              const data = all.charts.find(c => c.id === f.id);
              if (!svg) return {id: f.id, svgs: 0};
              const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
              return {id: f.id, svgs: svgs.length, role: svg.getAttribute('role'),
                labelled: ids.every(i => !!document.getElementById(i) && svg.contains(document.getElementById(i))),
                title: svg.querySelector('title').textContent, desc: svg.querySelector('desc').textContent,
                legends: Array.from(svg.querySelectorAll('text.legend')).map(t => t.textContent),
                names: data.s.map(s => all.names[s[0]]).map(n => n.length > 40 ? n.substring(0, 39) + '\u2026' : n),
                axisLabels: svg.querySelectorAll('text.axis-label').length,
                lines: svg.querySelectorAll('polyline').length,
                caption: f.querySelector('figcaption').textContent, dataTitle: data.t,
                svgFirst: f.firstElementChild === svg};
            });
            """;

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void buildAndStart() throws IOException {
        Browser.requireChromium();
        site = SiteBuild.seed(tmp);
        server = StaticServer.startWithNotFoundPage(site, SiteBuild.PREFIX);
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> severe = browser.severeConsoleMessages();
        assertTrue(severe.isEmpty(), "console errors (a CSP report would be one): " + severe);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyChartIsDrawnAsAnImageWithTitleDescriptionLegendAndAxes(boolean overHttp) {
        driver.get(overHttp ? server.url(IDEFICS) : site.toUri() + IDEFICS);
        List<Map<String, Object>> charts = charts();
        assertTrue(charts.size() >= 12, "a chart per benchmark with shots: " + charts.size());
        for (Map<String, Object> c : charts) {
            String where = String.valueOf(c.get("id"));
            assertEquals(1L, c.get("svgs"), where + ": drawn once");
            assertEquals("img", c.get("role"), where);
            assertEquals(true, c.get("labelled"), where + ": aria-labelledby names its own title and description");
            assertEquals(c.get("dataTitle"), c.get("title"), where);
            assertEquals(c.get("dataTitle"), c.get("caption"), where + ": the figure's caption is the chart's title");
            assertEquals(true, c.get("svgFirst"), where + ": the chart, then its caption");
            assertEquals(c.get("names"), c.get("legends"), where + ": a legend line per series, in order");
            assertEquals(2L, c.get("axisLabels"), where);
            assertTrue(((Number) c.get("lines")).longValue() >= 1, where + ": at least one series is a line");
        }
        Map<String, Object> vqav2 = charts.stream().filter(c -> c.get("id").equals("chart-vqav2-oe-vqa-acc-shots"))
                .findFirst().orElseThrow();
        assertEquals(List.of("IDEFICS 80B", "IDEFICS 9B", "IDEFICS 80B Instruct", "IDEFICS 9B Instruct"),
                vqav2.get("legends"));
        String desc = (String) vqav2.get("desc");
        assertTrue(desc.startsWith("VQAv2 OE VQA acc. against shots. IDEFICS 80B: 60.0 at 0, 63.6 at 4, 64.8 at 8,"),
                "every value as the card writes it: " + desc);
    }

    /** The chart's text is 12 CSS px or more however wide the window: its font size times the SVG's scale. */
    @ParameterizedTest
    @ValueSource(ints = {320, 375, 1280})
    void chartTextIsAtLeast12PixelsAtAnyWidth(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.get(server.url(IDEFICS));
        waitForCharts();
        @SuppressWarnings("unchecked")
        List<Object> sizes = (List<Object>) browser.js("""
                const svg = document.querySelector('#charts svg.chart');
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return Array.from(svg.querySelectorAll('text'))
                    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
                """);
        assertTrue(sizes.size() > 8, sizes.toString());
        for (Object s : sizes) assertTrue(((Number) s).doubleValue() >= 12, "at " + width + " px: text of " + s + " px");
    }

    /** A series is named from the card's text; markup in it is shown as text and never runs. */
    @Test
    void aSeriesNamedWithMarkupShowsItAsText() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("markup-content"));
        String name = "<img src=x onerror=\"window.__xss=1\">";
        Files.writeString(content.resolve("markup.md"), """
                # Markup model

                ## Evaluation

                | Model | Shots | VQAv2<br>OE VQA acc. |
                |---|---|---|
                | `%1$s` | 0 | 50.1 |
                | | 4 | 52.3 |
                | | 8 | 54.0 |
                """.formatted(name));
        Path built = SiteBuild.build(content, tmp.resolve("markup"));
        driver.get(built.toUri() + "models/markup-model/index.html");
        waitForCharts();
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.js("""
                const svg = document.querySelector('#charts svg.chart');
                return {xss: String(window.__xss), legends: Array.from(svg.querySelectorAll('text.legend')).map(t => t.textContent),
                  images: svg.querySelectorAll('img, image').length};
                """);
        assertEquals("undefined", seen.get("xss"));
        assertEquals(0L, seen.get("images"));
        assertEquals(List.of(name), seen.get("legends"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> charts() {
        waitForCharts();
        return (List<Map<String, Object>>) browser.js(CHARTS);
    }

    private static void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "return document.readyState === 'complete' && document.querySelectorAll('#charts figure').length > 0"
                        + " && document.querySelectorAll('#charts svg.chart').length"
                        + " === JSON.parse(document.querySelector('#charts script.chart-data').textContent).charts.length;")));
    }
}
