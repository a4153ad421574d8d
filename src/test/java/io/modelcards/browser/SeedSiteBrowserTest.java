package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real seed site, built by the CLI, in headless Chromium: opened from file:// and from an HTTP
 * server under the base URL's subpath (/modelcards/, as GitHub Pages serves a project site).
 */
class SeedSiteBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String IDEFICS = "models/idefics/index.html";

    enum Origin { FILE, HTTP }

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = SiteBuild.seed(tmp);
        server = StaticServer.startWithNotFoundPage(site, SiteBuild.PREFIX);
        browser = Browser.startIfPresent();
        driver = browser == null ? null : browser.driver();
    }

    @BeforeEach
    void chromium() {
        Browser.requireChromium(); // per test, so that surefire counts the tests as skipped without a browser
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void noConsoleErrorsAndDefaultTheme() {
        if (browser == null) return;
        List<String> severe = browser.severeConsoleMessages();
        assertTrue(severe.isEmpty(), "SEVERE browser console messages: " + severe);
    }

    // ---------------------------------------------------------------- sorting the IDEFICS table

    @ParameterizedTest
    @EnumSource(Origin.class)
    void sortsIdeficsByScienceQaAscendingWithMissingLast(Origin origin) {
        open(origin, IDEFICS);
        String table = fifteenColumnTable();
        int col = columnOf(table, "ScienceQA");
        assertEquals(List.of("68.9", "58.9", "-", "-", "-", "44.2", "37.4", "-", "-", "-"), column(table, col),
                "source order before sorting");
        clickHeader(table, col);
        assertEquals(List.of("37.4", "44.2", "58.9", "68.9", "-", "-", "-", "-", "-", "-"), column(table, col));
        assertEquals("ascending", header(table, col).getAttribute("aria-sort"));
        // missing cells keep source order: the three 80B rows before the three 9B rows
        assertEquals(List.of("IDEFICS 9B", "IDEFICS 9B", "IDEFICS 80B", "IDEFICS 80B", "IDEFICS 80B", "IDEFICS 80B",
                "IDEFICS 80B", "IDEFICS 9B", "IDEFICS 9B", "IDEFICS 9B"), groups(table));
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void sortsIdeficsDescendingOnSecondClickWithMissingStillLast(Origin origin) {
        open(origin, IDEFICS);
        String table = fifteenColumnTable();
        int col = columnOf(table, "ScienceQA");
        clickHeader(table, col);
        clickHeader(table, col);
        assertEquals(List.of("68.9", "58.9", "44.2", "37.4", "-", "-", "-", "-", "-", "-"), column(table, col));
        assertEquals("descending", header(table, col).getAttribute("aria-sort"));
    }

    @Test
    void sortsByVizWizNumericallyNotAsText() {
        open(Origin.HTTP, IDEFICS);
        String table = fifteenColumnTable();
        int col = columnOf(table, "VizWiz");
        clickHeader(table, col);
        List<Double> values = column(table, col).stream().map(Double::valueOf).toList();
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        assertEquals(sorted, values);
        assertEquals(10, values.size());
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void groupedRowsStillNameTheirModelAfterSorting(Origin origin) {
        open(origin, IDEFICS);
        String table = fifteenColumnTable();
        clickHeader(table, columnOf(table, "ScienceQA"));
        List<WebElement> rowHeaders = driver.findElements(By.cssSelector("#" + table + " tbody tr > :first-child"));
        assertEquals(10, rowHeaders.size());
        List<String> shown = rowHeaders.stream().map(WebElement::getText).map(String::trim).toList();
        assertEquals(groups(table), shown, "every row shows its model in the first column");
        List<WebElement> repeats = driver.findElements(By.cssSelector("#" + table + " .group-repeat"));
        assertEquals(8, repeats.size(), "continuation rows: 4 per model");
        for (WebElement repeat : repeats) {
            assertTrue(repeat.isDisplayed() && repeat.getRect().getWidth() > 20,
                    "visible after sorting: " + repeat.getText() + " width " + repeat.getRect().getWidth());
        }
    }

    /** The page carries no sort buttons or heading links; site.js adds them, once, where the page marks them. */
    @ParameterizedTest
    @EnumSource(Origin.class)
    void sortButtonsAndHeadingLinksAreAddedOnceByTheScript(Origin origin) {
        open(origin, IDEFICS);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.js("""
                const marked = Array.from(document.querySelectorAll('table.sortable thead th[aria-sort]'));
                const headings = Array.from(document.querySelectorAll('article.model > h2[id], article.model > h3[id]'));
                return {marked: marked.length,
                  oneButtonEach: marked.every(th => th.querySelectorAll('button.sort').length === 1
                      && th.firstElementChild.matches('button.sort')),
                  linksOutside: marked.filter(th => th.querySelector('a.lb-link'))
                      .every(th => !th.querySelector('button.sort a') && th.lastElementChild.matches('a.lb-link')),
                  withLink: marked.filter(th => th.querySelector('a.lb-link')).length,
                  buttonsElsewhere: document.querySelectorAll('button.sort').length - marked.length,
                  headings: headings.length,
                  linked: headings.every(h => h.querySelectorAll('a.anchor').length === 1
                      && h.querySelector('a.anchor').getAttribute('href') === '#' + h.id
                      && h.querySelector('a.anchor').getAttribute('aria-label') === 'Link to this section'),
                  charts: document.querySelectorAll('#charts-title a.anchor').length};
                """);
        assertTrue(((Number) seen.get("marked")).intValue() > 20, seen.toString());
        assertEquals(true, seen.get("oneButtonEach"), seen.toString());
        assertTrue(((Number) seen.get("withLink")).intValue() > 0, "some columns link to their leaderboard: " + seen);
        assertEquals(true, seen.get("linksOutside"), "a link may not sit inside a button: " + seen);
        assertEquals(0L, seen.get("buttonsElsewhere"), seen.toString());
        assertEquals(1L, seen.get("headings"), "the card's one heading (IDEFICS instruct): " + seen);
        assertEquals(true, seen.get("linked"), seen.toString());
        assertEquals(1L, seen.get("charts"), "the Charts heading brings its own link, not a second one: " + seen);
    }

    // ---------------------------------------------------------------- search, theme

    @ParameterizedTest
    @EnumSource(Origin.class)
    void searchFindsWhisperAndEnterOpensIt(Origin origin) {
        open(origin, "index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("whisper");
        WebElement first = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li[role=option]")));
        assertTrue(first.getText().startsWith("Whisper"), first.getText());
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("models/whisper/"));
        waitUntilLoaded();
        assertEquals(url(origin, "models/whisper/index.html"), driver.getCurrentUrl());
        assertEquals("Whisper", driver.findElement(By.tagName("h1")).getText());
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void searchFindsABenchmarkAndEnterOpensItsPage(Origin origin) {
        open(origin, "index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("coco");
        WebElement first = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li[role=option]")));
        assertTrue(first.getText().startsWith("COCO"), first.getText());
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/coco"));
        waitUntilLoaded();
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("COCO"),
                driver.findElement(By.tagName("h1")).getText());
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void compareShowsIdeficsBesideLlamaAndTheFormAddsAModelToTheAddress(Origin origin) {
        open(origin, "compare.html?m=idefics&m=llama-v2");
        WebElement table = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.compare-table")));
        List<String> headers = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertEquals(5, headers.size(), headers.toString());
        assertTrue(headers.get(3).startsWith("IDEFICS") && headers.get(4).startsWith("Llama"), headers.toString());
        assertTrue(table.findElements(By.cssSelector("tbody tr")).size() > 10, "rows of both models' benchmarks");
        // a value links to the row of its model page that states it
        WebElement value = table.findElement(By.cssSelector("tbody td[data-type=number] a"));
        assertTrue(value.getAttribute("href").contains("models/"), value.getAttribute("href"));
        WebElement input = driver.findElement(By.id("compare-add"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#compare-models option")).size() == 6);
        input.sendKeys("Whisper");
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("m=whisper"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("table.compare-table thead th")).size() == 6);
        assertEquals(3, driver.findElements(By.cssSelector("#compare-chosen li")).size());
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void darkToggleWorksAndIsRememberedAfterReload(Origin origin) {
        open(origin, "index.html");
        browser.js("localStorage.removeItem('modelcards-theme');");
        driver.navigate().refresh();
        waitUntilLoaded();
        try {
            String lightBackground = background();
            assertEquals("false", driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"),
                    "headless Chromium prefers light");
            driver.findElement(By.id("theme-toggle")).click();
            assertEquals("dark", browser.js("return document.documentElement.dataset.theme;"));
            assertEquals("true", driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"));
            String darkBackground = background();
            assertFalse(darkBackground.equals(lightBackground), "background changes: " + darkBackground);
            // another page, then a reload: the choice is still applied, before site.js runs
            open(origin, IDEFICS);
            driver.navigate().refresh();
            waitUntilLoaded();
            assertEquals("dark", browser.js("return document.documentElement.dataset.theme;"));
            assertEquals(darkBackground, background());
            assertEquals("true", driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"));
            driver.findElement(By.id("theme-toggle")).click();
            driver.navigate().refresh();
            waitUntilLoaded();
            assertEquals("light", browser.js("return document.documentElement.dataset.theme;"));
            assertEquals(lightBackground, background());
        } finally {
            browser.js("localStorage.removeItem('modelcards-theme');");
        }
    }

    // ---------------------------------------------------------------- every page

    @ParameterizedTest
    @EnumSource(Origin.class)
    void everyPageLoadsWithoutConsoleErrors(Origin origin) {
        List<String> problems = new ArrayList<>();
        for (String page : pagesFor(origin)) {
            open(origin, page);
            List<String> severe = browser.severeConsoleMessages();
            if (!severe.isEmpty()) {
                problems.add(page + ": " + severe);
            }
            // the deferred scripts ran: site.js wires the theme toggle on every page
            if (!"true".equals(browser.js("return document.getElementById('theme-toggle') !== null"
                    + " && document.getElementById('theme-toggle').hasAttribute('aria-pressed')").toString())) {
                problems.add(page + ": site.js did not run");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(SiteBuild.pages(site).size() >= 9, "pages: " + SiteBuild.pages(site));
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void noPageScrollsSidewaysInAPhoneWideWindow(Origin origin) {
        Dimension before = driver.manage().window().getSize();
        List<String> problems = new ArrayList<>();
        try {
            driver.manage().window().setSize(new Dimension(375, 800));
            for (String page : pagesFor(origin)) {
                open(origin, page);
                long inner = (Long) browser.js("return window.innerWidth;");
                long scroll = (Long) browser.js("return document.documentElement.scrollWidth;");
                assertTrue(inner <= 400, page + ": window is phone-sized, innerWidth " + inner);
                if (scroll > inner) {
                    problems.add(page + ": scrollWidth " + scroll + " > innerWidth " + inner + "; too wide: "
                            + browser.js(WIDE_ELEMENTS));
                }
            }
        } finally {
            driver.manage().window().setSize(before);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void savesScreenshotsOfIndexModelAndBenchmarkPages() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // benchmarks/index.html comes with the benchmark pages (issue 4); until then the Whisper page stands in
        String benchmark = Files.isRegularFile(site.resolve("benchmarks/index.html"))
                ? "benchmarks/index.html" : "models/whisper/index.html";
        for (String[] shot : new String[][] {
                {"index.html", "index.png"}, {IDEFICS, "idefics.png"}, {benchmark, "benchmark.png"}}) {
            open(Origin.HTTP, shot[0]);
            Path file = SCREENSHOTS.resolve(shot[1]);
            Files.write(file, fullPage());
            assertTrue(Files.size(file) > 10_000, file + " is a real picture");
        }
        // -Dreadme.screenshots=true refreshes the README pictures in .github/screenshots/ (1280 px wide)
        if (Boolean.getBoolean("readme.screenshots")) {
            Path readme = Path.of(".github", "screenshots");
            Files.createDirectories(readme);
            open(Origin.HTTP, "index.html");
            Files.write(readme.resolve("index.png"), viewport());
            open(Origin.HTTP, IDEFICS);
            Files.write(readme.resolve("model.png"), viewport());
            open(Origin.HTTP, "benchmarks/vqav2/index.html?shots=0");
            Files.write(readme.resolve("leaderboard.png"), viewport());
            open(Origin.HTTP, "compare.html?m=idefics&m=llama-v2");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.compare-table")));
            Files.write(readme.resolve("compare.png"), viewport());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** 404.html links to the base URL's path (/modelcards/...), which only a web server has. */
    private static List<String> pagesFor(Origin origin) {
        List<String> pages = new ArrayList<>(SiteBuild.pages(site));
        if (origin == Origin.FILE) {
            pages.remove("404.html");
        }
        return pages;
    }

    private static String url(Origin origin, String relative) {
        return origin == Origin.HTTP ? server.url(relative) : site.toUri() + relative;
    }

    private static void open(Origin origin, String relative) {
        driver.get(url(origin, relative));
        waitUntilLoaded();
    }

    private static void waitUntilLoaded() {
        // site.js is deferred: once the document is complete it has run
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    private static String background() {
        return (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
    }

    /** The id of the IDEFICS base-model benchmark table: the first one with 15 columns. */
    private static String fifteenColumnTable() {
        Object id = browser.js("const t = Array.from(document.querySelectorAll('table.sortable'))"
                + ".find(t => t.tHead && t.tHead.rows[0].cells.length === 15); return t ? t.id : null;");
        assertTrue(id != null && !id.toString().isEmpty(), "a 15-column sortable table with an id");
        return id.toString();
    }

    private static int columnOf(String tableId, String name) {
        Object index = browser.js("return Array.from(document.getElementById(arguments[0]).tHead.rows[0].cells)"
                + ".findIndex(th => th.textContent.trim().startsWith(arguments[1]));", tableId, name);
        int col = ((Long) index).intValue();
        assertTrue(col > 1, name + " column in " + tableId);
        return col;
    }

    private static WebElement header(String tableId, int col) {
        return driver.findElement(By.cssSelector("#" + tableId + " thead th:nth-child(" + (col + 1) + ")"));
    }

    private static void clickHeader(String tableId, int col) {
        WebElement button = header(tableId, col).findElement(By.cssSelector("button.sort"));
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", button);
        button.click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(String tableId, int col) {
        return (List<String>) browser.js("return Array.from(document.getElementById(arguments[0]).tBodies[0].rows,"
                + " r => r.cells[arguments[1]].textContent.trim());", tableId, col);
    }

    @SuppressWarnings("unchecked")
    private static List<String> groups(String tableId) {
        // a row's group is its row header: the name, or on a continuation row the name repeated (.group-repeat)
        return (List<String>) browser.js("return Array.from(document.getElementById(arguments[0]).tBodies[0].rows,"
                + " r => r.cells[0].textContent.trim());", tableId);
    }

    private static byte[] viewport() {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    /** The whole page: the window is made as tall as the document for the shot, then restored. */
    private static byte[] fullPage() {
        Dimension before = driver.manage().window().getSize();
        try {
            long height = (Long) browser.js("return Math.ceil(document.documentElement.scrollHeight);");
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 8000)));
            return viewport();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Names the outermost elements that stick out to the right, for a readable failure. */
    private static final String WIDE_ELEMENTS = "const out = [];"
            + "for (const e of document.body.querySelectorAll('*')) {"
            + "  if (e.getBoundingClientRect().right > window.innerWidth + 1"
            + "      && !(e.parentElement && out.includes(e.parentElement)) && !e.closest('.table-wrap, pre')) out.push(e);"
            + "}"
            + "return out.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + "  + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')"
            + "  + ' right=' + Math.round(e.getBoundingClientRect().right));";
}
