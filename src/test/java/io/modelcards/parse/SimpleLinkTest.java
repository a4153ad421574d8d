package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Link;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The parser-free reading of simple link cells gives what the sanitizer and jsoup give. */
class SimpleLinkTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 3);
    private static final String URL_CHARS = "abcXYZ019._~:/?#@!$()*+,;=%-";
    private static final String HOST_CHARS = "abcXYZ019-.";
    private static final String TEXT_CHARS = "abcXYZ019._()/+,:- ";

    @Test
    void sanitizedHtmlTextAndLinksAreThoseOfTheFullPath() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Random random = new Random(11);
        int simple = 0;
        for (int i = 0; i < 5_000; i++) {
            String html = "<a href=\"" + (random.nextBoolean() ? "https://" : "http://")
                    + (random.nextInt(4) == 0 ? word(random, URL_CHARS, 10) : word(random, HOST_CHARS, 12) + ".org")
                    + (random.nextBoolean() ? "" : "/" + word(random, URL_CHARS, 40))
                    + "\">" + word(random, TEXT_CHARS, 20) + "</a>";
            SimpleLink link = SimpleLink.of(html);
            if (link == null) continue;
            simple++;
            Diagnostics d = new Diagnostics();
            assertEquals(sanitizer.cleanNow(html, AT, d), html, html);
            assertEquals(List.of(), d.all(), html);
            Element a = Jsoup.parseBodyFragment(html).selectFirst("a[href]");
            assertEquals(a.text(), link.text(), html);
            assertEquals(a.attr("href"), link.href(), html);
            assertEquals(a.text(), TableBuilder.text(html), html);
            assertEquals(List.of(Link.of(a.text(), a.attr("href"), AT)), TableBuilder.links(html, AT), html);
        }
        assertEquals(true, simple > 500, "too few generated fragments were simple links: " + simple);
    }

    @Test
    void onlyExactlyOneSafeLinkIsSimple() {
        assertNotNull(SimpleLink.of("<a href=\"https://huggingface.co/meta-llama/Llama-2-7b-hf\">Link</a>"));
        assertNull(SimpleLink.of("<a href=\"javascript:alert(1)\">x</a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/?a=1&amp;b=2\">x</a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/\" title=\"t\">x</a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/\">x</a> and <a href=\"https://b.org/\">y</a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/\">x  y</a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/\"><b>x</b></a>"));
        assertNull(SimpleLink.of("<a href=\"https://a.org/\">x &lt; y</a>"));
    }

    private static String word(Random random, String chars, int max) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) sb.append(chars.charAt(random.nextInt(chars.length())));
        return sb.toString();
    }
}
