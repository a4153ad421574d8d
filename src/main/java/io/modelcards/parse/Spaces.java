package io.modelcards.parse;

import java.util.regex.Pattern;

/** Whitespace as a header, a label or a sentence is compared and shown: each run one space, none at either end. */
final class Spaces {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    private Spaces() {}

    static String collapse(CharSequence s) {
        String text = s.toString();
        // most texts are collapsed already: give the same String back, not a copy (the regular expression copies any
        // text with a space, and result headers kept a copy of every header and label, a million at 10,000 cards)
        return isCollapsed(text) ? text : RUNS.matcher(text).replaceAll(" ").strip();
    }

    /** No whitespace at either end, none but single spaces inside: what {@link #collapse} would give back unchanged. */
    static boolean isCollapsed(String text) {
        int n = text.length();
        if (n == 0) return true;
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1))) return false;
        for (int i = 1; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? text.charAt(i - 1) == ' ' : c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
