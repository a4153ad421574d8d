package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The number a value cell prints is the first match of the pattern it replaced, found by hand. */
class TableResultsPrintedTest {
    private static final Pattern NUMBER = Pattern.compile("[-+−]?(?:\\d+(?:[.,]\\d+)*|\\.\\d+)");

    private static String byPattern(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? m.group() : text;
    }

    @Test
    void printsTheFirstMatchOfTheNumberPattern() {
        String alphabet = "0159.,-+−% ()/x*\u00b1\u0663";
        ShortTexts.each(alphabet, 5, text -> assertEquals(byPattern(text), TableResults.printed(text), text));
        Random random = new Random(3);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = 6 + random.nextInt(14); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(byPattern(b.toString()), TableResults.printed(b.toString()), b.toString());
        }
        assertEquals("37.4", TableResults.printed("37.4 (-22.7)"));
        assertEquals("-1,234.5", TableResults.printed("~-1,234.5%"));
    }
}
