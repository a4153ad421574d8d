package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page written to the writer in pieces is the bytes String.getBytes(UTF_8) gives for the whole of it. */
class Utf8WriterTest {
    /** ASCII, Latin-1, three-byte characters, paired and lone surrogates: the cases the encoder tells apart. */
    private static final char[] ALPHABET = {'a', '<', '\n', ' ', 'é', '\u00a0', '—', '✓', '\u0800', '\uffff',
            '\ud83d', '\ude00', '\udbff', '\udfff', '\ud800', '\udc00'};

    private static String random(Random r, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        return new String(c);
    }

    @Test
    void piecesWrittenAnyWayAreTheBytesOfTheWhole() {
        Random r = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            // most pieces short (written a character at a time), some past the length the JDK encodes
            String whole = random(r, r.nextInt(10) == 0 ? 250 + r.nextInt(300) : r.nextInt(40));
            Utf8Writer w = new Utf8Writer(r.nextInt(8));
            int i = 0;
            while (i < whole.length()) {
                int n = 1 + r.nextInt(whole.length() - i);
                switch (r.nextInt(4)) {
                    case 0 -> w.write(whole, i, n);
                    case 1 -> w.write(("xx" + whole.substring(i, i + n)).toCharArray(), 2, n);
                    case 2 -> w.append(whole.substring(i, i + n));
                    default -> {
                        n = 1;
                        w.write(whole.charAt(i));
                    }
                }
                i += n;
            }
            byte[] expected = whole.getBytes(StandardCharsets.UTF_8);
            String shown = whole.chars().mapToObj(c -> String.format("%04x", c)).toList().toString();
            assertArrayEquals(expected, w.toBytes(), shown);
        }
    }

    @Test
    void aLongStringIsReadInPiecesAndAPairAcrossTwoPiecesStaysOne() {
        Random r = new Random(5);
        for (int at : new int[] {1023, 1024, 2047, 3000}) {
            String s = "a".repeat(at) + "\ud83d\ude00" + random(r, 2500);
            Utf8Writer w = new Utf8Writer(16);
            w.write(s, 0, s.length());
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), w.toBytes(), "a pair at " + at);
        }
    }

    @Test
    void aLongAsciiRunAfterAWideCharacterGrowsTheBuffer() {
        Utf8Writer w = new Utf8Writer(16);
        String s = "—" + "a".repeat(15);
        w.write(s, 0, s.length());
        assertEquals(18, w.size());
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), w.toBytes());
    }
}
