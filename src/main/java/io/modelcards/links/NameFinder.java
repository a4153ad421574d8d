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
     * Whether a name's first word starts at a word start of {@code text}; with {@code wanted}, a whole name it accepts.
     */
    private boolean startsAtAWord(String text, java.util.function.Predicate<String> wanted) {
        for (int i = 0; i < text.length(); ) {
            if (isWordChar(text.charAt(i)) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
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
