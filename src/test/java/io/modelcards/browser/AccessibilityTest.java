package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (4.11.1, bundled in com.deque.html.axe-core:selenium from Maven Central) finds no serious or
 * critical violation on the index, two model pages, the benchmark index, a leaderboard and a dataset page of the
 * seed site, in both themes.
 */
class AccessibilityTest {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = SiteBuild.seed(tmp);
        server = StaticServer.start(site, SiteBuild.PREFIX);
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

    static Stream<Arguments> pagesAndThemes() {
        // benchmarks/index.html comes with the benchmark pages (issue 4); until then the Whisper page stands in
        String benchmark = Files.isRegularFile(site.resolve("benchmarks/index.html"))
                ? "benchmarks/index.html" : "models/whisper/index.html";
        List<Arguments> cases = new ArrayList<>();
        // IDEFICS: grouped rows, pinned label columns, coloured changes; Llama v2: corrected links and their notes;
        // a leaderboard with its shot filter on (chips, status, † marks, chart) and a dataset page listing leaderboards
        for (String page : List.of("index.html", "models/idefics/index.html", "models/llama-v2/index.html", benchmark,
                "benchmarks/vqav2/index.html?shots=0", "datasets/coco/index.html")) {
            for (String theme : List.of("light", "dark")) {
                cases.add(Arguments.of(page, theme));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pagesAndThemes")
    void hasNoSeriousOrCriticalViolations(String page, String theme) {
        open(page, theme);
        List<String> blocking = blockingViolations();
        assertTrue(blocking.isEmpty(), page + " (" + theme + "): " + String.join("\n", blocking));
    }

    @Test
    void sortedTableAndOpenSearchResultsStayAccessible() {
        open("models/idefics/index.html", "light");
        browser.js("document.querySelector('table.sortable thead button.sort').click();");
        browser.js("const i = document.getElementById('search-input'); i.focus(); i.value = 'idefics';"
                + " i.dispatchEvent(new Event('input'));");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                browser.js("return !document.getElementById('search-results').hidden;")));
        List<String> blocking = blockingViolations();
        assertTrue(blocking.isEmpty(), String.join("\n", blocking));
    }

    @Test
    void comparePageWithTwoModelsIsAccessibleInBothThemes() {
        for (String theme : List.of("light", "dark")) {
            open("compare.html?m=idefics&m=llama-v2", theme);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    browser.js("return document.querySelector('table.compare-table') !== null;")));
            List<String> blocking = blockingViolations();
            assertTrue(blocking.isEmpty(), "compare.html (" + theme + "): " + String.join("\n", blocking));
        }
    }

    @Test
    void axeReportsAnImageWithoutAlternativeText() {
        open("index.html", "light");
        browser.js("const img = document.createElement('img'); img.src = 'img/favicon.svg';"
                + " document.getElementById('main').appendChild(img);");
        List<String> blocking = blockingViolations();
        assertTrue(blocking.stream().anyMatch(v -> v.startsWith("image-alt")), "axe works: " + blocking);
    }

    private static void open(String page, String theme) {
        driver.get(server.url(page));
        browser.js("localStorage.setItem('modelcards-theme', arguments[0]);", theme);
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    private static List<String> blockingViolations() {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        assertTrue(!results.isErrored(), "axe failed: " + results.getErrorMessage());
        List<String> out = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!BLOCKING.contains(rule.getImpact())) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (CheckedNode node : rule.getNodes()) {
                targets.add(node.getTarget() + " " + node.getFailureSummary().replace('\n', ' '));
            }
            out.add(rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + ": "
                    + targets.subList(0, Math.min(5, targets.size())));
        }
        return out;
    }
}
