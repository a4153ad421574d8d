package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A slug of an ASCII text is made without the regular expressions, and is the one they make. */
class TopicsSlugTest {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DASH_ENDS = Pattern.compile("^-+|-+$");

    private static String byPatterns(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String s = DASH_ENDS.matcher(NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        return s.isEmpty() ? "topic" : s;
    }

    @Test
    void slugsAsThePatternsDo() {
        Random random = new Random(9);
        String alphabet = "aZ09 -_./()%\t\u007fé\u0301İ";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(byPatterns(b.toString()), Topics.slug(b.toString()), b.toString());
        }
        assertEquals("mmlu-5-shot-acc", Topics.slug("  MMLU (5-shot) acc. "));
        assertEquals("topic", Topics.slug("--"));
    }
}
