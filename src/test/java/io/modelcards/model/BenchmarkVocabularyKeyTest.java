package io.modelcards.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BenchmarkVocabulary#key}: the comparison key of a spelling, the same as the plain loop it replaced. */
class BenchmarkVocabularyKeyTest {
    /**
     * Random texts of ASCII and other letters, digits, marks and surrogate halves against the loop written out here.
     * Catches an upper-case ASCII letter kept as it is, a non-ASCII letter dropped, and a '+' dropped.
     */
    @Test
    void aKeyIsTheLettersDigitsAndPlusesLowerCased() {
        String alphabet = "aAzZ09+-_ .()/%&éÉßİıΣσ٣\uD83D\uDE00\u00A0\t";
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int len = random.nextInt(12); len > 0; len--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String written = text.toString();
            assertEquals(eachChar(written), BenchmarkVocabulary.key(written), written);
        }
        assertEquals("humaneval+", BenchmarkVocabulary.key("HumanEval+"));
        assertEquals("mmlu5shot", BenchmarkVocabulary.key("MMLU (5-shot)"));
    }

    private static String eachChar(String written) {
        StringBuilder k = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '+') k.append(Character.toLowerCase(c));
        }
        return k.toString();
    }
}
