package io.modelcards.check;

/**
 * The paths of a site's files as the link check keeps them while a build renders: 64-bit hashes ({@link PageIds#hash})
 * in an open-addressing table, 16 bytes a path or less instead of a string in a concurrent set (a site of 100,000
 * cards has 400,000 files). Thread-safe.
 */
final class PathSet {
    private long[] slots = new long[1 << 12];
    private int size;

    synchronized void add(String path) {
        long h = key(path);
        if (2 * (size + 1) > slots.length) grow();
        if (put(slots, h)) size++;
    }

    synchronized boolean contains(String path) {
        long h = key(path);
        int mask = slots.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (slots[i] == h) return true;
            if (slots[i] == 0) return false;
        }
    }

    synchronized int size() {
        return size;
    }

    /** The hash, never 0 (an empty slot). */
    private static long key(String path) {
        long h = PageIds.hash(path);
        return h == 0 ? 1 : h;
    }

    private static boolean put(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (table[i] == h) return false;
            if (table[i] == 0) {
                table[i] = h;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) if (h != 0) put(bigger, h);
        slots = bigger;
    }
}
