package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ending check in front of GLUED_SPLIT lets through every text the pattern matches. */
class ResultContextSplitTest {
    @Test
    void everyTextThePatternMatchesPassesTheEndingCheck() {
        List<String> pieces = List.of("VQAv2", "MMBench", "Doc", "-", "_", " ", "test", "TEST", "dev", "Dev", "std",
                "val", "VAL", "validation", "testA", "testb", "minival", "x", "é", "ſ", "K");
        Random random = new Random(13);
        int matched = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = 1 + random.nextInt(5); i > 0; i--) b.append(pieces.get(random.nextInt(pieces.size())));
            String text = b.toString();
            if (ResultContext.GLUED_SPLIT.matcher(text).matches()) {
                matched++;
                assertTrue(ResultContext.mayEndInSplit(text), text);
            }
        }
        assertTrue(matched > 10_000, "matched " + matched);
    }
}
