package io.modelcards.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    /** What a byte-at-a-time loop finds. */
    private static int byEachByte(byte[] b, int from, int to, byte x, byte y) {
        for (int i = from; i < to; i++) if (b[i] == x || b[i] == y) return i;
        return to;
    }

    @Test
    void findsWhatAByteAtATimeLoopFinds() {
        // bytes around the ones looked for, zero, and UTF-8's high bytes (negative in Java), in runs longer than a word
        byte[] alphabet = {'<', '>', '"', '\'', ';', '=', '?', 0, 1, (byte) 0x80, (byte) 0xBC, (byte) 0xBE, (byte) 0xFF, 'a', ' '};
        byte[][] wanted = {{'<', '<'}, {'<', '>'}, {'"', '"'}, {'\'', '\''}, {0, 0}, {(byte) 0xBC, '>'}};
        Random random = new Random(5);
        for (int round = 0; round < 50_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            // mostly filler, so that matches are often past the first word
            for (int i = 0; i < b.length; i++) b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            for (byte[] w : wanted) {
                assertEquals(byEachByte(b, from, to, w[0], w[1]), ByteSearch.find(b, from, to, w[0], w[1]),
                        () -> java.util.Arrays.toString(b) + " " + from + ".." + to + " " + w[0] + "/" + w[1]);
            }
        }
    }
}
