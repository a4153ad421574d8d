package io.modelcards.links;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds model names in text in one pass: names are indexed by their first word, so the cost grows with the
 * text, not with the number of models (a regex alternation of 10,000 names is tried at every position).
 * A match must stand alone: no letter, digit, '_', '/', '.' or '-' right before it, no letter, digit, '_'
 * or '-' right after it, and no '.' followed by a letter or digit (llama-7b.bin is not llama-7b).
 */
final class NameFinder {
    record Match(String name, int start, int end) {}

    private final Map<String, Candidates> byFirstWord = new HashMap<>();
    /**
     * A bit for each first word's hash ({@link String#hashCode}, spread): a word whose bit is clear is no first word,
     * without making it a String to look it up (every word of every paragraph was one, 2 % of a build's samples).
     */
    private final long[] firstWordBits;
    private final int shift;

    NameFinder(Collection<String> names) {
        Map<String, Set<String>> grouped = new HashMap<>();
        for (String n : names) {
            String first = firstWord(n, 0);
            if (first.isEmpty()) continue;
            grouped.computeIfAbsent(first, k -> new HashSet<>()).add(n);
        }
        grouped.forEach((first, group) -> byFirstWord.put(first, new Candidates(group)));
        int bits = 64;
        while (bits < 16 * grouped.size()) bits <<= 1;
        firstWordBits = new long[bits / 64];
        shift = 32 - Integer.numberOfTrailingZeros(bits);
        for (String first : grouped.keySet()) {
            int at = bit(first.hashCode());
            firstWordBits[at >>> 6] |= 1L << at;
        }
    }

    private int bit(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** The candidates whose first word is the word at [from, end) of {@code text}, or null. */
    private Candidates candidates(String text, int from, int end) {
        int h = 0;
        for (int k = from; k < end; k++) h = 31 * h + text.charAt(k);
        int at = bit(h);
        if ((firstWordBits[at >>> 6] & (1L << at)) == 0) return null;
        return byFirstWord.get(text.substring(from, end));
    }

    /**
     * The names that start with one first word, looked up by the text's characters at each of their lengths rather
     * than compared one by one: a catalogue's names share a few first words ("Ember-1234 7B", "Ember-1250 13B"), about
     * 3,400 names each at 100,000 synthetic cards, and comparing each at every place the word occurs made linking
     * grow with the square of the catalogue (the links stage 168 s at 100,000 cards).
     */
    private static final class Candidates {
        /** The names' lengths, longest first, so "Llama 2 Chat" wins over "Llama 2". */
        private final int[] lengths;
        private final Set<String> names;

        Candidates(Set<String> names) {
            this.names = names;
            this.lengths = names.stream().mapToInt(String::length).distinct().map(l -> -l).sorted().map(l -> -l).toArray();
        }

        /** The longest name that starts at {@code i} of {@code text} and {@code accepted} takes, or null. */
        String at(String text, int i, java.util.function.Predicate<String> accepted) {
            for (int length : lengths) {
                int end = i + length;
                if (end > text.length()) continue;
                String s = text.substring(i, end);
                if (names.contains(s) && accepted.test(s)) return s;
            }
            return null;
        }
    }

    boolean isEmpty() {
        return byFirstWord.isEmpty();
    }

    /**
     * A cheap pre-check: false when no indexed first word occurs in the text at all. The links stage asked it before
     * {@link #mayOccurInHtml}; kept as the baseline NameFinderTest compares that with.
     */
    boolean mayOccur(String text) {
        return startsAtAWord(text, null);
    }

    /**
     * Like {@link #mayOccur} for a block's HTML, closer: false when no name starts at a word start of the HTML with
     * its character references decoded (the characters around the name not checked). A name {@link #find} finds in
     * one of the HTML's texts is there, so this is never false then. On real cards many paragraphs hold a name's first
     * word but no name, and each was parsed for it; and a name spelled with a reference ({@code Caf&eacute; Net}) was
     * missed, its first word looked for as written.
     */
    boolean mayOccurInHtml(String html) {
        return mayOccurInHtml(html, name -> true);
    }

    /**
     * Like {@link #mayOccurInHtml(String)} for the names {@code wanted} accepts only: a page links each other model
     * once, and its own name, or a name it has linked already, starts no link (on a model page most of the paragraphs
     * that hold a name hold the model's own, and each was parsed for it).
     */
    boolean mayOccurInHtml(String html, java.util.function.Predicate<String> wanted) {
        if (html.indexOf('&') >= 0) html = org.jsoup.parser.Parser.unescapeEntities(html, false);
        return startsAtAWord(html, wanted);
    }

    /**
     * Like {@link #mayOccurInHtml(String, java.util.function.Predicate)}, looking only at the texts outside the
     * elements named in {@code skipped} (lower case), as the cross-linker reads them: false when none of those texts,
     * its character references decoded, has a wanted name at a word start. The HTML's tags are read as a browser's
     * parser would for simple markup; for anything else (a link in a link, such an element left open or closed out of
     * order, a raw-text element other than those skipped, a '<' that starts no tag) the answer is the whole HTML's.
     * On the synthetic cards every paragraph that held a name held it inside a link, and each was parsed for it
     * (26,000 paragraphs, none changed); on the real cards 53,000 of 94,000.
     */
    boolean mayOccurInTexts(String html, java.util.Set<String> skipped, java.util.function.Predicate<String> wanted) {
        // the texts alone first: a paragraph's tags (its links' addresses) are much of its HTML, and most paragraphs
        // are simple markup; the whole HTML is read only for the others
        Boolean any = outsideSkipped(html, skipped, wanted);
        return any != null ? any : mayOccurInHtml(html, wanted);
    }

    /**
     * Elements whose text a browser's parser reads raw or as plain text, or moves (out of a table, into the body): HTML
     * with one of them is not scanned here.
     */
    private static final java.util.Set<String> UNUSUAL = java.util.Set.of("script", "style", "textarea", "title", "xmp",
            "iframe", "noembed", "noframes", "noscript", "plaintext", "template", "svg", "math", "select", "option",
            "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "frameset", "frame",
            "head", "html", "body", "form", "button");

    /** Whether a text outside {@code skipped} holds a wanted name at a word start; null when the markup is not simple. */
    private Boolean outsideSkipped(String html, java.util.Set<String> skipped, java.util.function.Predicate<String> wanted) {
        // the skipped elements the scan is inside, innermost last (code in a link, code in pre)
        java.util.ArrayList<String> open = new java.util.ArrayList<>(4);
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int end = html.indexOf('<', i);
                if (end < 0) end = n;
                if (open.isEmpty()) {
                    int amp = i;
                    while (amp < end && html.charAt(amp) != '&') amp++;
                    if (amp < end) {
                        String text = org.jsoup.parser.Parser.unescapeEntities(html.substring(i, end), false);
                        if (startsAtAWord(text, wanted)) return true;
                    } else if (startsAtAWord(html, i, end, wanted)) {
                        return true;
                    }
                }
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                if (end < 0) return null;
                i = end + 3;
                continue;
            }
            boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && isAsciiLetterOrDigit(html.charAt(nameEnd))) nameEnd++;
            if (nameEnd == nameStart || !isAsciiLetter(html.charAt(nameStart))) return null;
            String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
            int end = tagEnd(html, nameEnd);
            if (end < 0) return null;
            if (UNUSUAL.contains(name) && !skipped.contains(name)) return null;
            if (closing) {
                // a skipped element closed out of order, or not open: a parser would mend it, read the whole HTML
                if (!open.isEmpty() && name.equals(open.get(open.size() - 1))) open.remove(open.size() - 1);
                else if (skipped.contains(name)) return null;
            } else if (skipped.contains(name)) {
                // a link in a link ends the first one; a start tag ending in "/" does not end a link or code
                if (html.charAt(end - 1) == '/' || (name.equals("a") && open.contains("a"))) return null;
                open.add(name);
                if (name.equals("script") || name.equals("style")) {
                    // raw text up to its end tag
                    int close = indexOfIgnoreCase(html, "</" + name, end + 1);
                    if (close < 0) return null;
                    i = close;
                    continue;
                }
            }
            i = end + 1;
        }
        return open.isEmpty() ? Boolean.FALSE : null;
    }

    /**
     * The index of the '>' ending the tag whose name ends at {@code from}, or -1 when a '<' comes first. A quote starts
     * a quoted value only right after "=", as in a browser's tokenizer ({@code title=it's} is not quoted).
     */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        boolean value = false;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            } else if (c == '=') {
                value = true;
            } else if (value && (c == '"' || c == '\'')) {
                quote = c;
                value = false;
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                value = false;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = Math.max(0, from); i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) return i;
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    /**
     * Whether a name's first word starts at a word start of {@code text}; with {@code wanted}, a whole name it accepts.
     */
    private boolean startsAtAWord(String text, java.util.function.Predicate<String> wanted) {
        return startsAtAWord(text, 0, text.length(), wanted);
    }

    /**
     * {@link #startsAtAWord(String, java.util.function.Predicate)} of {@code text.substring(from, to)}, read in place; a
     * name is compared past {@code to} only where the text goes on with the character there (a '<' of a tag), which
     * no name holds.
     */
    private boolean startsAtAWord(String text, int from, int to, java.util.function.Predicate<String> wanted) {
        for (int i = from; i < to; ) {
            if (isWordChar(text.charAt(i)) && (i == from || !isWordChar(text.charAt(i - 1)))) {
                int end = wordEnd(text, i);
                Candidates candidates = candidates(text, i, end);
                if (candidates != null && (wanted == null || candidates.at(text, i, wanted) != null)) return true;
                i = Math.max(i + 1, end);
            } else {
                i++;
            }
        }
        return false;
    }

    /** The first name at or after {@code from}, or null. */
    Match find(String text, int from) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isWordChar(c) || (i > 0 && isWordChar(text.charAt(i - 1)))) continue;
            if (i > 0 && blocksBefore(text.charAt(i - 1))) continue;
            Candidates candidates = candidates(text, i, wordEnd(text, i));
            if (candidates == null) continue;
            int start = i;
            String name = candidates.at(text, i, s -> standsAloneAfter(text, start + s.length()));
            if (name != null) return new Match(name, i, i + name.length());
        }
        return null;
    }

    private static boolean blocksBefore(char c) {
        return isWordChar(c) || c == '_' || c == '/' || c == '.' || c == '-';
    }

    private static boolean standsAloneAfter(String text, int end) {
        if (end >= text.length()) return true;
        char c = text.charAt(end);
        if (isWordChar(c) || c == '_' || c == '-') return false;
        return !(c == '.' && end + 1 < text.length() && isWordChar(text.charAt(end + 1)));
    }

    private static String firstWord(String s, int from) {
        return s.substring(from, wordEnd(s, from));
    }

    private static int wordEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isWordChar(s.charAt(end))) end++;
        return end;
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
}
