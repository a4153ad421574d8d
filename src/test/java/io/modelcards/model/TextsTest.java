package io.modelcards.model;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Texts#intern} gives what {@link String#intern} gives, whatever its cache holds. */
class TextsTest {
    @Test
    void givesTheInternedInstanceEvenWhenSlotsAreTakenAndOverwritten() {
        // four times as many texts as slots, each asked twice: found in the cache, or overwritten by another text
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4 * Texts.SLOTS; i++) {
                String s = new String("text " + i); // a new instance each time, never the interned one
                assertSame(s.intern(), Texts.intern(s), s);
            }
        }
        // two texts with the same hash (so the same slot) in turn
        String a = new String("Aa");
        String b = new String("BB");
        for (int i = 0; i < 3; i++) {
            assertSame("Aa", Texts.intern(a));
            assertSame("BB", Texts.intern(b));
        }
        assertNull(Texts.intern(null));
    }

    @Test
    void givesTheInternedInstanceOfUtf8BytesWithoutConfusingTextsOfOneSlot() {
        byte[] buf = "xx  Aa BB MMLU MML ü-Score 漢字 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            assertSame("Aa", Texts.intern(buf, 4, 2));
            assertSame("BB", Texts.intern(buf, 7, 2)); // the same hash as "Aa", so the same slot
            assertSame("MMLU", Texts.intern(buf, 10, 4));
            assertSame("MML", Texts.intern(buf, 15, 3)); // a prefix of the text held in a neighbouring slot
            assertSame("", Texts.intern(buf, 0, 0));
            assertSame("ü-Score", Texts.intern(buf, 19, 8)); // not ASCII: decoded as UTF-8
            assertSame("漢字", Texts.intern(buf, 28, 6));
        }
        // a slot holding a text of the same length and hash but other characters is not taken for it
        for (int i = 0; i < 4 * Texts.SLOTS; i += 997) {
            byte[] t = ("text " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertSame(("text " + i).intern(), Texts.intern(t, 0, t.length));
        }
    }

    @Test
    void givesTheInternedInstanceFromEveryThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        String s = new String("metric " + ((i * 31 + seed) % 3_000));
                        assertSame(s.intern(), Texts.intern(s), s);
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResultHoldsTheInternedTexts() {
        Result r = new Result(new String("MMLU"), true, new String("mmlu"), "", new String("accuracy"),
                new BigDecimal("45.3"), new String("45.3"), new String("5-shot"), new String("7B"), false,
                List.of(Result.Origin.at(Result.Kind.PROSE, io.modelcards.diag.SourcePosition.of("a.md", 1), List.of(), "")));
        assertSame("MMLU", r.benchmark());
        assertSame("mmlu", r.dataset());
        assertSame("accuracy", r.metric());
        assertSame("45.3", r.printed());
        assertSame("5-shot", r.setting());
        assertSame("7B", r.variant());
    }
}
