package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Spaces.collapse skips the regular expression for text that is already collapsed; it must give the same text. */
class SpacesTest {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    @Test
    void collapsesRunsAndEndsLikeTheRegularExpression() {
        assertEquals("a b", Spaces.collapse("  a \t\n b  "));
        assertEquals("a b", Spaces.collapse("a  b"));
        assertEquals("Top-1 Acc", Spaces.collapse("Top-1 Acc"));
        assertEquals("", Spaces.collapse(" \u2003 "));
        assertEquals("a\u00a0b", Spaces.collapse("a\u00a0b"));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        char[] alphabet = {'a', 'B', '1', ' ', ' ', '\t', '\n', '\r', '\f', '\u000b', '\u00a0', '\u2003', '\u001c', '.'};
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(7);
            for (int k = 0; k < n; k++) s.append(alphabet[random.nextInt(alphabet.length)]);
            String text = s.toString();
            assertEquals(RUNS.matcher(text).replaceAll(" ").strip(), Spaces.collapse(text), () -> "for [" + text + "]");
        }
    }
}
