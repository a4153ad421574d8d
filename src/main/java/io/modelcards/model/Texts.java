package io.modelcards.model;

/**
 * Texts held once: {@link String#intern()} with a small cache in front of it. A build decodes each model's results
 * several times (they are held encoded between its stages), and each result holds seven texts: interning them all
 * through the JVM's string table, a call into the JVM each, was about 5 % of the CPU of a build of 10,000 synthetic
 * cards ({@code perf}: {@code StringTable::do_lookup}, {@code JVM_InternString}). The texts repeat (a few hundred
 * benchmarks, metrics and settings, a model's variant names read again and again), so most are found here.
 * <p>
 * The answer is always the JVM's interned instance, as {@code intern()} gives it; the cache only holds texts
 * {@code intern()} returned, at most {@link #SLOTS} of them, each slot overwritten by the next text that hashes to it.
 * The 10,000 synthetic cards intern 23,000 different texts in 46 million calls: with 8,192 slots, 318,000 calls missed
 * the cache (a call into the JVM each, 2 % of that build's samples).
 * Thread-safe: a {@code String} is immutable, so a slot read while another thread writes it holds either text.
 */
public final class Texts {
    static final int SLOTS = 1 << 16;
    private static final String[] CACHE = new String[SLOTS];

    private Texts() {}

    /**
     * Whether {@code text} has a digit ({@link Character#isDigit}): {@code text.chars().anyMatch(Character::isDigit)}
     * without the stream, which the parse and render ask of every cell they read (the streams were 1.2 % of the bytes
     * a 10,000-card build allocated).
     */
    public static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) return true;
        }
        return false;
    }

    /**
     * {@code intern(new String(utf8, offset, length, UTF_8))}, without making the String when the text is ASCII and held
     * here already: the decoder of the cards held between a build's stages reads each result's seven texts from bytes
     * again on every pass (making each String to find its slot was a tenth of decoding them).
     */
    public static String intern(byte[] utf8, int offset, int length) {
        int h = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = utf8[i];
            if (b < 0) return intern(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
            h = 31 * h + b; // String.hashCode of the same text: its characters are these bytes
        }
        String held = CACHE[h & (SLOTS - 1)];
        if (held != null && held.length() == length && sameAscii(held, utf8, offset)) return held;
        return intern(new String(utf8, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static boolean sameAscii(String s, byte[] ascii, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ascii[offset + i]) return false;
        }
        return true;
    }

    /** {@code s.intern()}; null for null. */
    public static String intern(String s) {
        if (s == null) return null;
        int slot = s.hashCode() & (SLOTS - 1);
        String held = CACHE[slot];
        if (held != null && held.equals(s)) return held;
        held = s.intern();
        CACHE[slot] = held;
        return held;
    }
}
