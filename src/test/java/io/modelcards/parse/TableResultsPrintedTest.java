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
        int n = alphabet.length();
        char[] buf = new char[5];
        for (int len = 0; len <= 5; len++) {
            int total = (int) Math.pow(n, len);
            for (int k = 0; k < total; k++) {
                int x = k;
                for (int i = 0; i < len; i++) {
                    buf[i] = alphabet.charAt(x % n);
                    x /= n;
                }
                String text = new String(buf, 0, len);
                assertEquals(byPattern(text), TableResults.printed(text), text);
            }
        }
        Random random = new Random(3);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = 6 + random.nextInt(14); i > 0; i--) b.append(alphabet.charAt(random.nextInt(n)));
            assertEquals(byPattern(b.toString()), TableResults.printed(b.toString()), b.toString());
        }
        assertEquals("37.4", TableResults.printed("37.4 (-22.7)"));
        assertEquals("-1,234.5", TableResults.printed("~-1,234.5%"));
    }
}
