package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed site as GitHub Pages hosts a project site: under /modelcards/ (site.yaml's base URL path), with
 * 404.html answering every missing path. Every internal link, asset and script resolves; 404.html works at
 * any depth.
 */
class SubpathHostingTest {
    /**
     * Link targets that other branches add (issue 4: benchmark and dataset pages; the JSON Schema file). They
     * are tolerated only while the build does not write them; once written they are checked like any page.
     */
    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void buildAndServe() throws IOException {
        site = SiteBuild.seed(tmp);
        server = StaticServer.startWithNotFoundPage(site, SiteBuild.PREFIX);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void crawlFindsNoBrokenLinkAssetOrScript() throws Exception {
        String base = server.url("");
        String host = base.substring(0, base.length() - SiteBuild.PREFIX.length() + 1);
        Deque<String> queue = new ArrayDeque<>();
        for (String page : SiteBuild.pages(site)) {
            queue.add(base + page); // orphan pages too, not only those reachable from the index
        }
        Map<String, Document> pages = new HashMap<>();
        Map<String, Integer> status = new HashMap<>();
        Set<String> checkedTargets = new TreeSet<>();
        List<String> broken = new ArrayList<>();
        Set<String> fragmentLinks = new LinkedHashSet<>(); // "from -> url#id"
        while (!queue.isEmpty()) {
            String url = queue.poll();
            if (pages.containsKey(url)) {
                continue;
            }
            HttpResponse<String> response = get(url);
            status.put(url, response.statusCode());
            if (response.statusCode() != 200) {
                continue; // reported where it is linked from
            }
            Document doc = Jsoup.parse(response.body(), url);
            pages.put(url, doc);
            List<String> targets = new ArrayList<>();
            for (Element e : doc.select("[href], [src]")) {
                targets.add(e.absUrl(e.hasAttr("href") ? "href" : "src"));
            }
            // site.js loads the search index on demand from data-root
            targets.add(URI.create(url).resolve(doc.body().attr("data-root") + "search-index.js").toString());
            // catalogue.js loads the catalogue's data from the form's data-src
            doc.select("#catalogue-filters[data-src]").forEach(f -> targets.add(f.absUrl("data-src")));
            for (String target : targets) {
                if (!target.startsWith(base)) {
                    if (target.startsWith(host)) {
                        broken.add(url + " -> " + target + ": outside " + SiteBuild.PREFIX);
                    }
                    continue; // external (https://…, mailto:)
                }
                String withoutFragment = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (target.contains("#") && !target.endsWith("#")) {
                    fragmentLinks.add(url + " -> " + target);
                }
                String relative = withoutFragment.substring(base.length());
                checkedTargets.add(withoutFragment);
                if (withoutFragment.endsWith(".html") || withoutFragment.endsWith("/")) {
                    queue.add(withoutFragment);
                } else if (!status.containsKey(withoutFragment)) {
                    status.put(withoutFragment, head(withoutFragment));
                }
            }
        }
        for (String target : checkedTargets) {
            int code = status.getOrDefault(target, -1);
            if (code != 200) {
                broken.add(target + " -> HTTP " + code);
            }
        }
        for (String link : fragmentLinks) {
            String target = link.substring(link.indexOf(" -> ") + 4);
            String page = target.substring(0, target.indexOf('#'));
            String id = URLDecoder.decode(target.substring(target.indexOf('#') + 1), StandardCharsets.UTF_8);
            Document doc = pages.get(page);
            if (doc != null && doc.getElementById(id) == null) {
                broken.add(link + ": no element with that id");
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " broken:\n" + String.join("\n", broken));
        assertTrue(pages.size() >= 9, "pages crawled: " + pages.keySet());
        assertTrue(checkedTargets.contains(base + "css/site.css") && checkedTargets.contains(base + "js/site.js")
                && checkedTargets.contains(base + "search-index.js") && checkedTargets.contains(base + "catalogue-data.js"),
                "assets were checked: " + checkedTargets);
        // the seed's one code block names no language, so highlight.js would do nothing: no page loads it
        assertTrue(checkedTargets.stream().noneMatch(t -> t.contains("vendor/highlightjs/")), "highlight.js: " + checkedTargets);
        assertTrue(fragmentLinks.size() >= pages.size() - 1, "a skip link per page but 404.html: " + fragmentLinks);
    }

    @Test
    void missingPathsAnswer404WithTheNotFoundPage() throws Exception {
        HttpResponse<String> response = get(server.url("no/such/page"));
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page not found"), response.body());
    }

    @Test
    void notFoundPageWorksAtAnyDepth() {
        Browser.requireChromium();
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            String missing = server.url("no/such/page");
            driver.get(missing);
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> "complete".equals(browser.js("return document.readyState;")));
            assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText());
            // site.css applied: the header is laid out as a flex row, not as unstyled blocks
            assertEquals("flex", browser.js("return getComputedStyle(document.querySelector('.site-header')).display;"));
            // the deferred scripts ran and found the search index under /modelcards/
            WebElement input = driver.findElement(By.id("search-input"));
            input.click();
            input.sendKeys("whisper");
            WebElement first = new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li[role=option]")));
            assertTrue(first.getText().startsWith("Whisper"), first.getText());
            List<String> severe = browser.severeConsoleMessages().stream()
                    .filter(m -> !(m.startsWith(missing) && m.contains("status of 404"))) // the page itself is a 404
                    .toList();
            assertTrue(severe.isEmpty(), "SEVERE console messages: " + severe);

            driver.findElement(By.cssSelector("a.home-link")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(server.url("index.html")));
            assertEquals("Model Cards", driver.findElement(By.tagName("h1")).getText());
            assertTrue(browser.severeConsoleMessages().isEmpty());
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int head(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
