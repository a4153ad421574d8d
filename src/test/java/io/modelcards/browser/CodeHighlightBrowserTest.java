package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Code blocks with a language are highlighted by highlight.js (unpacked from org.webjars:highlightjs at build
 * time into the bundled site-assets); without JavaScript they are plain escaped text. Uses the small golden
 * content, whose card has a ```python block.
 */
class CodeHighlightBrowserTest {
    private static final String PAGE = "models/tiny-lm/index.html";

    @TempDir
    static Path tmp;
    private static Path site;
    private static StaticServer server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void build() throws IOException {
        site = SiteBuild.build(TestContent.PROJECT.resolve("src/test/resources/golden/small/content"), tmp);
        server = StaticServer.start(site, "/repo/");
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
    void noConsoleErrors() {
        if (browser != null) {
            List<String> severe = browser.severeConsoleMessages();
            assertTrue(severe.isEmpty(), "SEVERE browser console messages: " + severe);
        }
    }

    @Test
    void siteShipsHighlightJsAndBothThemesFromTheWebjar() throws IOException {
        String js = Files.readString(site.resolve("vendor/highlightjs/highlight.min.js"), StandardCharsets.UTF_8);
        assertTrue(js.startsWith("/*!\n  Highlight.js v11.10.0"), js.substring(0, 60));
        assertTrue(js.contains("License: BSD-3-Clause"));
        for (String css : List.of("github.min.css", "github-dark.min.css")) {
            assertTrue(Files.readString(site.resolve("vendor/highlightjs/" + css)).contains(".hljs"), css);
        }
    }

    @Test
    void onlyPagesWithCodeLoadHighlightJs() throws IOException {
        assertEquals(3, highlightJsReferences(PAGE), "the script and both themes on the page with code");
        for (String page : List.of("index.html", "models/whisper/index.html", "search.html", "404.html")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page);
            assertEquals(0, highlightJsReferences(page), page + " has no code, so it loads no highlight.js");
        }
    }

    private static long highlightJsReferences(String page) throws IOException {
        return Jsoup.parse(site.resolve(page).toFile(), "UTF-8").select("script[src], link[href]").stream()
                .filter(e -> (e.attr("src") + e.attr("href")).contains("vendor/highlightjs/")).count();
    }

    @Test
    void withoutJavaScriptTheCodeIsPlainEscapedText() throws IOException {
        Element code = Jsoup.parse(site.resolve(PAGE).toFile(), "UTF-8").selectFirst("pre.code > code.language-python");
        assertEquals(0, code.children().size(), "no markup inside the code");
        assertEquals("print(\"# not a heading\")\n", code.wholeText());
    }

    @Test
    void highlightsByLanguageAndFollowsTheTheme() {
        startBrowser();
        driver.get(server.url(PAGE));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
        assertEquals("print(\"# not a heading\")\n",
                browser.js("return document.querySelector('pre.code code').textContent;"), "the text is unchanged");
        assertTrue(driver.findElement(By.cssSelector("pre.code code")).getAttribute("class").contains("hljs"));
        String string = tokenColour(".hljs-string");
        assertNotEquals(colour("pre.code code"), string, "strings are coloured");
        assertTrue(driver.findElements(By.cssSelector("pre.code code .hljs-built_in")).size() == 1, "print is a built-in");

        driver.findElement(By.id("theme-toggle")).click();
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme;"));
        String darkString = tokenColour(".hljs-string");
        assertNotEquals(string, darkString, "the dark highlight.js theme applies after the toggle");
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
        assertEquals(darkString, tokenColour(".hljs-string"), "and after a reload");
        browser.js("localStorage.removeItem('modelcards-theme');");
    }

    private static String tokenColour(String selector) {
        return colour("pre.code code " + selector);
    }

    private static String colour(String selector) {
        return (String) browser.js("return getComputedStyle(document.querySelector(arguments[0])).color;", selector);
    }

    private static void startBrowser() {
        if (browser == null) {
            browser = Browser.start();
            driver = browser.driver();
        }
    }
}
