package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Builds the XSS corpus (src/test/resources/xss/content) and loads every page in headless Chromium, over HTTP
 * and from file://: no vector sets its global or the title, the safe text is shown, and the console stays
 * clean. A Content-Security-Policy report would mean a vector got past the sanitizer and only the policy
 * stopped it, so those fail the test too; only the corpus's own broken image addresses (src=x) may log.
 */
class XssBrowserTest {
    private static final Path CONTENT = Path.of("src/test/resources/xss/content");
    /** Markers that must be visible on each model page. */
    private static final Map<String, List<String>> MARKERS = Map.of(
            "models/html-vectors/index.html", List.of("SAFE-MARKER-HTML-TOP", "SAFE-MARKER-HTML-BOTTOM"),
            // one card (it has front matter), titled by its model_name; "Named model" is a section of it
            "models/svg-onload-window-xss-82/index.html", List.of("SAFE-MARKER-MD-TOP", "SAFE-MARKER-MD-BOTTOM",
                    "<script>window.__xss=50</script>", "SAFE-MARKER-NAME"));
    /** Checks every global a vector may set, after images finished loading (onerror fires then). */
    private static final String PROBE = "const cb = arguments[arguments.length - 1];"
            + "const done = () => Array.from(document.images).every(i => i.complete);"
            + "const check = () => cb({xss: String(window.__xss), title: document.title,"
            + "  text: document.body ? document.body.innerText : ''});"
            + "(function wait(n) { if (done() || n > 50) setTimeout(check, 150); else setTimeout(() => wait(n + 1), 20); })(0);";

    private static Path tmp;
    private static Path site;
    private static List<String> pages;
    private static StaticServer server;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws Exception {
        tmp = Files.createTempDirectory("xss-site");
        site = tmp.resolve("site");
        BuildResult r = new SiteBuilder().build(BuildOptions.defaults().withContent(CONTENT).withOutput(site)
                .withReport(null));
        assertTrue(r.ok(), String.join("\n", r.diagnostics().formatted()));
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString()
                    .replace('\\', '/')).sorted().toList();
        }
        assertTrue(pages.containsAll(MARKERS.keySet()), pages.toString());
        server = StaticServer.start(site, "/xss/");
        browser = Browser.startIfPresent();
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
            Browser.deleteTree(tmp);
        }
    }

    @Test
    void noVectorRunsOverHttp() {
        List<String> problems = new ArrayList<>();
        for (String page : pages) check(page, server.url(page), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void noVectorRunsFromFile() {
        List<String> problems = new ArrayList<>();
        for (String page : pages) check(page, site.resolve(page).toUri().toString(), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The second line of defence: a script that got into a page anyway (here written into a built page by
     * hand) is refused by the page's Content-Security-Policy, while the site's own script still works.
     */
    @Test
    void policyBlocksInlineScriptThatGetsIntoAPage() throws Exception {
        Path page = site.resolve("models/svg-onload-window-xss-82/index.html");
        String html = Files.readString(page);
        Path planted = page.resolveSibling("planted.html");
        Files.writeString(planted, html.replace("SAFE-MARKER-NAME", "SAFE-MARKER-NAME"
                + "<script>window.__xss=999</script><img src=x onerror=\"window.__xss=998\">"
                + "<a id=planted href=\"javascript:window.__xss=997\">planted</a>"));
        try {
            WebDriver driver = browser.driver();
            driver.get(server.url("models/svg-onload-window-xss-82/planted.html"));
            waitUntilLoaded();
            driver.findElement(By.id("planted")).click();
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeAsyncScript(PROBE);
            assertEquals("undefined", state.get("xss"), "the planted script ran");
            List<String> console = browser.severeConsoleMessages();
            assertTrue(console.stream().anyMatch(m -> m.contains("Content Security Policy")), console.toString());
            // site.js still runs under the policy: the theme switch works
            Object before = browser.js("return document.documentElement.dataset.theme || '';");
            driver.findElement(By.id("theme-toggle")).click();
            assertNotEquals(before, browser.js("return document.documentElement.dataset.theme || '';"));
            browser.js("localStorage.removeItem('modelcards-theme');");
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    private static void check(String page, String url, List<String> problems) {
        WebDriver driver = browser.driver();
        driver.get(url);
        waitUntilLoaded();
        // give focus handlers (autofocus vectors) and toggles a chance; then read the globals
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript(PROBE);
        if (!"undefined".equals(state.get("xss"))) problems.add(url + ": window.__xss = " + state.get("xss"));
        if (String.valueOf(state.get("title")).startsWith("XSS")) problems.add(url + ": title " + state.get("title"));
        String text = String.valueOf(state.get("text"));
        for (String marker : MARKERS.getOrDefault(page, List.of())) {
            if (!text.contains(marker)) problems.add(url + ": safe text not shown: " + marker);
        }
        for (String message : browser.severeConsoleMessages()) {
            if (!isBrokenCorpusImage(message)) problems.add(url + ": console: " + message);
        }
    }

    /** The corpus keeps harmless relative images such as {@code <img src="x">}; they fail to load. */
    private static boolean isBrokenCorpusImage(String message) {
        return (message.contains("/x ") || message.contains("/x -")) && (message.contains("404")
                || message.contains("ERR_FILE_NOT_FOUND") || message.contains("Failed to load resource"));
    }

    private static void waitUntilLoaded() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }
}
