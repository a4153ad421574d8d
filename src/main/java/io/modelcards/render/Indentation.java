package io.modelcards.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Render stage: takes the indentation the templates and table rows put at the start of each line out of a
 * page. A browser shows a line break followed by spaces as one space, so the page looks and reads the same,
 * about 0.8 KB smaller. Kept as written: the text of {@code pre}, {@code textarea}, {@code script} and
 * {@code style} elements, where spaces count, and everything inside a tag (attribute values).
 *
 * <p>It reads the page's UTF-8 bytes, which the page is written as anyway: every character it looks for is ASCII,
 * and in UTF-8 an ASCII byte is always that character (the bytes of other characters are all 0x80 or more), so one
 * pass over the bytes, with the line's spaces moved out in place, gives the bytes of the page trimmed as text. On a
 * page's text, the same scan took four passes (one {@code indexOf} per character looked for) and two copies (a
 * builder and its string); with the C1 compiler only, as a build of the real cards runs, {@code indexOf} is a plain
 * loop, and the scan was 8 % of that build's samples.
 */
final class Indentation {
    private static final String[] KEPT = {"pre", "textarea", "script", "style"};

    private Indentation() {}

    /**
     * The UTF-8 bytes of a page without its indentation: the bytes of the page's text trimmed. {@code page} itself is
     * returned when nothing is taken out, and is overwritten otherwise (the caller's bytes are the page's own copy).
     */
    static byte[] trim(byte[] page) {
        int n = page.length;
        int written = 0; // the bytes before it are the trimmed page's, moved to the array's start
        int copied = 0; // the bytes from it to i are still to be moved
        // a call of indentAt per indented line, not one loop over the page's bytes here: without on-stack replacement
        // (the launcher's setting for a large build) trim's first hundred calls ran in the interpreter, a page each
        for (int i = indentAt(page, 0); i < n; ) {
            int j = i + 1;
            while (j < n && (page[j] == ' ' || page[j] == '\t')) j++;
            int length = i + 1 - copied;
            if (written != copied) System.arraycopy(page, copied, page, written, length);
            written += length;
            copied = j;
            i = indentAt(page, j);
        }
        if (copied == 0) return page;
        System.arraycopy(page, copied, page, written, n - copied);
        return Arrays.copyOf(page, written + n - copied);
    }

    /** From {@code i}: the next line break followed by a space or tab outside the kept elements, else the page's length. */
    private static int indentAt(byte[] page, int i) {
        int n = page.length;
        while (i < n) {
            byte c = page[i];
            if (c == '<') {
                String kept = keptElement(page, i);
                int end = tagEnd(page, i);
                if (kept != null) end = closeOf(page, end, kept);
                i = end;
            } else if (c == '\n' && i + 1 < n && (page[i + 1] == ' ' || page[i + 1] == '\t')) {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    /** The name of the kept element whose start tag begins at {@code at}, or null. */
    private static String keptElement(byte[] b, int at) {
        // most tags are none of them: told by their first letter (p, t, s) before any name is compared
        int first = at + 1 < b.length ? (b[at + 1] | 0x20) : 0;
        if (first != 'p' && first != 't' && first != 's') return null;
        for (String name : KEPT) {
            int end = nameEnd(b, at + 1, name);
            if (end >= 0 && end < b.length) {
                byte after = b[end];
                if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '/') return name;
            }
        }
        return null;
    }

    /** The index after the tag that starts at {@code at}, quoted attribute values skipped; a comment as a whole. */
    private static int tagEnd(byte[] b, int at) {
        int n = b.length;
        if (at + 3 < n && b[at + 1] == '!' && b[at + 2] == '-' && b[at + 3] == '-') {
            for (int i = at + 4; i + 2 < n; i++) if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') return i + 3;
            return n;
        }
        for (int i = at + 1; i < n; i++) {
            byte c = b[i];
            if (c == '>') return i + 1;
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < n && b[close] != c) close++;
                if (close == n) return n;
                i = close;
            }
        }
        return n;
    }

    /** The index after the end tag of {@code name} at or after {@code from} (nesting of pre in pre is not HTML). */
    private static int closeOf(byte[] b, int from, String name) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '<' && b[i + 1] == '/' && nameEnd(b, i + 2, name) >= 0) return tagEnd(b, i);
        }
        return b.length;
    }

    /**
     * The index after {@code name} (lower-case ASCII letters) when the text at byte {@code at} starts with it, case
     * ignored as {@link String#regionMatches(boolean, int, String, int, int)} ignores it; else -1. A byte of 0x80 or
     * more there is a character that may still match a letter that way (U+0131, dotless i, is "I" in upper case), so
     * the text there is decoded and compared as a string.
     */
    private static int nameEnd(byte[] b, int at, String name) {
        int length = name.length();
        for (int k = 0; k < length; k++) {
            if (at + k >= b.length) return -1;
            byte c = b[at + k];
            if (c < 0) return decodedNameEnd(b, at, name);
            if ((c | 0x20) != name.charAt(k)) return -1; // only the letter itself and its upper case give it
        }
        return at + length;
    }

    private static int decodedNameEnd(byte[] b, int at, String name) {
        // the name's characters and the one after are at most 4 bytes each, so they are whole in this window
        String text = new String(b, at, Math.min(b.length - at, 4 * (name.length() + 1)), StandardCharsets.UTF_8);
        if (!text.regionMatches(true, 0, name, 0, name.length())) return -1;
        return at + text.substring(0, name.length()).getBytes(StandardCharsets.UTF_8).length;
    }
}
