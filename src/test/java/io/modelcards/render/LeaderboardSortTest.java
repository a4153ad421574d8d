package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ranking's sort by primitive keys gives the order the lines' comparator gives. */
class LeaderboardSortTest {
    private static final String[] VALUES = {"0", "-0", "0.0", "1", "1.0", "1.00", "2.5", "-3", "55.8", "55.9", "99.99",
        "0.1", "0.1000000000000000000001", "0.0999999999999999999999", "1E+400", "2E+400", "-1E+400", "1E-400", "37.4"};

    private static Comparator<Leaderboards.Line> byValueThenOrder(int direction) {
        return (a, b) -> {
            int c = Double.compare(a.value("m").doubleValue(), b.value("m").doubleValue());
            c = direction * (c != 0 ? c : a.value("m").compareTo(b.value("m")));
            return c != 0 ? c : Integer.compare(a.order(), b.order());
        };
    }

    private static List<Leaderboards.Line> lines(Random random, int n, boolean inOrder) {
        List<Leaderboards.Line> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int order = inOrder ? i * 3 + random.nextInt(3) : random.nextInt(1000);
            Leaderboards.Line l = new Leaderboards.Line(null, "v" + i, false, Settings.parse(""), order);
            BigDecimal v = random.nextInt(4) == 0 ? new BigDecimal(VALUES[random.nextInt(VALUES.length)])
                    : BigDecimal.valueOf(random.nextInt(200) - 50, random.nextInt(3));
            l.values.put("m", new Leaderboards.Entry(null, -1, v, "", false, null));
            l.ranking(v);
            out.add(l);
        }
        return out;
    }

    @Test
    void sortsAsTheComparatorDoesInBothDirections() {
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            int direction = random.nextBoolean() ? 1 : -1;
            List<Leaderboards.Line> lines = lines(random, random.nextInt(60), true);
            List<Leaderboards.Line> expected = new ArrayList<>(lines);
            expected.sort(byValueThenOrder(direction));
            assertTrue(Leaderboards.sortInOrder(lines, direction, byValueThenOrder(direction)));
            for (int i = 0; i < lines.size(); i++) {
                assertTrue(expected.get(i) == lines.get(i), "round " + round + ", place " + i + ": " + describe(lines)
                        + " against " + describe(expected));
            }
        }
    }

    @Test
    void linesNotInTheirOrderAreLeftForTheComparator() {
        Random random = new Random(11);
        List<Leaderboards.Line> lines = lines(random, 40, false);
        List<Leaderboards.Line> before = new ArrayList<>(lines);
        boolean inOrder = true;
        for (int i = 1; i < lines.size(); i++) inOrder &= lines.get(i).order() > lines.get(i - 1).order();
        assertFalse(inOrder);
        assertFalse(Leaderboards.sortInOrder(lines, 1, byValueThenOrder(1)));
        assertEquals(before, lines);
    }

    private static String describe(List<Leaderboards.Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Leaderboards.Line l : lines) sb.append(l.value("m").toPlainString().length() > 12 ? l.value("m").toString() : l.value("m").toPlainString()).append('/').append(l.order()).append(' ');
        return sb.toString();
    }
}
