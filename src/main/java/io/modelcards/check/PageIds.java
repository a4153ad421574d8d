package io.modelcards.check;

import java.util.Arrays;
import java.util.Collection;

/**
 * The ids of one page as the link check keeps them: a sorted array of 32-bit hashes, 4 bytes an id instead of a
 * string in a set (a site of 100,000 cards has 4.6 million ids, most of them different: 37 MB as 64-bit hashes, the
 * largest part of the check's memory while a build renders). An id that is not on the page is taken for one only
 * when its hash equals one of the page's: about once in 2^32 / (the page's ids) broken fragment links, once in
 * 80 million for a model page's 52 ids.
 */
final class PageIds {
    private PageIds() {}

    static int[] of(Collection<String> ids) {
        int[] hashes = new int[ids.size()];
        int n = 0;
        for (String id : ids) hashes[n++] = shortHash(id);
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || hashes[i] != hashes[i - 1]) hashes[distinct++] = hashes[i];
        return distinct == n ? hashes : Arrays.copyOf(hashes, distinct);
    }

    static boolean has(int[] ids, String id) {
        return Arrays.binarySearch(ids, shortHash(id)) >= 0;
    }

    /** The high 32 bits of {@link #hash}. */
    static int shortHash(String s) {
        return (int) (hash(s) >>> 32);
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
