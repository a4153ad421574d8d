package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A composite cell's part metric ("part2") is read by hand as the pattern part(\d+) read it. */
class LeaderboardPartTest {
    private static final Pattern PART = Pattern.compile("part(\\d+)");

    private static int byPattern(String metric) {
        Matcher m = PART.matcher(metric);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void readsWhatThePatternMatches() {
        String[] metrics = {"part1", "part2", "part10", "part0", "part007", "part", "parts", "part1a", "Part1", " part1",
            "part1 ", "part-1", "part+1", "part١", "part123456789", "accuracy", "", "p", "partx2"};
        for (String m : metrics) assertEquals(byPattern(m), Leaderboards.partNumber(m), m);
        // every text of up to 3 characters after "part" from an alphabet of digits, letters, signs and a space
        String alphabet = "0123456789a -+٣";
        for (int length = 0; length <= 3; length++) {
            int[] at = new int[length];
            while (true) {
                StringBuilder sb = new StringBuilder("part");
                for (int i : at) sb.append(alphabet.charAt(i));
                assertEquals(byPattern(sb.toString()), Leaderboards.partNumber(sb.toString()), sb.toString());
                int k = length - 1;
                while (k >= 0 && ++at[k] == alphabet.length()) at[k--] = 0;
                if (k < 0) break;
            }
        }
    }

    @Test
    void aNumberBeyondAnyTableIsNoPart() {
        assertEquals(-1, Leaderboards.partNumber("part99999999999999999999"), "the pattern's parseInt would throw");
    }
}
