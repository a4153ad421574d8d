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
    void theFirstLinesAreTheFirstOfTheWholeSort() {
        Random random = new Random(13);
        for (int round = 0; round < 3000; round++) {
            int direction = random.nextBoolean() ? 1 : -1;
            boolean inOrder = random.nextInt(4) > 0;
            List<Leaderboards.Line> lines = lines(random, 1 + random.nextInt(80), inOrder);
            int keep = 1 + random.nextInt(lines.size() + 5);
            List<Leaderboards.Line> expected = new ArrayList<>(lines);
            expected.sort(byValueThenOrder(direction));
            expected = expected.subList(0, Math.min(keep, expected.size()));
            List<Leaderboards.Line> first = Leaderboards.first(lines, direction, keep, byValueThenOrder(direction));
            assertEquals(expected.size(), first.size(), "round " + round);
            for (int i = 0; i < first.size(); i++) {
                assertTrue(expected.get(i) == first.get(i), "round " + round + ", keep " + keep + ", place " + i + ": "
                        + describe(first) + " against " + describe(expected));
            }
        }
    }

    @Test
    void keptLinesAreRankedAndMarkedAsInTheWholeRanking() {
        Random random = new Random(17);
        for (int round = 0; round < 500; round++) {
            boolean higher = random.nextBoolean();
            List<Leaderboards.Line> lines = new ArrayList<>();
            for (Leaderboards.Line made : lines(random, 1 + random.nextInt(60), true)) {
                Leaderboards.Line l = new Leaderboards.Line(null, made.variant, false, made.settings, made.order());
                if (random.nextInt(5) > 0) l.values.put("m", entry(made.value("m"), random)); // else none to rank by
                if (random.nextBoolean() || l.values.isEmpty()) {
                    l.values.put("n", entry(BigDecimal.valueOf(random.nextInt(20)), random));
                }
                lines.add(l);
            }
            int keep = 1 + random.nextInt(lines.size() + 3);
            List<String> expected = expected(lines, higher);
            expected = expected.subList(0, Math.min(keep, expected.size()));
            List<String> kept = new ArrayList<>();
            for (Leaderboards.Line l : Leaderboards.rank(new ArrayList<>(lines), board(higher), keep)) kept.add(shown(l));
            assertEquals(expected, kept, "round " + round + ", keep " + keep);
        }
    }

    /**
     * The whole ranking as the leaderboard page states it, line by line ({@link #shown}): lines with a value of "m" by
     * that value (higher or lower first), ties sharing a rank, then the others in their order; each metric's best
     * comparable value starred wherever it is.
     */
    private static List<String> expected(List<Leaderboards.Line> lines, boolean higher) {
        int direction = higher ? -1 : 1;
        List<Leaderboards.Line> ranked = new ArrayList<>();
        List<Leaderboards.Line> missing = new ArrayList<>();
        for (Leaderboards.Line l : lines) (l.value("m") != null ? ranked : missing).add(l);
        ranked.sort(byValueThenOrder(direction));
        missing.sort(Comparator.comparingInt(Leaderboards.Line::order));
        java.util.Map<String, BigDecimal> best = new java.util.HashMap<>();
        for (Leaderboards.Line l : lines) {
            for (var v : l.values.entrySet()) {
                boolean higherBetter = v.getKey().equals("m") == higher;
                if (!v.getValue().comparable()) continue;
                best.merge(v.getKey(), v.getValue().value(), (a, b) -> (a.compareTo(b) < 0) == higherBetter ? b : a);
            }
        }
        List<String> out = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < ranked.size() + missing.size(); i++) {
            Leaderboards.Line l = i < ranked.size() ? ranked.get(i) : missing.get(i - ranked.size());
            if (i < ranked.size()) {
                boolean tie = i > 0 && ranked.get(i - 1).value("m").compareTo(l.value("m")) == 0;
                rank = tie ? rank : i + 1;
            }
            java.util.TreeSet<String> starred = new java.util.TreeSet<>();
            for (var v : l.values.entrySet()) {
                if (v.getValue().comparable() && v.getValue().value().compareTo(best.get(v.getKey())) == 0) {
                    starred.add(v.getKey());
                }
            }
            out.add(l.variant + " rank " + (i < ranked.size() ? rank : 0) + " best " + starred);
        }
        return out;
    }

    /** An entry of {@code value}, one in six marked not comparable. */
    private static Leaderboards.Entry entry(BigDecimal value, Random random) {
        List<Leaderboards.Note> notes = random.nextInt(6) == 0
                ? List.of(new Leaderboards.Note("Training data", "contains it", true, true)) : List.of();
        return new Leaderboards.Entry(null, -1, value, "", false,
                new Leaderboards.Entry.Kind("B", null, "t", "m", Settings.parse(""), notes));
    }

    private static Leaderboards.Board board(boolean higher) {
        Leaderboards.Board board = new Leaderboards.Board(new Leaderboards.Benchmark("B", null), "t");
        board.primary = "m";
        board.higherIsBetter.put("m", higher);
        board.higherIsBetter.put("n", !higher);
        return board;
    }

    private static String shown(Leaderboards.Line l) {
        return l.variant + " rank " + l.rank + " best " + new java.util.TreeSet<>(l.best);
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
