package io.modelcards.parse;

import io.modelcards.source.SourceFile;

/**
 * Finds the line with the deepest block nesting (block quotes and list markers at the start of a line) before
 * flexmark sees the file: flexmark recurses once per level and would overflow the stack on thousands of them.
 */
final class NestingCheck {
    /** Deeper than any real card; browsers cap their own tree depth at a few hundred. */
    static final int MAX_DEPTH = 100;

    record Deepest(int line, int depth) {}

    private NestingCheck() {}

    /** The first line of the body nested deepest (depth 0 at line 0 when nothing is nested). */
    static Deepest deepest(SourceFile file) {
        String text = file.text();
        int line = file.lines().line(file.bodyOffset());
        Deepest best = new Deepest(0, 0);
        int start = file.bodyOffset();
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            int depth = depth(text, start, end);
            if (depth > best.depth()) best = new Deepest(line, depth);
            line++;
            start = end + 1;
        }
        return best;
    }

    /** Block quote markers and list markers at the start of text[from, to). */
    static int depth(String text, int from, int to) {
        int depth = 0;
        int i = from;
        while (i < to) {
            while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
            if (i >= to) break;
            char c = text.charAt(i);
            if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == to || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                depth++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
                if (j < to && (text.charAt(j) == '.' || text.charAt(j) == ')')
                        && (j + 1 == to || text.charAt(j + 1) == ' ' || text.charAt(j + 1) == '\t')) {
                    depth++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth;
    }

    /** The longest line of the file: {line, length}. */
    static int[] longestLine(String text) {
        int line = 1;
        int bestLine = 1;
        int best = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (end - start > best) {
                best = end - start;
                bestLine = line;
            }
            line++;
            start = end + 1;
        }
        return new int[] {bestLine, best};
    }
}
