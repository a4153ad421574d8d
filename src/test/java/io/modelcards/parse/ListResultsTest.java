package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word check that stands before ListResults' case-insensitive patterns. */
class ListResultsTest {
    /**
     * What {@code says} answered before, with the JDK's case-insensitive region match at every place whose first
     * character is the word's in either ASCII case (the patterns after it are ASCII-case-insensitive).
     */
    private static boolean byRegionMatches(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if (c != word.charAt(0) && (c | 0x20) != word.charAt(0)) continue;
            if (text.regionMatches(true, i, word, 0, word.length())) return true;
        }
        return false;
    }

    @Test
    void saysWhatACaseInsensitiveRegionMatchSays() {
        List<String> words = List.of("wer", "cer", "common", "word error rate", "following results on the", " dataset",
                "result", "k", "ks");
        String alphabet = "werWERcCoOmMnN dDaAtTsSkK\u212a\u017f\u0130\u0131 éÉ-:%";
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = sb.toString();
            for (String w : words) assertEquals(byRegionMatches(text, w), ListResults.says(text, w), text + " / " + w);
        }
        assertEquals(true, ListResults.says("the k\u212aelvin", "kkelvin"));
        assertEquals(true, ListResults.says("WORD Error RATE", "word error rate"));
        assertEquals(false, ListResults.says("word-error rate", "word error rate"));
    }
}
