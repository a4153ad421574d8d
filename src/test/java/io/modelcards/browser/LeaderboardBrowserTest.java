package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed site's leaderboards in headless Chromium, served under the base URL's subpath (/modelcards/, as GitHub
 * Pages serves a project site) and opened from file://: the shot filter and its state in the address, the order of
 * the rows, the table box at phone width, the chart's text size, and no console errors.
 */
class LeaderboardBrowserTest {
    private static final String VQAV2 = "benchmarks/vqav2/index.html";

    enum Origin { FILE, HTTP }

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
        assertTrue(severe.isEmpty(), "console errors: " + severe);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /**
     * "Which model is best on VQAv2 at 0 shots?" The first row is IDEFICS 9B Instruct at 65.8, marked † not
     * comparable: the card marks VQAv2 as held in the instruct models' fine-tuning data (✖ under "Finetuning data
     * does not contain the evaluation dataset"). Rows keep their place by value; ★ goes to IDEFICS 80B's 60.0, the
     * best score of a model that did not see VQAv2 in training.
     */
    @ParameterizedTest
    @EnumSource(Origin.class)
    void vqav2AtZeroShotsFromTheAddressRanksByValueAndStarsTheBestComparable(Origin origin) {
        open(origin, VQAV2 + "?shots=0");
        List<List<String>> rows = visibleRows();
        assertEquals(List.of(
                List.of("1", "IDEFICS 9B Instruct", "0", "65.8† (not comparable: Finetuning data does not"
                        + " contain the evaluation dataset: no)"),
                List.of("2", "IDEFICS 80B", "0", "★60.0 (best)"),
                List.of("3", "IDEFICS 9B", "0", "50.9"),
                List.of("4", "IDEFICS 80B Instruct", "0", "37.4† (not comparable: Finetuning data does not"
                        + " contain the evaluation dataset: no)")), rows);
        assertEquals("true", browser.js("return document.querySelector('button.chip[data-value=\"0\"]').getAttribute('aria-pressed');"));
        assertEquals("Showing 4 of 20 rows: shots 0.", browser.js("return document.querySelector('.lb-status').textContent;"));
        assertTrue((Boolean) browser.js("return !!document.querySelector('.lb-legend') && document.querySelector('.lb-legend')"
                + ".textContent.includes('Not comparable');"), "the † mark has a legend");
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void aChipFiltersTheRowsAndKeepsItsChoiceInTheAddress(Origin origin) {
        open(origin, VQAV2);
        assertEquals(20, visibleRows().size(), "all settings");
        browser.js("document.querySelector('button.chip[data-value=\"8\"]').click();");
        List<List<String>> rows = visibleRows();
        assertEquals(4, rows.size());
        assertEquals(List.of("1", "IDEFICS 80B Instruct", "8", "68.1† (not comparable: Finetuning data does not"
                + " contain the evaluation dataset: no)"), rows.get(0));
        assertEquals(List.of("3", "IDEFICS 80B", "8", "★64.8 (best)"), rows.get(2));
        String url = driver.getCurrentUrl();
        assertTrue(url.endsWith("benchmarks/vqav2/index.html?shots=8"), url);
        if (origin == Origin.HTTP) assertTrue(url.contains(SiteBuild.PREFIX), "under the subpath: " + url);
        driver.navigate().refresh();
        waitUntilLoaded();
        assertEquals(4, visibleRows().size(), "the choice survives a reload");
        browser.js("document.querySelector('button.chip[data-param=\"shots\"]:not([data-value])').click();");
        assertEquals(20, visibleRows().size());
        assertTrue(driver.getCurrentUrl().endsWith("benchmarks/vqav2/index.html"), driver.getCurrentUrl());
    }

    @Test
    void sortingAColumnStaysInsideEachSetting() {
        open(Origin.HTTP, VQAV2 + "?shots=0");
        // the value column, ascending: the 0-shot rows only, lowest first
        browser.js("document.querySelectorAll('table.lb-table thead button.sort')[3].click();");
        List<List<String>> rows = visibleRows();
        assertEquals(List.of("37.4", "50.9", "60.0", "65.8"), rows.stream().map(r -> r.get(3).replace("★", "").replaceAll("[^0-9.].*$", ""))
                .toList());
    }

    @Test
    void cocoDatasetShowsCaptioningAndDetectionAsSeparateLeaderboards() {
        open(Origin.HTTP, "datasets/coco/index.html");
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) browser.js("return Array.from(document.querySelectorAll('#leaderboards li > a'))"
                + ".map(a => a.textContent + ' ' + a.getAttribute('href'));");
        assertEquals(List.of("COCO: box AP ../../benchmarks/coco/index.html#lb-box-ap",
                "COCO Captions: CIDEr ../../benchmarks/coco-captions/index.html#lb-cider"), links);
        browser.js("document.querySelectorAll('#leaderboards li > a')[1].click();");
        waitUntilLoaded();
        assertTrue(driver.getCurrentUrl().endsWith("/modelcards/benchmarks/coco-captions/index.html#lb-cider"),
                driver.getCurrentUrl());
        assertEquals("image-to-text", browser.js("return document.querySelector('.facts dd').textContent;"));
        assertTrue(visibleRows().stream().anyMatch(r -> r.equals(List.of("3", "IDEFICS 80B", "0", "★91.8 (best)"))),
                "129.1 of IDEFICS 9B Instruct is not comparable: listed first, not starred; " + visibleRows());
    }

    /** At 375 px the table scrolls inside its box to its last column, rank and model staying in view. */
    @ParameterizedTest
    @ValueSource(strings = {"benchmarks/vqav2/index.html", "benchmarks/winoground/index.html"})
    void atPhoneWidthEveryColumnIsReachableAndTheLabelsStay(String page) {
        driver.manage().window().setSize(new Dimension(375, 800));
        open(Origin.HTTP, page);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.js("""
                const wrap = document.querySelector('.lb-wrap');
                const table = wrap.querySelector('table');
                const before = {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};
                wrap.scrollLeft = wrap.scrollWidth;
                const box = wrap.getBoundingClientRect();
                const head = table.tHead.rows[0].cells;
                const last = head[head.length - 1].getBoundingClientRect();
                const row = table.tBodies[0].rows[0];
                const rank = row.cells[0].getBoundingClientRect();
                const who = row.cells[1].getBoundingClientRect();
                return {scrolls: wrap.scrollWidth > wrap.clientWidth, scrolled: wrap.scrollLeft,
                        lastInside: last.left >= box.left - 1 && last.right <= box.right + 1,
                        rankLeft: rank.left - box.left, whoLeft: who.left - rank.right,
                        whoRight: who.right <= box.right, pageScroll: before.scroll, inner: before.inner};
                """);
        assertTrue((Boolean) m.get("scrolls"), page + ": wider than the phone, the table scrolls in its box: " + m);
        assertTrue(((Number) m.get("scrolled")).doubleValue() > 0, page + ": " + m);
        assertTrue((Boolean) m.get("lastInside"), page + ": the last column can be scrolled into view: " + m);
        assertTrue(Math.abs(((Number) m.get("rankLeft")).doubleValue()) <= 2, page + ": rank stays at the left: " + m);
        assertTrue(Math.abs(((Number) m.get("whoLeft")).doubleValue()) <= 2, page + ": model stays beside it: " + m);
        assertTrue((Boolean) m.get("whoRight"), page + ": " + m);
        assertTrue(((Number) m.get("pageScroll")).longValue() <= ((Number) m.get("inner")).longValue(),
                page + ": the page itself does not scroll sideways: " + m);
    }

    /** The chart's text is 12 CSS px or more however wide the window: its font size times the SVG's scale. */
    @ParameterizedTest
    @ValueSource(ints = {320, 375, 800, 1280})
    void chartTextIsAtLeast12PixelsAtAnyWidth(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        for (String page : List.of(VQAV2, "benchmarks/winoground/index.html")) {
            open(Origin.HTTP, page);
            @SuppressWarnings("unchecked")
            List<Object> sizes = (List<Object>) browser.js("""
                    const svg = document.querySelector('svg.lb-chart-svg');
                    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    return Array.from(svg.querySelectorAll('text'))
                        .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
                    """);
            assertTrue(sizes.size() > 8, page + ": " + sizes);
            for (Object s : sizes) {
                assertTrue(((Number) s).doubleValue() >= 12, page + " at " + width + " px: text of " + s + " px");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void open(Origin origin, String relative) {
        driver.get(origin == Origin.HTTP ? server.url(relative) : site.toUri() + relative);
        waitUntilLoaded();
    }

    private static void waitUntilLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    /** The visible rows of the first leaderboard: rank, model, shots and value, as their text. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> visibleRows() {
        return (List<List<String>>) browser.js("""
                const t = document.querySelector('table.lb-table');
                return Array.from(t.tBodies).filter(b => !b.hidden).flatMap(b => Array.from(b.rows))
                    .map(r => Array.from(r.cells).slice(0, 4).map(c => c.textContent.trim()));
                """);
    }
}
