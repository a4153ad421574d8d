package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Math is typeset by KaTeX (unpacked from org.webjars.npm:katex at build time) on the pages that have math, and
 * only there; without JavaScript the TeX source is shown. Uses the hub-markup golden content: excerpts of real
 * cards (thu-coai/LongLM-base with math in table headers, bert-base-uncased's \\(\beta_{1} = 0.9\\),
 * cmarkea/distilcamembert-base-sentiment's display formula) and one card without math.
 */
class MathBrowserTest {
    private static final String INLINE = "models/longlm-base/index.html";
    private static final String DISPLAY = "models/distilcamembert-base-sentiment/index.html";
    private static final String NO_MATH = "models/covid-twitter-bert/index.html";

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void build() throws IOException {
        site = SiteBuild.build(TestContent.PROJECT.resolve("src/test/resources/golden/hub-markup/content"), tmp);
        server = StaticServer.start(site, "/repo/");
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
        if (browser != null) {
            List<String> severe = browser.severeConsoleMessages();
            assertTrue(severe.isEmpty(), "SEVERE browser console messages (a CSP refusal would be one): " + severe);
        }
    }

    @Test
    void siteShipsKatexWithItsFonts() throws IOException {
        String js = Files.readString(site.resolve("vendor/katex/katex.min.js"), StandardCharsets.UTF_8);
        assertTrue(js.contains("katex"), js.substring(0, 60));
        String css = Files.readString(site.resolve("vendor/katex/katex.min.css"), StandardCharsets.UTF_8);
        assertTrue(css.contains("url(fonts/KaTeX_Main-Regular.woff2)"));
        assertTrue(Files.isRegularFile(site.resolve("vendor/katex/fonts/KaTeX_Main-Regular.woff2")));
        assertTrue(Files.isRegularFile(site.resolve("js/math.js")));
    }

    @Test
    void withoutJavaScriptTheSourceIsShownAndOnlyMathPagesLoadKatex() throws IOException {
        Document page = Jsoup.parse(site.resolve(INLINE).toFile(), "UTF-8");
        assertEquals("\\\\(\\beta_{1} = 0.9\\\\)", page.select("code.math").stream()
                .filter(e -> e.text().contains("beta_{1}")).findFirst().orElseThrow().wholeText());
        assertEquals(1, page.select("script[src$=vendor/katex/katex.min.js]").size());
        assertEquals(1, page.select("link[href$=vendor/katex/katex.min.css]").size());
        Document plain = Jsoup.parse(site.resolve(NO_MATH).toFile(), "UTF-8");
        assertTrue(plain.select("script[src*=katex], link[href*=katex], script[src$=math.js]").isEmpty(), "no math, no KaTeX");
    }

    @Test
    void typesetsInlineMathInProseListsAndTableHeadersOverHttp() {
        open(server.url(INLINE));
        assertEquals(0L, browser.js("return document.querySelectorAll('code.math').length;"), "every formula typeset");
        assertEquals(List.of("d_m", "d_{ff}", "d_{kv}", "n_h", "n_e/n_d"), browser.js("return Array.from("
                + "document.querySelectorAll('thead .math-typeset annotation')).map(a => a.textContent);"));
        assertTrue((Boolean) browser.js("return Array.from(document.querySelectorAll('.prose .math-typeset annotation'))"
                + ".some(a => a.textContent === '\\\\beta_{1} = 0.9');"), "bert-base-uncased's \\\\(…\\\\)");
        assertTrue((Long) browser.js("return document.querySelectorAll('li .math-typeset .katex-html').length;") >= 3);
        assertTrue((Boolean) browser.js("return document.fonts.check('1em KaTeX_Main');"), "the site's own KaTeX fonts");
        assertEquals("KaTeX_Math", browser.js("return getComputedStyle(document.querySelector("
                + "'.prose .math-typeset .mord.mathnormal')).fontFamily;"));
    }

    @Test
    void typesetsDisplayMathFromFile() {
        open(site.resolve(DISPLAY).toUri().toString());
        assertEquals(1L, browser.js("return document.querySelectorAll('.math-typeset-display .katex-display').length;"));
        assertEquals(0L, browser.js("return document.querySelectorAll('pre.math, code.math').length;"));
        assertTrue(((String) browser.js("return document.querySelector('.katex-display annotation').textContent;"))
                .startsWith("\\mathrm{top\\!-\\!2\\; acc}=\\frac{1}{|\\mathcal{O}|}"));
    }

    @Test
    void aPageWithoutMathLoadsNoKatex() {
        open(server.url(NO_MATH));
        assertFalse((Boolean) browser.js("return typeof window.katex !== 'undefined';"));
    }

    @Test
    void typesetMathAndTaskListsPassAxe() {
        for (String page : List.of(INLINE, DISPLAY, "models/transformer-vae/index.html")) {
            open(server.url(page));
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
            assertFalse(results.isErrored(), "axe failed: " + results.getErrorMessage());
            List<String> blocking = new ArrayList<>();
            for (Rule rule : results.getViolations()) {
                if (!Set.of("serious", "critical").contains(rule.getImpact())) continue;
                for (CheckedNode node : rule.getNodes()) blocking.add(rule.getId() + " " + node.getTarget());
            }
            assertTrue(blocking.isEmpty(), page + ": " + blocking);
        }
    }

    private static void open(String url) {
        if (browser == null) {
            browser = Browser.start();
            driver = browser.driver();
        }
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
        browser.js("return document.fonts.ready.then(() => true);");
    }
}
