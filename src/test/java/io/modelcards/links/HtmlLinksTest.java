package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Marking external links without a parse gives exactly what the jsoup pass gives. */
class HtmlLinksTest {
    @Test
    void loneAnchorsAreMarkedAsJsoupMarksThem() {
        Random random = new Random(5);
        String urlChars = "abcXYZ019._~:/?#=%+,;()!$*@-[]|{}é";
        String textChars = "abcXYZ019 ._()/+,:-\"'=é→";
        for (int i = 0; i < 5_000; i++) {
            String scheme = List.of("https://", "http://", "//", "HTTPS://", "ftp://", "/", "#", "").get(random.nextInt(8));
            String html = "<a href=\"" + scheme + word(random, urlChars, 30) + "\">" + word(random, textChars, 15) + "</a>";
            assertEquals(HtmlLinks.markExternalParsed(html), HtmlLinks.markExternal(html), html);
        }
        for (String html : List.of("<a href=\"https://a.org/\">x</a> and more", "<a href=\"https://a.org/?a=1&amp;b=2\">x</a>",
                "<a href=\"https://a.org/\" title=\"t\">x</a>", "<a href=\"https://a.org/\">x &amp; y</a>",
                "<a href=\"https://a.org/\"><b>x</b></a>", "<a href=\"https://a.org/\">x\u00A0y</a>", "<a href=\"https://a.org/\"></a>")) {
            assertEquals(HtmlLinks.markExternalParsed(html), HtmlLinks.markExternal(html), html);
        }
        assertEquals("<a href=\"https://a.org/x\" rel=\"noopener noreferrer\" class=\"ext\">Link</a>",
                HtmlLinks.markExternal("<a href=\"https://a.org/x\">Link</a>"));
    }

    private static String word(Random random, String chars, int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) sb.append(chars.charAt(random.nextInt(chars.length())));
        return sb.toString();
    }
}
