package io.modelcards.parse;

import java.util.function.Consumer;

/**
 * Every text of up to a few characters of an alphabet: for the tests that compare a reader written by hand with the
 * regular expression it replaced, on all the small inputs where the two could part.
 */
final class ShortTexts {
    private ShortTexts() {}

    /** Hands {@code test} each text of 0 to {@code maxLength} characters of {@code alphabet}. */
    static void each(String alphabet, int maxLength, Consumer<String> test) {
        int n = alphabet.length();
        char[] buf = new char[maxLength];
        for (int len = 0; len <= maxLength; len++) {
            long total = (long) Math.pow(n, len);
            for (long k = 0; k < total; k++) {
                long x = k;
                for (int i = 0; i < len; i++) {
                    buf[i] = alphabet.charAt((int) (x % n));
                    x /= n;
                }
                test.accept(new String(buf, 0, len));
            }
        }
    }
}
