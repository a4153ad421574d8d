package io.modelcards.check;

import java.util.Arrays;
import java.util.Collection;

/**
 * The ids of one page as the link check keeps them: a sorted array of 64-bit hashes, 8 bytes an id instead of a
 * string in a set (a site of 100,000 cards has 4.6 million ids). An id that is not on the page is taken for one
 * only when its hash equals one of the page's, about once in 2^64 / (the page's ids) links.
 */
final class PageIds {
    private PageIds() {}

    static long[] of(Collection<String> ids) {
        long[] hashes = new long[ids.size()];
        int n = 0;
        for (String id : ids) hashes[n++] = hash(id);
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || hashes[i] != hashes[i - 1]) hashes[distinct++] = hashes[i];
        return distinct == n ? hashes : Arrays.copyOf(hashes, distinct);
    }

    static boolean has(long[] ids, String id) {
        return Arrays.binarySearch(ids, hash(id)) >= 0;
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's 64-bit finaliser to spread the bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec3L;
        return h ^ (h >>> 33);
    }
}
