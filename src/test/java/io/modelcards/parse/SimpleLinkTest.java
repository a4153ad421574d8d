package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simple link cell is read by hand exactly as its pattern reads it. */
class SimpleLinkTest {
    private static final Pattern SHAPE = Pattern.compile(SimpleLink.SHAPE);

    private static SimpleLink byPattern(String html) {
        Matcher m = SHAPE.matcher(html);
        return m.matches() ? new SimpleLink(m.group(1), m.group(2)) : null;
    }

    private static String pick(Random random, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
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
            String url = schemes.get(random.nextInt(schemes.size())) + pick(random, host, 8)
                    + (random.nextBoolean() ? pick(random, path, 6) : "");
            String html = (random.nextInt(20) == 0 ? "<a href='" : "<a href=\"") + url
                    + (random.nextInt(20) == 0 ? "\" >" : "\">") + pick(random, text, 7) + "</a>";
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
