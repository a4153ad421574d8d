package io.modelcards.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * Render stage: a writer that keeps what is written to it as UTF-8 bytes, the bytes {@code String.getBytes(UTF_8)}
 * gives for all of it (an unpaired surrogate is {@code ?}, as there). A page is written by the template engine and
 * then written out as bytes: held as text, a page with one character past Latin-1 (the templates' "—") was held in
 * two bytes a character, copied into its string, tried for one byte a character again and then encoded; 7 % of the
 * bytes a build of 10,000 synthetic cards allocates. Not thread-safe, as a page is written by one thread.
 */
final class Utf8Writer extends Writer {
    private byte[] bytes;
    private int size;
    /** A high surrogate that ended the last write, waiting for the low one that may start the next; else 0. */
    private char high;

    /** A writer whose first buffer holds {@code capacity} bytes. */
    Utf8Writer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        room(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            // a run of ASCII, a byte a character, then one character of more
            int n = size;
            byte[] b = bytes;
            if (high == 0) {
                for (char c; i < end && (c = chars[i]) < 0x80; i++) b[n++] = (byte) c;
            }
            size = n;
            if (i == end) break;
            put(chars[i++]);
            room(end - i); // the room asked for above was one byte a character
        }
    }

    /** Where a string's characters are read in pieces: as an array, not one {@code charAt} at a time. */
    private final char[] piece = new char[1024];

    /**
     * Every string, short or long, in pieces through {@link #piece}: the bytes {@code getBytes(UTF_8)} gives, written
     * in place. Long strings were given to the JDK's encoder once (a page's blocks and tables), which copies an ASCII
     * string's bytes as they are but encodes a string with one character past Latin-1 (the templates' "—", a card's
     * "✓") a character at a time into a new array three times its length, then copied: 1.8 % of a 10,000-card
     * build's samples once pages were written from plans, and 3 to 10 times this loop's time for a 20,000-character
     * table in a micro-benchmark (8–9 µs here against 29–94 µs; an ASCII one 6–7 µs against 4–36 µs).
     */
    @Override
    public void write(String s, int off, int len) {
        for (int from = off, end = off + len; from < end; from += piece.length) {
            int to = Math.min(end, from + piece.length);
            s.getChars(from, to, piece, 0);
            write(piece, 0, to - from);
        }
    }

    @Override
    public Writer append(CharSequence cs) {
        String s = String.valueOf(cs);
        write(s, 0, s.length());
        return this;
    }

    /** One character, with room made for it (at most four bytes, a pending surrogate's {@code ?} among them). */
    private void put(char c) {
        room(4);
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
            room(4);
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Makes room for {@code n} more bytes at least. */
    private void room(int n) {
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + n));
    }

    /** How many bytes were written so far (a high surrogate still waiting for its low one not counted). */
    int size() {
        return size;
    }

    /** The bytes of everything written, in an array of their length; a high surrogate left waiting is {@code ?}. */
    byte[] toBytes() {
        if (high != 0) {
            high = 0;
            room(1);
            bytes[size++] = '?';
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
