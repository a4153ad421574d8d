package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The allow-list keeps what model cards need and removes the rest, reporting each removal at its line. */
class HtmlSanitizerTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 7);
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html, Diagnostics d) {
        return sanitizer.clean(html, AT, d);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<table><thead><tr><th colspan=\"2\">A</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr></tbody></table>",
        "<a href=\"https://example.org/x\">x</a>",
        "<a href=\"http://example.org/\">x</a>",
        "<a href=\"mailto:me@example.org\">me</a>",
        "<a href=\"../other/index.html\">rel</a>",
        "<a href=\"#usage\">anchor</a>",
        "<img src=\"https://example.org/a.png\" alt=\"badge\">",
        "<img src=\"img/local.png\" alt=\"local\">",
        "<pre><code class=\"language-python\">print(1)</code></pre>",
        "<details><summary>More</summary><p>hidden</p></details>",
        "H<sub>2</sub>O x<sup>2</sup><br>next",
        "<figure><figcaption>cap</figcaption></figure>"})
    void keepsWhatCardsUse(String html) {
        Diagnostics d = new Diagnostics();
        assertEquals(html, clean(html, d));
        assertTrue(d.all().isEmpty(), d.formatted().toString());
    }

    @Test
    void nobrBecomesANoWrapSpan() {
        assertEquals("<span class=\"nowrap\">7B params</span>", clean("<nobr>7B params</nobr>", new Diagnostics()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<script>x=1</script>ok | ok | removed unsafe HTML: <script> element",
        "<style>p{}</style>ok | ok | removed unsafe HTML: <style> element",
        "<iframe src=\"https://e.org\"></iframe>ok | ok | removed unsafe HTML: <iframe> element",
        "<object data=\"x\"></object>ok | ok | removed unsafe HTML: <object> element",
        "<embed src=\"x\">ok | ok | removed unsafe HTML: <embed> element",
        "<form><p>ok</p></form> | <p>ok</p> | removed unsafe HTML: <form> element",
        "<p onclick=\"x()\">ok</p> | <p>ok</p> | removed unsafe HTML: event handler onclick on <p>",
        "<a href=\"javascript:x()\">ok</a> | <a>ok</a> | removed unsafe HTML: unsafe URL in href of <a>: javascript:x()",
        "<a href=\"VBScript:x\">ok</a> | <a>ok</a> | removed unsafe HTML: unsafe URL in href of <a>: VBScript:x",
        "<a href=\"jav&#x09;ascript:x()\">ok</a> | <a>ok</a> | removed unsafe HTML: unsafe URL in href of <a>: jav ascript:x()",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"pic\"> | pic | removed unsafe HTML: unsafe URL in src of <img>: data:image/png;base64,AAAA",
        "<center>ok</center> | ok | removed unsupported HTML: <center> element (its text is kept)"})
    void removesAndReportsTheRest(String html, String expected, String warning) {
        Diagnostics d = new Diagnostics();
        assertEquals(expected, clean(html, d));
        assertEquals(List.of("content/a.md:7: warning: " + warning), d.formatted());
    }

    @Test
    void presentationAttributesGoSilently() {
        Diagnostics d = new Diagnostics();
        assertEquals("<p>ok</p>", clean("<p align=\"center\" style=\"color:red\" id=\"x\">ok</p>", d));
        assertTrue(d.all().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[x](javascript:alert(1)) | 3 | unsafe URL in href of <a>: javascript:alert(1)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=) | 3 | unsafe URL in src of <img>: data:image/svg+xml;base64,PHN2Zz4=",
        "<javascript:alert(1)> | 3 | unsafe URL in href of <a>: javascript:alert(1)",
        "[x][r]\\n\\n[r]: javascript:alert(1) | 3 | unsafe URL in href of <a>: javascript:alert(1)",
        "[x](jav&#x09;ascript:alert(1)) | 3 | unsafe URL in href of <a>: jav ascript:alert(1)",
        "text\\n\\n- one\\n- [x](vbscript:alert(1)) | 6 | unsafe URL in href of <a>: vbscript:alert(1)"})
    void markdownLinksAndImagesFollowTheSameRules(String markdown, int line, String warning) {
        Diagnostics d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md", "# M\n\n" + markdown.replace("\\n", "\n") + "\n", d);
        assertEquals(List.of("content/a.md:" + line + ": warning: removed unsafe HTML: " + warning), d.formatted());
        for (Block b : models.get(0).blocks()) {
            String html = b instanceof Block.Prose p ? p.html() : b instanceof Block.ListBlock l ? String.join("", l.items()) : "";
            for (var e : org.jsoup.Jsoup.parseBodyFragment(html).select("[href], [src]")) {
                assertTrue(HtmlSanitizer.isSafeUrl(e.attr("href")) && HtmlSanitizer.isSafeUrl(e.attr("src")), html);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:x", " JavaScript:x", "java\tscript:x", "vbscript:x", "data:text/html,x",
        "\u0001javascript:x"})
    void scriptAddressesAreUnsafe(String url) {
        assertFalse(HtmlSanitizer.isSafeUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://e.org", "http://e.org", "mailto:a@b.c", "a/b.html", "#x", "?q=a:b", "a/b:c"})
    void webAddressesAreSafe(String url) {
        assertTrue(HtmlSanitizer.isSafeUrl(url));
    }
}
