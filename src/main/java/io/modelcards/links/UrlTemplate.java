package io.modelcards.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A URL with the row label (and possibly the column's distinguishing label) taken out:
 * {@code https://huggingface.co/llamaste/Llama-2-{row}-chat-hf} with {@code {row}} = the row label lowercased.
 * A form of null means the placeholder is absent.
 */
record UrlTemplate(String text, LabelForms rowForm, LabelForms colForm) {
    static final String ROW = "{row}";
    static final String COL = "{col}";

    UrlTemplate {
        Objects.requireNonNull(text, "text");
    }

    /** The URL with the first form of {@code rowLabel} that occurs in it as a whole token replaced by {row}. */
    static UrlTemplate ofRow(String url, String rowLabel) {
        if (rowLabel != null && !rowLabel.isBlank()) {
            for (LabelForms form : LabelForms.ALL) {
                String written = form.apply(rowLabel.strip());
                if (written.isEmpty()) continue;
                String replaced = replaceTokens(url, written, ROW);
                if (replaced != null) return new UrlTemplate(replaced, form, null);
            }
        }
        return new UrlTemplate(url, null, null);
    }

    /** This template with the last occurrence of the column's distinguishing label replaced by {col}, or null. */
    UrlTemplate withColumn(String distinguishing) {
        if (distinguishing.isBlank() || colForm != null) return null;
        for (LabelForms form : LabelForms.ALL) {
            String written = form.apply(distinguishing);
            if (written.isEmpty() || written.contains(ROW)) continue;
            int at = text.lastIndexOf(written);
            if (at < 0 || overlapsPlaceholder(at, written.length())) continue;
            boolean edgesFree = !isWordChar(written.charAt(0)) && !isWordChar(written.charAt(written.length() - 1));
            if (!edgesFree && !isBoundary(text, at, written.length())) continue;
            return new UrlTemplate(text.substring(0, at) + COL + text.substring(at + written.length()), rowForm, form);
        }
        return null;
    }

    boolean hasRow() {
        return rowForm != null;
    }

    /** The URL for a row (and column) label. */
    String instantiate(String rowLabel, String distinguishing) {
        String s = text;
        if (rowForm != null) s = s.replace(ROW, rowForm.apply(rowLabel.strip()));
        if (colForm != null) s = s.replace(COL, colForm.apply(distinguishing));
        return s;
    }

    /** How the template reads in a fix-up note. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (rowForm != null) parts.add("{row} = the row label, " + rowForm.describe());
        if (colForm != null) parts.add("{col} = the column label's own part, " + colForm.describe());
        return parts.isEmpty() ? text : text + " (" + String.join("; ", parts) + ")";
    }

    private boolean overlapsPlaceholder(int at, int length) {
        for (String p : new String[] {ROW, COL}) {
            for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
                if (at < i + p.length() && i < at + length) return true;
            }
        }
        return false;
    }

    /** Replaces every whole-token occurrence of {@code token}; null when there is none. */
    private static String replaceTokens(String s, String token, String with) {
        // the builder made at the first occurrence: most forms of a row's label are not in its URL (asked of every
        // link cell's row for each form, the builders were 1 % of the bytes a 10,000-card build allocated)
        StringBuilder out = null;
        int from = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + 1)) {
            if (i < from || !isBoundary(s, i, token.length())) continue;
            if (out == null) out = new StringBuilder(s.length() + with.length());
            out.append(s, from, i).append(with);
            from = i + token.length();
        }
        return out == null ? null : out.append(s, from, s.length()).toString();
    }

    private static boolean isBoundary(String s, int at, int length) {
        boolean before = at == 0 || !isWordChar(s.charAt(at - 1));
        int end = at + length;
        boolean after = end >= s.length() || !isWordChar(s.charAt(end));
        return before && after;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
