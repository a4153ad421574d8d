package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.modelcards.TestContent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalogue's filters, sorts and pages in Chromium, on the seed plus 120 small Hub cards (the seed's cards name no
 * task, license or organisation, and six cards make one page): served under /modelcards/ as GitHub Pages serves a
 * project site, and from file://. The state is kept in the address; without JavaScript the static pages list every
 * model.
 */
class CatalogueBrowserTest {
    private static final String[] ORGS = {"acme", "globex", "initech"};
    private static final String[] SIZES = {"350M", "1B", "7B", "13B", "70B"};
    private static final String[] LICENSES = {"mit", "apache-2.0", "llama2", ""};
    private static final String[] TASKS = {"text-generation", "automatic-speech-recognition", ""};
    private static final int CARDS = 120;
    private static final String ASR = "automatic-speech-recognition";

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    /** One generated card: Tiny-i with a size in its name, in org ORGS[i % 3]. */
    record Card(int i) {
        String name() {
            return "Tiny-" + i + " " + SIZES[i % 5];
        }

        String org() {
            return ORGS[i % 3];
        }

        String license() {
            return LICENSES[i % 4];
        }

        String task() {
            return TASKS[i % 7 % 3];
        }
    }

    static List<Card> cards(Predicate<Card> which) {
        List<Card> out = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) if (which.test(new Card(i))) out.add(new Card(i));
        return out;
    }

    @BeforeAll
    static void buildAndStart() throws IOException {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        for (String f : List.of("model-cards.md", "curated.yaml", "site.yaml")) {
            Files.copy(TestContent.SEED.resolve(f), content.resolve(f));
        }
        for (Card c : cards(c -> true)) {
            Path dir = content.resolve(c.org()).resolve("tiny-" + c.i());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("README.md"), "---\n"
                    + (c.license().isEmpty() ? "" : "license: " + c.license() + "\n")
                    + (c.task().isEmpty() ? "" : "pipeline_tag: " + c.task() + "\n")
                    + "tags: [test]\n---\n# " + c.name() + "\n\n" + c.name() + " is a small card of the catalogue test.\n");
        }
        // the catalogue's data split as a large site's is (CatalogueData.files): every test below reads all four files
        System.setProperty(io.modelcards.render.SiteRenderer.PART_BYTES_PROPERTY, "4000");
        try {
            site = SiteBuild.build(content, tmp);
        } finally {
            System.clearProperty(io.modelcards.render.SiteRenderer.PART_BYTES_PROPERTY);
        }
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
    void noConsoleErrors() {
        if (browser == null) return;
        List<String> severe = browser.severeConsoleMessages();
        assertTrue(severe.isEmpty(), "SEVERE browser console messages: " + severe);
    }

    // ---------------------------------------------------------------- without JavaScript

    @Test
    void staticPagesListEveryModelInNameOrderWithAPager() throws Exception {
        Document first = Jsoup.parse(get(server.url("index.html")), server.url("index.html"));
        List<String> names = first.select("#catalogue-cards > li h2 a").eachText();
        assertEquals(100, names.size());
        assertEquals(List.of("DistilBERT base uncased finetuned SST-2", "Grounding DINO", "IDEFICS", "Llama v2",
                "Segment Anything", "Tiny-0 350M", "Tiny-1 1B", "Tiny-2 7B"), names.subList(0, 8));
        assertEquals("Tiny-94 70B", names.get(99), "numbers in names by value: Tiny-9 before Tiny-10");
        assertEquals("page/2/index.html", first.selectFirst("#catalogue-pager a[rel=next]").attr("href"));
        assertTrue(first.selectFirst("#catalogue-filters").hasAttr("hidden"), "the form needs the script");
        assertEquals("126 models, 7 tables Page 1 of 2: models 1–100.", first.selectFirst("#catalogue-status").text());

        Document second = Jsoup.parse(get(server.url("page/2/index.html")), server.url("page/2/index.html"));
        List<String> rest = second.select("#catalogue-cards > li h2 a").eachText();
        assertEquals(26, rest.size());
        assertEquals("Tiny-95 350M", rest.get(0));
        assertEquals("Whisper", rest.get(25));
        assertEquals(server.url("index.html"), second.selectFirst("#catalogue-pager a[rel=prev]").absUrl("href"));
        assertEquals(server.url("models/acme-tiny-96/index.html"),
                second.selectFirst("#catalogue-cards a[href*=tiny-96]").absUrl("href"));
        assertEquals("Task: text-generation License: llama2 Organisation: initech",
                second.selectFirst("#catalogue-cards a[href*=tiny-98]").parent().parent().selectFirst(".tags").text());
        assertTrue(Files.size(site.resolve("index.html")) < 200_000);
    }

    // ---------------------------------------------------------------- filters, sorts, pages

    @Test
    void readsTheDataFromEveryOneOfItsFilesInOrder() throws Exception {
        String main = Files.readString(site.resolve("catalogue-data.js"));
        assertTrue(main.endsWith("],\"parts\":[\"catalogue-data-2.js\",\"catalogue-data-3.js\",\"catalogue-data-4.js\"]};\n"),
                main.substring(Math.max(0, main.length() - 200)));
        assertTrue(Files.isRegularFile(site.resolve("catalogue-data-4.js")));
        assertFalse(Files.exists(site.resolve("catalogue-data-5.js")));
        open(server.url("index.html?sort=size-asc"));
        // the last file holds the end of the name order: Whisper (39M, the smallest) comes first now
        waitFor(d -> !shownNames().isEmpty() && shownNames().get(0).equals("Whisper"));
        assertEquals(126L, browser.js("return window.MODELCARDS_CATALOGUE.models.length;"));
        assertEquals(List.of("DistilBERT base uncased finetuned SST-2", "Grounding DINO"),
                browser.js("return window.MODELCARDS_CATALOGUE.models.slice(0, 2).map(function (m) { return m[0]; });"));
        assertEquals("undefined", browser.js("return typeof window.MODELCARDS_CATALOGUE_PART;"));
    }

    @Test
    void filtersByTaskAndLicenseAndKeepsTheStateInTheAddress() {
        open(server.url("index.html"));
        assertFalse(driver.findElement(By.id("catalogue-filters")).getAttribute("hidden") != null);
        new Select(driver.findElement(By.id("filter-task"))).selectByValue(ASR);
        waitForQuery("?task=" + ASR);
        List<String> asr = names(cards(c -> c.task().equals(ASR)));
        assertEquals(asr, shownNames());
        assertEquals(asr.size() + " of 126 models match.", status());
        assertEquals(List.of("Task: " + ASR), List.copyOf(Set.copyOf(shownTasks())));

        new Select(driver.findElement(By.id("filter-license"))).selectByValue("mit");
        waitForQuery("?task=" + ASR + "&license=mit");
        List<String> asrMit = names(cards(c -> c.task().equals(ASR) && c.license().equals("mit")));
        assertFalse(asrMit.isEmpty());
        assertEquals(asrMit, shownNames());

        driver.navigate().refresh(); // a shared address shows the same list
        waitUntilLoaded();
        waitFor(d -> shownNames().equals(asrMit));
        assertEquals(ASR, new Select(driver.findElement(By.id("filter-task"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("mit", new Select(driver.findElement(By.id("filter-license"))).getFirstSelectedOption().getAttribute("value"));

        driver.findElement(By.cssSelector("#catalogue-filters button[type=reset]")).click();
        waitFor(d -> "".equals(browser.js("return location.search;")) && shownNames().size() == 100);
        assertEquals("126 models, 7 tables Page 1 of 2: models 1–100.", status());
    }

    @Test
    void unknownFindsTheCardsThatNameNoLicense() {
        open(server.url("index.html?license=unknown"));
        List<String> expected = new ArrayList<>(List.of("DistilBERT base uncased finetuned SST-2", "Grounding DINO",
                "IDEFICS", "Llama v2", "Segment Anything"));
        expected.addAll(names(cards(c -> c.license().isEmpty())));
        expected.add("Whisper");
        waitFor(d -> shownNames().equals(expected));
    }

    @Test
    void sortsBySizeAndPagesTheSortedListWithBackWorking() {
        open(server.url("index.html"));
        new Select(driver.findElement(By.id("filter-sort"))).selectByValue("size");
        waitForQuery("?sort=size");
        List<String> shown = shownNames();
        assertEquals(100, shown.size());
        List<String> seventy = new ArrayList<>(List.of("IDEFICS", "Llama v2"));
        seventy.addAll(names(cards(c -> c.name().endsWith(" 70B"))));
        assertEquals(seventy, shown.subList(0, seventy.size()), "80B, then the 70B ones in name order");

        driver.findElement(By.cssSelector("#catalogue-pager a[rel=next]")).click();
        waitForQuery("?sort=size&page=2");
        List<String> second = shownNames();
        assertEquals(26, second.size());
        assertEquals(List.of("DistilBERT base uncased finetuned SST-2", "Grounding DINO", "Segment Anything"),
                second.subList(23, 26), "models without a size come last");
        assertEquals("Page 2 of 2: models 101–126.", browser.js(
                "return document.querySelector('#catalogue-status .showing').textContent;"));

        driver.navigate().back();
        waitForQuery("?sort=size");
        waitFor(d -> shownNames().equals(shown));

        new Select(driver.findElement(By.id("filter-sort"))).selectByValue("size-asc");
        waitForQuery("?sort=size-asc");
        assertEquals("Whisper", shownNames().get(0), "39M is the smallest");
        new Select(driver.findElement(By.id("filter-sort"))).selectByValue("results");
        waitForQuery("?sort=results");
        assertEquals("IDEFICS", shownNames().get(0));
    }

    @Test
    void worksWithTheKeyboard() {
        open(server.url("index.html"));
        WebElement sort = driver.findElement(By.id("filter-sort"));
        sort.sendKeys(Keys.ARROW_DOWN); // a closed select changes its value, as on Windows and Linux
        waitForQuery("?sort=size");
        WebElement org = driver.findElement(By.id("filter-org"));
        org.sendKeys("GLOB");
        waitForQuery("?org=GLOB&sort=size");
        List<String> globex = new ArrayList<>(names(cards(c -> c.org().equals("globex"))));
        assertEquals(Set.copyOf(globex), Set.copyOf(shownNames()));
        org.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitForQuery("?sort=size");
        // the pager's links are links: Tab reaches them and Enter follows them
        WebElement next = driver.findElement(By.cssSelector("#catalogue-pager a[rel=next]"));
        next.sendKeys(Keys.ENTER);
        waitForQuery("?sort=size&page=2");
        assertEquals("catalogue-status", browser.js("return document.activeElement.id;"), "focus moves to the list");
    }

    @Test
    void cardsMadeInTheBrowserAreThoseOfTheStaticPage() {
        open(server.url("index.html"));
        String fromTemplate = cardsHtml();
        new Select(driver.findElement(By.id("filter-sort"))).selectByValue("size");
        waitForQuery("?sort=size");
        new Select(driver.findElement(By.id("filter-sort"))).selectByValue("name");
        waitFor(d -> "".equals(browser.js("return location.search;")));
        assertEquals(fromTemplate, cardsHtml());
    }

    @Test
    void theFormOfAnotherPageLeadsToTheFirstPageFiltered() {
        open(server.url("page/2/index.html"));
        new Select(driver.findElement(By.id("filter-license"))).selectByValue("llama2");
        driver.findElement(By.cssSelector("#catalogue-filters button.apply")).click();
        waitFor(d -> d.getCurrentUrl().equals(server.url("index.html?license=llama2")));
        waitUntilLoaded();
        waitFor(d -> shownNames().equals(names(cards(c -> c.license().equals("llama2")))));
    }

    @Test
    void worksFromFileAddresses() {
        open(site.resolve("index.html").toUri() + "?task=text-generation&size=7-14b");
        List<String> expected = names(cards(c -> c.task().equals("text-generation")
                && (c.name().endsWith(" 7B") || c.name().endsWith(" 13B"))));
        waitFor(d -> shownNames().equals(expected));
        new Select(driver.findElement(By.id("filter-size"))).selectByValue("0-1b");
        waitFor(d -> shownNames().equals(names(cards(c -> c.task().equals("text-generation")
                && c.name().endsWith(" 350M")))));
        waitForQuery("?task=text-generation&size=0-1b"); // Chromium lets a file:// page change its query
        String href = (String) browser.js("return document.querySelector('#catalogue-cards a').href;");
        assertTrue(href.startsWith(site.toUri() + "models/"), href);
    }

    @Test
    void aFilteredPageWithItsPagerHasNoSeriousAccessibilityViolation() {
        open(server.url("index.html?sort=size&page=2"));
        waitFor(d -> shownNames().size() == 26);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (Set.of("serious", "critical").contains(rule.getImpact())) blocking.add(rule.getId() + ": " + rule.getHelp());
        }
        assertTrue(blocking.isEmpty(), String.join("\n", blocking));
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> names(List<Card> cards) {
        return cards.stream().map(Card::name).toList();
    }

    private static void open(String url) {
        driver.get(url);
        waitUntilLoaded();
    }

    private static void waitUntilLoaded() {
        waitFor(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    private static void waitForQuery(String query) {
        waitFor(d -> query.equals(browser.js("return location.search;"))
                && browser.js("return document.getElementById('catalogue-cards').getAttribute('aria-busy');") == null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownNames() {
        return (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#catalogue-cards > li h2 a'), a => a.textContent);");
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownTasks() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('#catalogue-cards > li .tags li'),"
                + " li => li.textContent).filter(t => t.startsWith('Task'));");
    }

    private static String status() {
        return (String) browser.js("return document.getElementById('catalogue-status').textContent;");
    }

    /** The list's markup without the spaces between tags that the template's indentation leaves. */
    private static String cardsHtml() {
        return ((String) browser.js("return document.getElementById('catalogue-cards').innerHTML;"))
                .replaceAll(">\\s+<", "><").strip();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
