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

    /**
     * A random text of fewer than {@code pieces} pieces: each one of {@code words} one time in {@code oneIn} (never
     * without words), else a character of {@code alphabet}.
     */
    private static String text(Random random, int pieces, String alphabet, int oneIn, String... words) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(pieces); i > 0; i--) {
            if (words.length > 0 && random.nextInt(oneIn) == 0) sb.append(words[random.nextInt(words.length)]);
            else sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void saysWhatACaseInsensitiveRegionMatchSays() {
        List<String> words = List.of("wer", "cer", "common", "word error rate", "following results on the", " dataset",
                "result", "k", "ks");
        String alphabet = "werWERcCoOmMnN dDaAtTsSkK\u212a\u017f\u0130\u0131 éÉ-:%";
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String text = text(random, 30, alphabet, 0);
            for (String w : words) assertEquals(byRegionMatches(text, w), ListResults.says(text, w), text + " / " + w);
        }
        for (int round = 0; round < 20_000; round++) {
            String text = text(random, 30, alphabet, 5, " data");
            assertEquals(ListResults.says(text, " dataset"), ListResults.saysAfterSpace(text, "dataset"), text);
        }
        assertEquals(true, ListResults.saysAfterSpace("the Data\u017fet", "dataset"));
        assertEquals(false, ListResults.saysAfterSpace("dataset, -dataset", "dataset"));
        assertEquals(true, ListResults.says("the k\u212aelvin", "kkelvin"));
        assertEquals(true, ListResults.says("WORD Error RATE", "word error rate"));
        assertEquals(false, ListResults.says("word-error rate", "word error rate"));
    }

    /** What {@code saysWord} answered when it read the text a character at a time. */
    private static boolean saysWordByCharacters(String text, String... lowerAscii) {
        char first = lowerAscii[0].charAt(0);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c != first && (c | 0x20) != first) continue;
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) < 128 || text.charAt(i - 1) == '_')) continue;
            for (String word : lowerAscii) {
                int end = i + word.length();
                if (end <= n && text.regionMatches(true, i, word, 0, word.length())
                        && (end == n || !(Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 128 || text.charAt(end) == '_'))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void saysWordAnswersAsReadingACharacterAtATime() {
        String alphabet = "werWERcCoOmMnNvV _-1.é\u212a\u0130";
        Random random = new Random(13);
        for (int round = 0; round < 100_000; round++) {
            String text = text(random, 20, alphabet, 6, "wer", "Common voice", "CER");
            for (String[] words : new String[][] {{"wer", "word error rate"}, {"cer"}, {"common voice", "common_voice"}}) {
                assertEquals(saysWordByCharacters(text, words), ListResults.saysWord(text, words), text);
            }
        }
    }

    /** A text the word check turns away is one the pattern after it cannot match (it may let more through). */
    @Test
    void saysWordTurnsAwayOnlyWhatThePatternsCannotMatch() {
        java.util.regex.Pattern wer = java.util.regex.Pattern.compile("(?i)\\b(?:wer|word error rate)\\b");
        java.util.regex.Pattern voice = java.util.regex.Pattern.compile("(?i)\\bcommon[ _]voice\\b");
        String alphabet = "werWEcCoOmMnNvViI _-1.é\u0301\u212a";
        Random random = new Random(11);
        int matched = 0;
        for (int round = 0; round < 200_000; round++) {
            String text = text(random, 16, alphabet, 6, "wer", "common voice");
            if (wer.matcher(text).find()) {
                matched++;
                assertEquals(true, ListResults.saysWord(text, "wer", "word error rate"), text);
            }
            if (voice.matcher(text).find()) assertEquals(true, ListResults.saysWord(text, "common voice", "common_voice"), text);
        }
        assertEquals(true, matched > 1000, "matches tried: " + matched);
        java.util.regex.Pattern rate = java.util.regex.Pattern.compile(
                "(?i)(?<![\\w-])(WER|CER)\\s*(?:\\(%\\))?\\s*[:=]\\s*(\\d+(?:\\.\\d+)?)\\s*%");
        String rates = "werWERcCoO _-1.:=%()\t\u212a";
        int rated = 0;
        for (int round = 0; round < 200_000; round++) {
            String text = text(random, 16, rates, 5, "WER", "cer : 5");
            if (rate.matcher(text).find()) {
                rated++;
                assertEquals(true, ListResults.hasRate(text), text);
            }
        }
        assertEquals(true, rated > 1000, "rates tried: " + rated);
        assertEquals(false, ListResults.hasRate("lower answers, fewer powers: 5%"));
        assertEquals(false, ListResults.saysWord("lower answers, fewer powers", "wer", "word error rate"));
        assertEquals(true, ListResults.saysWord("The WER (%) is", "wer", "word error rate"));
        assertEquals(true, ListResults.saysWord("on Common_Voice 11", "common voice", "common_voice"));
    }
}
