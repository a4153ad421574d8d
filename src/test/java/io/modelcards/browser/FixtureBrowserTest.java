package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs site-assets/ (CSS and JS) in headless Chromium against the static fixture pages in
 * src/test/resources/browser/fixture/, which follow the generator's markup contract.
 */
class FixtureBrowserTest {
    /** Column of VisDial in the 15-column IDEFICS tables (0 = Model). */
    private static final int VISDIAL = 10;

    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void startBrowserAndServer() throws IOException, URISyntaxException {
        site = Files.createTempDirectory("fixture-site");
        copyTree(Path.of("site-assets"), site);
        copyTree(Path.of(FixtureBrowserTest.class.getResource("/browser/fixture/index.html").toURI()).getParent(), site);
        server = StaticServer.start(site, "/repo/");
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
            Browser.deleteTree(site);
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser == null) return;
        List<String> severe = browser.severeConsoleMessages();
        assertTrue(severe.isEmpty(), "SEVERE browser console messages: " + severe);
    }

    // ---------------------------------------------------------------- sorting

    @Test
    void headerCellOfASecondRowSortsItsOwnColumn() {
        open("index.html");
        // "0-shot" is the second th of its row but the third column of the grid (data-column="2")
        WebElement zeroShot = driver.findElement(By.cssSelector("#t-two-rows th[data-column='2'] button.sort"));
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", zeroShot);
        zeroShot.click();
        assertEquals(List.of("50.2", "55.0", "65.0"), column("t-two-rows", 2));
        assertEquals(List.of("C", "A", "B"), groups("t-two-rows"));
        assertEquals("ascending", driver.findElement(By.cssSelector("#t-two-rows th[data-column='2']")).getAttribute("aria-sort"));
    }

    @Test
    void sortsBenchmarkColumnAscendingWithMissingLast() {
        open("index.html");
        clickHeader("t-base", VISDIAL);
        assertEquals(List.of("47.6", "47.9", "47.9", "48.4", "48.7", "48.8", "-", "-", "-", "-"), column("t-base", VISDIAL));
        // ties and missing cells keep source order: 80B before 9B
        assertEquals(List.of("IDEFICS 9B", "IDEFICS 80B", "IDEFICS 9B", "IDEFICS 80B", "IDEFICS 9B", "IDEFICS 80B",
                "IDEFICS 80B", "IDEFICS 80B", "IDEFICS 9B", "IDEFICS 9B"), groups("t-base"));
    }

    @Test
    void sortsDescendingOnSecondClickAndKeepsMissingLast() {
        open("index.html");
        clickHeader("t-base", VISDIAL);
        clickHeader("t-base", VISDIAL);
        assertEquals(List.of("48.8", "48.7", "48.4", "47.9", "47.9", "47.6", "-", "-", "-", "-"), column("t-base", VISDIAL));
        clickHeader("t-base", VISDIAL);
        assertEquals("47.6", column("t-base", VISDIAL).get(0), "third click sorts ascending again");
    }

    @Test
    void sortsDeltaAndCompositeCellsByTheirValue() {
        open("index.html");
        clickHeader("t-instruct", 2); // VQAv2: deltas like "37.4 (-22.7)" and one flag row
        List<String> vqa = column("t-instruct", 2);
        assertEquals("37.4 (-22.7)", vqa.get(0));
        assertEquals("68.8 (2.9)", vqa.get(9));
        assertEquals("✖no", vqa.get(10), "flags come after numbers");
        clickHeader("t-base", 14); // Winoground: composites, mostly missing
        assertEquals(List.of("5.0/16.8/20.8", "8.0/18.75/22.5"), column("t-base", 14).subList(0, 2));
        clickHeader("t-base", 14);
        assertEquals(List.of("8.0/18.75/22.5", "5.0/16.8/20.8", "-"), column("t-base", 14).subList(0, 3));
    }

    @Test
    void sortsSpreadsByTheirValueNotTheirText() {
        open("index.html");
        // as text, even with numeric collation, "1.6" would come before "1.45" and "1.50"
        clickHeader("t-spreads", 1);
        assertEquals(List.of("1.45 (0.3)", "1.50 ± 0.20", "1.6 (0.1)", "-"), column("t-spreads", 1));
        clickHeader("t-spreads", 1);
        assertEquals(List.of("1.6 (0.1)", "1.50 ± 0.20", "1.45 (0.3)", "-"), column("t-spreads", 1));
    }

    @Test
    void updatesAriaSortAndSortedClass() {
        open("index.html");
        WebElement table = driver.findElement(By.id("t-base"));
        assertFalse(table.getAttribute("class").contains("sorted"));
        clickHeader("t-base", 2);
        assertEquals("ascending", header("t-base", 2).getAttribute("aria-sort"));
        clickHeader("t-base", 3);
        assertEquals("none", header("t-base", 2).getAttribute("aria-sort"));
        assertEquals("ascending", header("t-base", 3).getAttribute("aria-sort"));
        clickHeader("t-base", 3);
        assertEquals("descending", header("t-base", 3).getAttribute("aria-sort"));
        assertTrue(table.getAttribute("class").contains("sorted"));
        assertEquals("none", header("t-instruct", 3).getAttribute("aria-sort"), "other tables untouched");
    }

    @Test
    void sortsFromTheKeyboard() {
        open("index.html");
        WebElement button = header("t-base", VISDIAL).findElement(By.cssSelector("button.sort"));
        button.sendKeys(Keys.ENTER);
        assertEquals("ascending", header("t-base", VISDIAL).getAttribute("aria-sort"));
        button.sendKeys(Keys.SPACE);
        assertEquals("descending", header("t-base", VISDIAL).getAttribute("aria-sort"));
        assertEquals("48.8", column("t-base", VISDIAL).get(0));
    }

    @Test
    void showsGroupNameOnContinuationRowsOnlyWhenSorted() {
        open("index.html");
        WebElement repeat = driver.findElement(By.cssSelector("#t-base .group-repeat"));
        assertTrue(repeat.getRect().getWidth() <= 1, "hidden in source order");
        clickHeader("t-base", VISDIAL);
        assertTrue(repeat.isDisplayed());
        assertTrue(repeat.getRect().getWidth() > 20, "visible after sorting, width " + repeat.getRect().getWidth());
    }

    @Test
    void sortsWithinEachTbody() {
        open("index.html");
        clickHeader("t-imagenet", 4);
        clickHeader("t-imagenet", 4);
        @SuppressWarnings("unchecked")
        List<List<String>> bodies = (List<List<String>>) browser.js(
                "return Array.from(document.getElementById('t-imagenet').tBodies,"
                        + " b => Array.from(b.rows, r => r.cells[4].textContent.trim()));");
        assertEquals(List.of(List.of("72.9", "65.4"), List.of("64.5", "53.5")), bodies);
    }

    // ---------------------------------------------------------------- search

    @Test
    void searchShowsResultsAndEnterOpensTheFirst() {
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("whisper");
        WebElement first = waitFor(By.cssSelector("#search-results li[role=option]"));
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertTrue(first.getText().startsWith("Whisper"), first.getText());
        List<WebElement> options = driver.findElements(By.cssSelector("#search-results li[role=option]"));
        assertEquals(4, options.size(), "title or summary matches");
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("models/whisper/index.html"));
        assertEquals(server.url("models/whisper/index.html"), driver.getCurrentUrl());
    }

    @Test
    void searchReadsEveryFileOfASplitIndexInOrder() {
        // the fixture's index is split as a large site's is: search-index.js names search-index-2.js and -3.js
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("librispeech"); // only in the third file
        WebElement first = waitFor(By.cssSelector("#search-results li[role=option]"));
        assertTrue(first.getText().startsWith("LibriSpeech"), first.getText());
        Object loaded = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [window.MODELCARDS_SEARCH.length, window.MODELCARDS_SEARCH.map(e => e.t).join('|'),"
                        + " typeof window.MODELCARDS_SEARCH_PART];");
        assertEquals(List.of(8L, "IDEFICS|IDEFICS 80B Instruct|Distil-Whisper|Whisper large-v2|Whisper|Llama v2|VQAv2|LibriSpeech",
                "undefined"), loaded, "the three files' entries in their order; each further part taken and cleared");
    }

    @Test
    void arrowKeysMoveTheSelectionAndEscapeCloses() {
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("whisper");
        waitFor(By.cssSelector("#search-results li[role=option]"));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("search-result-1", input.getAttribute("aria-activedescendant"));
        assertEquals("true", driver.findElement(By.id("search-result-1")).getAttribute("aria-selected"));
        assertEquals("false", driver.findElement(By.id("search-result-0")).getAttribute("aria-selected"));
        input.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertEquals("search-result-3", input.getAttribute("aria-activedescendant"), "wraps to the last");
        input.sendKeys(Keys.ESCAPE);
        assertFalse(driver.findElement(By.id("search-results")).isDisplayed());
        assertEquals("false", input.getAttribute("aria-expanded"));
    }

    @Test
    void clickingAResultOpensIt() {
        open("models/whisper/index.html"); // root "../../": result URLs must still resolve
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("llama");
        waitFor(By.cssSelector("#search-results li[role=option]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("index.html#llama-v2"));
        assertEquals(server.url("index.html#llama-v2"), driver.getCurrentUrl());
    }

    @Test
    void slashFocusesSearchWithoutTypingIt() {
        open("index.html");
        driver.findElement(By.tagName("h1")).click();
        new Actions(driver).sendKeys("/").perform();
        WebElement active = driver.switchTo().activeElement();
        assertEquals("search-input", active.getAttribute("id"));
        assertEquals("", active.getAttribute("value"));
    }

    @Test
    void searchPageListsResultsForQuery() {
        open("search.html?q=whisper");
        WebElement first = waitFor(By.cssSelector("#search-page-results li a"));
        assertEquals("Whisper", first.getText());
        assertEquals(server.url("models/whisper/index.html"), first.getAttribute("href"));
        assertEquals("whisper", driver.findElement(By.id("search-input")).getAttribute("value"));
    }

    // ---------------------------------------------------------------- theme, layout

    @Test
    void themeToggleFlipsAndIsRememberedAfterReload() {
        open("index.html");
        browser.js("localStorage.removeItem('modelcards-theme');");
        driver.navigate().refresh();
        WebElement toggle = driver.findElement(By.id("theme-toggle"));
        boolean darkAtStart = "true".equals(toggle.getAttribute("aria-pressed"));
        toggle.click();
        String expected = darkAtStart ? "light" : "dark";
        assertEquals(expected, browser.js("return document.documentElement.dataset.theme;"));
        assertEquals(String.valueOf(!darkAtStart), toggle.getAttribute("aria-pressed"));
        driver.navigate().refresh();
        assertEquals(expected, browser.js("return document.documentElement.dataset.theme;"));
        assertEquals(String.valueOf(!darkAtStart), driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"));
        String background = (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
        assertEquals(darkAtStart ? "rgb(255, 255, 255)" : "rgb(13, 17, 23)", background);
        browser.js("localStorage.removeItem('modelcards-theme');");
    }

    @Test
    void pagesDoNotScrollSidewaysOnAPhone() {
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(375, 800));
            for (String page : List.of("index.html", "models/whisper/index.html", "search.html?q=idefics")) {
                open(page);
                long inner = (Long) browser.js("return window.innerWidth;");
                long scroll = (Long) browser.js("return document.documentElement.scrollWidth;");
                assertTrue(inner <= 400, page + ": window is phone-sized, innerWidth " + inner);
                assertTrue(scroll <= inner, page + ": scrollWidth " + scroll + " > innerWidth " + inner
                        + "; too wide: " + browser.js(WIDE_ELEMENTS));
            }
            // the wide table scrolls inside its own box instead
            open("index.html");
            assertEquals(Boolean.TRUE, browser.js(
                    "const w = document.getElementById('t-base').parentElement; return w.scrollWidth > w.clientWidth;"));
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

    // ---------------------------------------------------------------- helpers

    private static void open(String relative) {
        driver.get(server.url(relative));
        // site.js is deferred: wait until the page finished parsing and ran it
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
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

    private static WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
