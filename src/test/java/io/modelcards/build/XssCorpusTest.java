package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostic;
import io.modelcards.render.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XSS corpus (src/test/resources/xss/content) builds into pages with no executable construct left: no
 * inline script, no event handler, no javascript:, vbscript: or data: address. Every vector is either removed
 * with a warning at its line or shown as literal text. XssBrowserTest loads the same pages in Chromium.
 */
class XssCorpusTest {
    static final Path CONTENT = Path.of("src/test/resources/xss/content");
    /** The site's own scripts: the only script elements a page may have. */
    private static final Set<String> OWN_SCRIPTS = Set.of("js/theme-init.js", "js/site.js", "js/catalogue.js", "js/compare.js", "search-index.js",
            "vendor/highlightjs/highlight.min.js", "vendor/katex/katex.min.js", "js/math.js", "js/chart.js");
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "data",
            "srcset", "poster", "background", "xlink:href", "cite", "srcdoc");

    static BuildResult result;

    @BeforeAll
    static void render() {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(CONTENT).withReport(null));
    }

    private static List<OutputFile> pages() {
        return result.files().stream().filter(f -> f.path().endsWith(".html")).toList();
    }

    @Test
    void corpusHasAtLeastFortyVectorsAndBuildsWithoutErrors() throws Exception {
        int vectors = 0;
        for (String name : List.of("html-vectors.md", "markdown-vectors.md")) {
            vectors += (int) Files.readAllLines(CONTENT.resolve(name)).stream()
                    .filter(l -> l.contains("__xss") || l.contains("'XSS'")).count();
        }
        assertTrue(vectors >= 40, "vectors: " + vectors);
        assertFalse(result.diagnostics().hasErrors(), String.join("\n", result.diagnostics().formatted()));
        assertTrue(result.ok());
    }

    @Test
    void pagesHaveNoScriptButTheSitesOwn() {
        for (OutputFile page : pages()) {
            Document doc = Jsoup.parse(page.asText());
            for (Element script : doc.select("script")) {
                if (script.hasClass("chart-data")) {
                    // the charts' data for js/chart.js: JSON the browser never runs, with no "<" that could end it
                    assertEquals("application/json", script.attr("type"), page.path());
                    assertFalse(script.data().contains("<"), page.path() + ": " + script.data());
                    assertNotNull(script.parent(), page.path());
                    assertTrue(script.parent().is("section.model-charts"), page.path());
                    continue;
                }
                String src = script.attr("src");
                assertTrue(script.data().isBlank(), page.path() + ": inline script " + script);
                assertTrue(OWN_SCRIPTS.stream().anyMatch(src::endsWith), page.path() + ": script " + script);
            }
            assertFalse(page.asText().toLowerCase(Locale.ROOT).contains("<script>"), page.path());
        }
    }

    @Test
    void pagesHaveNoEventHandlersNorScriptAddresses() {
        for (OutputFile page : pages()) {
            Document doc = Jsoup.parse(page.asText());
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    String key = a.getKey().toLowerCase(Locale.ROOT);
                    assertFalse(key.startsWith("on"), page.path() + ": " + e.cssSelector() + " has " + a);
                    if (URL_ATTRIBUTES.contains(key)) {
                        assertFalse(isScriptUrl(a.getValue()), page.path() + ": " + e.cssSelector() + " has " + a);
                    }
                }
            }
        }
    }

    @Test
    void pagesHaveNoActiveElements() {
        for (OutputFile page : pages()) {
            if (!page.path().startsWith("models/")) continue; // other pages hold the site's own search form
            Element doc = Jsoup.parse(page.asText()).selectFirst("article");
            for (String tag : List.of("iframe", "frame", "object", "embed", "applet", "svg", "math", "form", "base",
                    "template", "noscript", "audio", "video", "style", "textarea", "select", "marquee", "isindex")) {
                assertTrue(doc.select(tag).isEmpty(), page.path() + ": <" + tag + "> " + doc.select(tag));
            }
            assertTrue(doc.select("meta[http-equiv=refresh]").isEmpty(), page.path());
            for (Element link : doc.select("link[href]")) {
                assertTrue(link.attr("href").endsWith("css/site.css") || link.attr("href").endsWith("favicon.svg")
                        || link.attr("rel").equals("canonical"), page.path() + ": " + link);
            }
            for (Element input : doc.select("input:not(#search-input)")) {
                assertEquals("checkbox", input.attr("type"), page.path() + ": " + input);
            }
        }
    }

    @Test
    void everyPageForbidsInlineScript() {
        for (OutputFile page : pages()) {
            Element csp = Jsoup.parse(page.asText()).selectFirst("meta[http-equiv=Content-Security-Policy]");
            assertTrue(csp != null, page.path() + " has no CSP");
            String policy = csp.attr("content");
            String scriptSrc = List.of(policy.split(";")).stream().map(String::strip)
                    .filter(d -> d.startsWith("script-src ")).findFirst().orElse("");
            assertEquals("script-src 'self'", scriptSrc, page.path() + ": " + policy);
            assertTrue(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"), policy);
        }
    }

    @Test
    void everyVectorIsReportedAtItsLineOrShownAsText() throws Exception {
        String pageText = pages().stream().filter(p -> p.path().startsWith("models/"))
                .map(p -> Jsoup.parse(p.asText()).text()).reduce("", String::concat);
        List<String> missing = new ArrayList<>();
        for (String name : List.of("html-vectors.md", "markdown-vectors.md")) {
            List<String> lines = Files.readAllLines(CONTENT.resolve(name));
            int bodyStart = lines.get(0).equals("---") ? lines.subList(1, lines.size()).indexOf("---") + 2 : 0;
            for (int i = bodyStart; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!(line.contains("__xss") || line.contains("'XSS'")) || line.startsWith("[r43]:")) continue;
                if (line.contains("style=\"background")) continue; // style attributes are dropped silently
                int lineNo = i + 1;
                boolean warned = result.diagnostics().all().stream().anyMatch(d ->
                        d.at().path().endsWith(name) && d.at().line() == lineNo && !d.isError());
                String n = line.replaceAll(".*__xss=(\\d+).*", "$1");
                boolean literal = pageText.contains("__xss=" + n);
                if (!warned && !literal) missing.add(name + ":" + lineNo + ": " + line);
            }
        }
        assertTrue(missing.isEmpty(), "neither warned nor shown as text:\n" + String.join("\n", missing));
    }

    @Test
    void codeStaysLiteralAndSafeTextIsKept() {
        String md = page("models/svg-onload-window-xss-82/index.html");
        Document doc = Jsoup.parse(md);
        assertTrue(doc.select("pre code").text().contains("<script>window.__xss=50</script>"), md);
        assertTrue(doc.select("p code").text().contains("<img src=x onerror=window.__xss=51>"));
        assertTrue(doc.text().contains("Escaped text <script>window.__xss=92</script> is shown as text."));
        assertTrue(doc.text().contains("<script>window.__xss=80</script>apache-2.0"), "front matter shown as text");
        for (String marker : List.of("SAFE-MARKER-MD-TOP", "SAFE-MARKER-MD-BOTTOM")) assertTrue(doc.text().contains(marker));
        Document html = Jsoup.parse(page("models/html-vectors/index.html"));
        for (String marker : List.of("SAFE-MARKER-HTML-TOP", "SAFE-MARKER-HTML-BOTTOM", "a safe link with a handler",
                "opened", "custom element")) {
            assertTrue(html.text().contains(marker), marker);
        }
        assertEquals("https://example.org/", html.select("a:contains(a safe link with a handler)").attr("href"));
        // the card has front matter, so "# <script>…</script>Named model" is a section heading of it
        assertEquals("Named model", doc.selectFirst("h2:contains(Named model) > span").text());
    }

    @Test
    void removalsAreWarningsWithFileAndLine() {
        List<Diagnostic> removals = result.diagnostics().all().stream()
                .filter(d -> d.message().startsWith("removed unsafe HTML")).toList();
        assertTrue(removals.size() >= 40, "removals: " + removals.size());
        for (Diagnostic d : removals) {
            assertFalse(d.isError(), d.format());
            assertTrue(d.at().line() > 0, d.format());
        }
        assertTrue(result.diagnostics().formatted().contains(
                "src/test/resources/xss/content/markdown-vectors.md:14: warning: removed unsafe HTML: unsafe URL in"
                        + " href of <a>: javascript:window.__xss=39"), String.join("\n", result.diagnostics().formatted()));
    }

    private static String page(String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path)).asText();
    }

    static boolean isScriptUrl(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) if (c > ' ') b.append(c);
        String v = b.toString();
        return v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:");
    }
}
