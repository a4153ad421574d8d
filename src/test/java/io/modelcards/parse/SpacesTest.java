package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpacesTest {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    private static String byExpression(String s) {
        return RUNS.matcher(s).replaceAll(" ").strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "MMLU", "VQAv2 OE VQA acc.", "a b c", "x\u00a0y", "x\u2003y", "\u00e9t\u00e9 2"})
    void keepsACollapsedTextAsItIs(String text) {
        assertSame(text, Spaces.collapse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {" a", "a ", "a  b", "a\tb", "a\nb", "a\u000Bb", "a\fb", "a\rb", "\u2003a", "a\u2003", " ", "\t"})
    void collapsesAsTheExpressionDoes(String text) {
        assertEquals(byExpression(text), Spaces.collapse(text));
    }

    @Test
    void agreesWithTheExpressionOnRandomTexts() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0', '\u2003', '\u001C', '\uD83D', '\uDE00'};
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) sb.append(alphabet[random.nextInt(alphabet.length)]);
            String text = sb.toString();
            assertEquals(byExpression(text), Spaces.collapse(text), () -> "\"" + text + "\"");
        }
    }
}
