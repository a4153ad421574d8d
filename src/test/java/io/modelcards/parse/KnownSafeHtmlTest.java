package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** HTML the sanitizer is skipped for is exactly what the sanitizer would have returned, with no warning. */
class KnownSafeHtmlTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 1);
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private static final String[] TOKENS = {"<p>", "</p>", "<strong>", "</strong>", "<em>", "</em>", "<code>",
        "</code>", "<del>", "</del>", "<a href=\"https://a.org/x?y=1#z\">", "<a href=\"http://b.example/\">", "</a>",
        "<br>", "<br />", "text", " ", "\n", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "é", "'", "\"", "<a>",
        "<a href=\"javascript:alert(1)\">", "<img src=\"https://a.org/i.png\">", "<b>", "\u00A0", "x > y"};

    private void assertSameAsSanitizer(String html) {
        Diagnostics d = new Diagnostics();
        assertEquals(sanitizer.cleanNow(html, AT, d), html, html);
        assertEquals(List.of(), d.all(), html);
    }

    @Test
    void randomTokenSoupThatPassesIsUnchangedBySanitizing() {
        Random random = new Random(17);
        int passed = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(10);
            for (int k = 0; k < n; k++) sb.append(TOKENS[random.nextInt(TOKENS.length)]);
            String html = sb.toString();
            if (!KnownSafeHtml.is(html)) continue;
            passed++;
            assertSameAsSanitizer(html);
        }
        assertTrue(passed > 1_000, "too few passing samples: " + passed);
    }

    @Test
    void paragraphsOfRealCardsThatPassAreUnchangedBySanitizing() throws Exception {
        MarkdownEngine markdown = new MarkdownEngine();
        int passed = 0;
        List<Path> cards;
        try (Stream<Path> s = Stream.concat(Files.walk(TestContent.SEED), Files.walk(TestContent.PROJECT.resolve("src/test/resources/wild")))) {
            cards = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path card : cards) {
            for (Node n = markdown.parse(Files.readString(card)).getFirstChild(); n != null; n = n.getNext()) {
                String html = markdown.render(n);
                if (!KnownSafeHtml.is(html)) continue;
                passed++;
                assertSameAsSanitizer(html);
            }
        }
        assertTrue(passed > 10, "too few paragraphs of the seed took the shortcut: " + passed);
    }

    @Test
    void badlyNestedOrUnsafeHtmlTakesTheFullPath() {
        for (String html : List.of("<em>unclosed", "<p>a<p>b</p></p>", "<strong><p>x</p></strong>", "<a href=\"https://a.org/\"><a href=\"https://b.org/\">x</a></a>",
                "<em>x</strong>", "<a href=\"javascript:alert(1)\">x</a>", "<p onclick=\"x\">y</p>", "say &quot;hi&quot;", "a\u00A0b")) {
            assertFalse(KnownSafeHtml.is(html), html);
        }
    }
}
