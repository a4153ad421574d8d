package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed site's tables read well in Chromium, served under a GitHub Pages project path, at desktop and phone
 * widths: the header row stays in view while the page scrolls past the table's top, the label columns stay at the
 * left edge while the table box scrolls sideways, every column can be scrolled into view at 375 px, and the marks
 * of corrected links lead to their notes and back. No console errors on the way.
 */
class ReadableTablesBrowserTest {
    private static final String IDEFICS = "models/idefics/index.html";
    private static final String LLAMA = "models/llama-v2/index.html";
    /** The IDEFICS instruct table: rows grouped by model, changes in parentheses, 15 columns. */
    private static final String CHANGES_TABLE = "table-4";

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
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @AfterEach
    void noConsoleErrorsAndDesktopWidth() {
        if (browser == null) return;
        List<String> severe = browser.severeConsoleMessages();
        driver.manage().window().setSize(new Dimension(1280, 900));
        assertTrue(severe.isEmpty(), "SEVERE browser console messages: " + severe);
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void theHeaderRowStaysInViewWhenThePageScrollsPastTheTableTop(int width) {
        open(IDEFICS, width);
        String table = "document.getElementById('" + CHANGES_TABLE + "')";
        // the table's top 200 px above the viewport: its header would have scrolled away with it
        browser.js("const t = " + table + "; window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY + 200);");
        waitFor(d -> number("return " + table + ".tHead.rows[0].cells[2].getBoundingClientRect().top;") > -1.5
                && number("return " + table + ".tHead.rows[0].cells[2].getBoundingClientRect().top;") < 1.5);
        assertTrue(number("return " + table + ".getBoundingClientRect().top;") < -150, "the table's top is above the viewport");
        // the header cell is what the reader sees at its place, not a row scrolling under it
        assertEquals(Boolean.TRUE, browser.js("const th = " + table + ".tHead.rows[0].cells[2], r = th.getBoundingClientRect();"
                + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return hit !== null && hit.closest('th') === th;"));
        assertEquals(Boolean.TRUE, browser.js("return " + table + ".parentElement.classList.contains('head-stuck');"));

        // past the table's end, the header goes with it
        browser.js("const t = " + table + "; window.scrollTo(0, t.getBoundingClientRect().bottom + window.scrollY + 50);");
        waitFor(d -> number("return " + table + ".tHead.getBoundingClientRect().bottom;") < 0);
        // and back above the table, it is where it belongs again
        browser.js("const t = " + table + "; window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY - 100);");
        waitFor(d -> "".equals(browser.js("return " + table + ".tHead.style.transform;")));
    }

    @Test
    void theLabelColumnsStayVisibleWhenTheTableScrollsSidewaysOnAPhone() {
        open(IDEFICS, 375);
        String table = "document.getElementById('" + CHANGES_TABLE + "')";
        browser.js(table + ".parentElement.scrollIntoView();");
        long scrollable = (Long) browser.js("const w = " + table + ".parentElement; return w.scrollWidth - w.clientWidth;");
        assertTrue(scrollable > 300, "the table is much wider than a phone: " + scrollable);
        browser.js(table + ".parentElement.scrollLeft = 400;");
        waitFor(d -> number("return " + table + ".parentElement.scrollLeft;") > 399);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.js("const w = " + table + ".parentElement,"
                + " row = document.getElementById('idefics-9b-instruct-4-shots'), box = w.getBoundingClientRect();"
                + " const hits = c => { const r = c.getBoundingClientRect();"
                + "   const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return e !== null && c.contains(e); };"
                + " const one = row.querySelector('.pin-1'), two = row.querySelector('.pin-2');"
                + " return {oneLeft: one.getBoundingClientRect().left - box.left, twoLeft: two.getBoundingClientRect().left,"
                + "   oneRight: one.getBoundingClientRect().right, oneSeen: hits(one), twoSeen: hits(two),"
                + "   headSeen: hits(" + table + ".tHead.rows[0].cells[0]), label: one.textContent.trim(), shots: two.textContent.trim()};");
        assertTrue(Math.abs(((Number) seen.get("oneLeft")).doubleValue()) <= 2, "the row header is at the box's left edge: " + seen);
        assertTrue(Math.abs(((Number) seen.get("twoLeft")).doubleValue() - ((Number) seen.get("oneRight")).doubleValue()) <= 1.5,
                "the shots column follows it: " + seen);
        assertEquals(Boolean.TRUE, seen.get("oneSeen"), seen.toString());
        assertEquals(Boolean.TRUE, seen.get("twoSeen"), seen.toString());
        assertEquals(Boolean.TRUE, seen.get("headSeen"), "the corner header stays too: " + seen);
        assertEquals("4", seen.get("shots"));
    }

    @Test
    void everyColumnOfEveryTableCanBeScrolledIntoViewOnAPhone() {
        open(IDEFICS, 375);
        assertTrue(number("return window.innerWidth;") <= 400, "a phone-sized window");
        assertTrue(number("return document.documentElement.scrollWidth - window.innerWidth;") <= 0, "the page itself does not scroll sideways");
        @SuppressWarnings("unchecked")
        List<String> hidden = (List<String>) browser.js("const out = [];"
                + " for (const w of document.querySelectorAll('.table-wrap')) {"
                + "   const t = w.querySelector('table'); w.scrollIntoView();"
                + "   const pins = Array.from(t.querySelectorAll('thead .pin'));"
                + "   const edge = () => pins.reduce((m, p) => Math.max(m, p.getBoundingClientRect().right), w.getBoundingClientRect().left);"
                + "   const head = t.tHead.rows[t.tHead.rows.length - 1];"
                + "   for (const th of head.cells) {"
                + "     if (th.classList.contains('pin')) continue;"
                + "     w.scrollLeft += th.getBoundingClientRect().left - edge();"
                + "     const r = th.getBoundingClientRect(), x = Math.min(r.left + 8, w.getBoundingClientRect().right - 2);"
                + "     const e = document.elementFromPoint(x, r.top + r.height / 2);"
                + "     if (e === null || !th.contains(e)) out.push(t.id + ': ' + th.textContent.trim());"
                + "   }"
                + "   w.scrollLeft = w.scrollWidth;"
                + "   const last = head.cells[head.cells.length - 1].getBoundingClientRect();"
                + "   if (last.right > w.getBoundingClientRect().right + 1) out.push(t.id + ': the last column ends beyond the box');"
                + " } return out;");
        assertTrue(hidden.isEmpty(), "columns that could not be brought into view: " + hidden);
    }

    @Test
    void theTableBoxIsNoWiderThanItsTable() {
        open(LLAMA, 1280);
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) browser.js("const w = document.querySelector('.table-wrap');"
                + " return [w.getBoundingClientRect().width, w.querySelector('table').getBoundingClientRect().width,"
                + " document.querySelector('main').getBoundingClientRect().width];");
        assertTrue(widths.get(0).doubleValue() <= widths.get(1).doubleValue() + 2.5, "box and table: " + widths);
        assertTrue(widths.get(0).doubleValue() < widths.get(2).doubleValue() - 100, "narrower than the page: " + widths);
    }

    @Test
    void changesAreSignedAndColouredByWhetherTheyAreBetter() {
        open(IDEFICS, 1280);
        @SuppressWarnings("unchecked")
        Map<String, Object> cell = (Map<String, Object>) browser.js("const td = document.getElementById('idefics-80b-instruct-0-shots').cells[2];"
                + " const better = document.querySelector('.delta-better'), worse = td.querySelector('.delta-worse');"
                + " return {text: td.textContent, worse: getComputedStyle(worse).color, better: getComputedStyle(better).color,"
                + "   plain: getComputedStyle(td).color, worseWords: getComputedStyle(worse, '::after').content,"
                + "   betterWords: getComputedStyle(better, '::after').content, hiddenWidth: getComputedStyle(worse, '::after').width,"
                + "   caption: document.getElementById('" + CHANGES_TABLE + "').caption.textContent};");
        assertTrue(cell.get("text").toString().startsWith("37.4 (\u221222.7"), "a real minus sign: " + cell);
        assertNotEquals(cell.get("worse"), cell.get("better"), cell.toString());
        assertNotEquals(cell.get("plain"), cell.get("worse"), cell.toString());
        // the colour is also said in words, for screen readers (CSS generated text, out of sight)
        assertEquals("\" worse\"", cell.get("worseWords"), cell.toString());
        assertEquals("\" better\"", cell.get("betterWords"), cell.toString());
        assertEquals("1px", cell.get("hiddenWidth"), cell.toString());
        assertTrue(cell.get("caption").toString().contains("Changes (in parentheses) are against IDEFICS 80B and IDEFICS 9B"),
                cell.toString());
    }

    @Test
    void aCorrectedLinksMarkLeadsToItsNoteAndBackByKeyboard() {
        open(LLAMA, 375);
        String mark = "document.querySelector('sup.fixed-link a')";
        assertEquals("#table-1-fix-1", browser.js("return " + mark + ".getAttribute('href');"));
        // focusable, and followed with Enter like any link
        browser.js(mark + ".focus();");
        assertEquals(Boolean.TRUE, browser.js("return document.activeElement === " + mark + ";"));
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(d -> "#table-1-fix-1".equals(browser.js("return location.hash;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> note = (Map<String, Object>) browser.js("const li = document.getElementById('table-1-fix-1');"
                + " const r = li.getBoundingClientRect(); return {text: li.textContent, visible: r.top >= 0 && r.top < window.innerHeight,"
                + " back: li.querySelector('a').getAttribute('href'), size: Math.min(" + mark + ".getBoundingClientRect().width, "
                + mark + ".getBoundingClientRect().height)};");
        assertTrue(note.get("text").toString().contains("the card links to https://huggingface.co/llamaste/Llama-2-13b-hf, this page to "
                + "https://huggingface.co/llamaste/Llama-2-13b-chat-hf"), note.toString());
        assertTrue(note.get("text").toString().contains("(rule: pattern across columns)"), note.toString());
        assertEquals(Boolean.TRUE, note.get("visible"), note.toString());
        assertEquals("#table-1-fixref-1", note.get("back"));
        assertTrue(((Number) note.get("size")).doubleValue() >= 23.5, "big enough to tap: " + note);
    }

    /** Saves what the tests look at, for a person to check: -Dtables.screenshots=DIR. */
    @Test
    void savesScreenshotsWhenAsked() throws IOException {
        String dir = System.getProperty("tables.screenshots", "");
        if (dir.isEmpty()) return;
        Files.createDirectories(Path.of(dir));
        open(IDEFICS, 375);
        String table = "document.getElementById('" + CHANGES_TABLE + "')";
        browser.js("const t = " + table + "; window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY + 200);"
                + " t.parentElement.scrollLeft = 400;");
        sleepAFrame();
        Files.write(Path.of(dir, "idefics-375.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        open(IDEFICS, 1280);
        browser.js("const t = " + table + "; window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY + 200);");
        sleepAFrame();
        Files.write(Path.of(dir, "idefics-1280.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        open(LLAMA, 1280);
        browser.js("document.querySelector('.table-fixes').scrollIntoView({block: 'center'});");
        sleepAFrame();
        Files.write(Path.of(dir, "llama-1280.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void open(String page, int width) {
        driver.manage().window().setSize(new Dimension(width, 800));
        driver.get(server.url(page));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    private static void sleepAFrame() {
        browser.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));");
    }

    private static double number(String script) {
        return ((Number) browser.js(script)).doubleValue();
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(condition);
    }
}
