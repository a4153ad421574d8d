package io.modelcards.parse;

import java.util.regex.Pattern;

/** Whitespace as a header, a label or a sentence is compared and shown: each run one space, none at either end. */
final class Spaces {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    private Spaces() {}

    static String collapse(CharSequence s) {
        return isCollapsed(s) ? s.toString() : RUNS.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Whether {@code s} is already as {@link #collapse} makes it (most headers and labels are): no whitespace at
     * either end, and no whitespace but single spaces ("\\s" is ASCII whitespace; strip's is Unicode's).
     */
    private static boolean isCollapsed(CharSequence s) {
        int n = s.length();
        if (n == 0) return true;
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) return false;
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? s.charAt(i - 1) == ' ' : c <= ' ' && (c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r')) {
                return false;
            }
        }
        return true;
    }
}
