package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.modelcards.model.CellValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellTyperTest {
    private static final List<String> WINOGROUND = List.of("group", "text", "image");

    /** type | the typed value, written compactly: value[/delta], parts as name=value(delta), unit and base. */
    @ParameterizedTest(name = "[{index}] \"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', emptyValue = "", nullValues = "NULL", textBlock = """
            46.1                        | number    | 46.1
            91.3                        | number    | 91.3
            0.1                         | number    | 0.1
            1e-5                        | number    | 0.00001
            3.6e-7                      | number    | 0.00000036
            0.                          | number    | 0
            2048                        | number    | 2048
            37.4 (-22.7)                | delta     | 37.4/-22.7
            65.8 (15.0)                 | delta     | 65.8/15.0
            40.2 (0.0)                  | delta     | 40.2/0.0
            84.9 ± 0.6                  | spread    | 84.9±0.6
            0.560 ±0.010                | spread    | 0.560±0.010
            84.9±0.6%                   | spread    | 84.9±0.6
            84.9 % ± 0.6 %              | spread    | 84.9±0.6
            84.9 +/- 0.6                | spread    | 84.9±0.6
            84.9 +- 0.6                 | spread    | 84.9±0.6
            84.9 (±0.6)                 | spread    | 84.9±0.6
            84.9 ± -0.6                 | text      | 84.9 ± -0.6
            84.9 ± n/a                  | text      | 84.9 ± n/a
            8.0/18.75/22.5              | composite | group=8.0 text=18.75 image=22.5
            5.8/20.0/18.0 (0.8/2.2/-2.8) | composite | group=5.8(0.8) text=20.0(2.2) image=18.0(-2.8)
            48.4 (zero-shot) / 57.2 (fine-tune) | composite | zero-shot=48.4 fine-tune=57.2
            -                           | missing   |
            –                           | missing   |
            x                           | missing   |
            ''                          | missing   |
            &#10004;                    | flag      | true
            &#10006;                    | flag      | false
            ✓                           | flag      | true
            ✔                           | flag      | true
            ✗                           | flag      | false
            ✖                           | flag      | false
            39 M                        | quantity  | 39 M 39000000
            1550 M                      | quantity  | 1550 M 1550000000
            1.3 B                       | quantity  | 1.3 B 1300000000
            7B                          | quantity  | 7 B 7000000000
            80b                         | quantity  | 80 b 80000000000
            613K                        | quantity  | 613 K 613000
            1.31M                       | quantity  | 1.31 M 1310000
            'Adam(0.9, 0.999)'          | text      | 'Adam(0.9, 0.999)'
            Mixed-pres bf16             | text      | Mixed-pres bf16
            Swin-T                      | text      | Swin-T
            """)
    void typesEachSourceFormat(String text, String type, String expected) {
        CellValue v = CellTyper.type(text, text.contains("/") && !text.contains("shot") ? WINOGROUND : List.of());
        assertEquals(type, v.type(), "type of " + text);
        assertEquals(expected == null ? "" : expected, describe(v), "value of " + text);
    }

    @Test
    void keepsNumbersExactlyAsWrittenForSorting() {
        var v = assertInstanceOf(CellValue.Number.class, CellTyper.type("60.0", List.of()));
        assertEquals("60.0", v.value().toPlainString());
        assertEquals(0, new BigDecimal("60").compareTo(v.sortKey()));
    }

    @Test
    void namesPartsByPositionWhenTheHeaderNamesNone() {
        var v = assertInstanceOf(CellValue.Composite.class, CellTyper.type("1.0/2.0", List.of()));
        assertEquals("part1=1.0 part2=2.0", describe(v));
    }

    @Test
    void readsNoFlagOrMissingIntoOrdinaryText() {
        assertEquals("text", CellTyper.type("True", List.of()).type());
        assertNull(CellTyper.type("Linear", List.of()).sortKey());
    }

    private static String describe(CellValue v) {
        if (v instanceof CellValue.Number n) return n.value().toPlainString();
        if (v instanceof CellValue.Delta d) return d.value().toPlainString() + "/" + d.delta().toPlainString();
        if (v instanceof CellValue.Spread s) return s.value().toPlainString() + "±" + s.spread().toPlainString();
        if (v instanceof CellValue.Composite c) {
            StringBuilder sb = new StringBuilder();
            for (CellValue.Part p : c.parts()) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(p.name()).append('=').append(p.value().toPlainString());
                if (p.delta() != null) sb.append('(').append(p.delta().toPlainString()).append(')');
            }
            return sb.toString();
        }
        if (v instanceof CellValue.Quantity q) return q.value().toPlainString() + " " + q.unit() + " " + q.base().toPlainString();
        if (v instanceof CellValue.Flag f) return String.valueOf(f.value());
        if (v instanceof CellValue.Text t) return t.value();
        return "";
    }

    private static final Pattern NUMBER = Pattern.compile(CellTyper.NUM);
    private static final Pattern PERCENT = Pattern.compile("(" + CellTyper.NUM + ")\\s*%");
    private static final Pattern DELTA = Pattern.compile("(" + CellTyper.NUM + ")\\s*\\(\\s*(" + CellTyper.NUM + ")\\s*\\)");
    /** Every character the readers look at, and a few they must refuse (an em space, a letter, a slash). */
    private static final String ALPHABET = "019.,'-+−eE %()\t\u2003x/";

    /** The hand-written readers accept exactly what the regular expressions they replace match, with the same groups. */
    private static void assertSameAsPatterns(String text) {
        assertEquals(NUMBER.matcher(text).matches(), CellTyper.isNumber(text, 0, text.length()), () -> "number: " + text);
        Matcher p = PERCENT.matcher(text);
        assertEquals(p.matches() ? p.end(1) : -1, CellTyper.percentEnd(text), () -> "percent: " + text);
        Matcher d = DELTA.matcher(text);
        assertArrayEquals(d.matches() ? new int[] {d.end(1), d.start(2), d.end(2)} : null, CellTyper.delta(text),
                () -> "delta: " + text);
    }

    @Test
    void numberPercentAndDeltaReadersMatchThePatternsOnEveryShortText() {
        ShortTexts.each(ALPHABET, 5, CellTyperTest::assertSameAsPatterns);
    }

    @Test
    void numberPercentAndDeltaReadersMatchThePatternsOnLongerTexts() {
        Random random = new Random(7);
        String digitsFirst = "0123456789.9";
        for (int k = 0; k < 300_000; k++) {
            StringBuilder b = new StringBuilder();
            int len = 6 + random.nextInt(12);
            for (int i = 0; i < len; i++) {
                String from = random.nextInt(3) == 0 ? ALPHABET : digitsFirst;
                b.append(from.charAt(random.nextInt(from.length())));
            }
            assertSameAsPatterns(b.toString());
        }
        for (String text : List.of("37.4 (-22.7)", "65.8 ( 15.0 )", "1,234.5 %", "−3.5e-2(+.5)", "5.(6.)", "1'000 %",
                "2 (3) (4)", "7 (8 9)", "68.2\u2003%", "12 (\u20033)")) {
            assertSameAsPatterns(text);
        }
    }
}
