package io.modelcards.source;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. */
public final class LineIndex {
    private final int[] lineStarts;

    public LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        // the line ends found by String.indexOf (a character at a time through CharSequence was 0.9 % of a 10,000-card
        // build's samples); every caller passes a String, whose toString() is itself
        String s = text.toString();
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = i + 1;
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** 1-based line of the offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of the offset. */
    public int column(int offset) {
        int line = line(offset);
        return Math.max(0, offset) - lineStarts[line - 1] + 1;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset where the 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }
}
