package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Link;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The parser-free reading of simple link cells gives what the sanitizer and jsoup give, and reads exactly what its
 * pattern matches.
 */
class SimpleLinkTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 3);
    private static final String URL_CHARS = "abcXYZ019._~:/?#@!$()*+,;=%-";
    private static final String HOST_CHARS = "abcXYZ019-.";
    private static final String TEXT_CHARS = "abcXYZ019._()/+,:- ";
    private static final Pattern SHAPE = Pattern.compile(SimpleLink.SHAPE);

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

    /** 1 to {@code max} characters of {@code chars}. */
    private static String word(Random random, String chars, int max) {
        return pick(random, chars, 1, max);
    }

    private static SimpleLink byPattern(String html) {
        Matcher m = SHAPE.matcher(html);
        return m.matches() ? new SimpleLink(m.group(1), m.group(2)) : null;
    }

    /** {@code min} to {@code max} characters of {@code chars}. */
    private static String pick(Random random, String chars, int min, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) sb.append(chars.charAt(random.nextInt(chars.length())));
        return sb.toString();
    }

    @Test
    void readsWhatThePatternMatches() {
        Random random = new Random(5);
        List<String> schemes = List.of("https://", "http://", "htt://", "https:/", "");
        String host = "ab9.-_Z";
        String path = "/a.b_~?#=%+,;()!$*:-\"<> ";
        String text = "aZ0._()/+,:- \"<>&é";
        int matched = 0;
        for (int k = 0; k < 400_000; k++) {
            String url = schemes.get(random.nextInt(schemes.size())) + pick(random, host, 0, 8)
                    + (random.nextBoolean() ? pick(random, path, 0, 6) : "");
            String html = (random.nextInt(20) == 0 ? "<a href='" : "<a href=\"") + url
                    + (random.nextInt(20) == 0 ? "\" >" : "\">") + pick(random, text, 0, 7) + "</a>";
            SimpleLink expected = byPattern(html);
            if (expected != null) matched++;
            assertEquals(expected, SimpleLink.of(html), html);
        }
        assertEquals(true, matched > 2_000, "matched " + matched);
        assertEquals(new SimpleLink("https://hf.co/x", "Link"), SimpleLink.of("<a href=\"https://hf.co/x\">Link</a>"));
        assertNull(SimpleLink.of("<a href=\"https://-x.org\">Link</a>"));
        assertNull(SimpleLink.of("<a href=\"https://x..org\">Link</a>"));
        assertNull(SimpleLink.of("<a href=\"http\"></a>"));
    }
}
