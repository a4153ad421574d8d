package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model's leaderboard entries kept as bytes (StoredEntries) read back as they were made: the entries of the keys
 * asked for, each key's in the order made, keys in the order of first appearance, and every field the same.
 */
class StoredEntriesTest {
    private static final SourcePosition AT = SourcePosition.of("content/x.md", 1);

    /** A scratch in the heap, as the spill file keeps bytes: a place for each put. */
    private static final class HeapScratch implements Scratch {
        private final Map<Long, byte[]> kept = new HashMap<>();
        private final AtomicLong end = new AtomicLong(1_000_000_000_000L); // places past 32 bits

        @Override
        public synchronized long put(byte[] bytes) {
            long at = end.getAndAdd(bytes.length);
            kept.put(at, bytes.clone());
            return at;
        }

        @Override
        public synchronized byte[] get(long at, int length) {
            byte[] b = kept.get(at);
            assertEquals(length, b.length);
            return b.clone();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsBackTheEntriesOfTheKeysAsked(boolean scratch) {
        Random random = new Random(42);
        StoredEntries store = new StoredEntries(scratch ? new HeapScratch() : null);
        // enough kinds and values for numbers of three bytes; variants outside ASCII; results far apart
        List<Leaderboards.Entry.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            kinds.add(new Leaderboards.Entry.Kind("Bench " + (i % 7), null, "task " + (i % 3), "metric " + i,
                    Settings.parse(i % 2 == 0 ? "" : (i % 5) + "-shot"), List.of()));
        }
        String[] variants = {"", "7B", "Ünïcödé 13B", "大模型 70B", "🙂 chat"};
        String[] keys = {"known\u0000a", "name\u0000b", "name\u0000c", "name\u0000d"};
        Model model = new Model("m", "M", "M", AT, "", null, List.of(), List.of(), List.of());
        for (int round = 0; round < 200; round++) {
            List<Leaderboards.Entry> made = new ArrayList<>();
            Map<Leaderboards.Entry, String> keyOf = new java.util.IdentityHashMap<>();
            int index = random.nextInt(3);
            int n = random.nextInt(round < 5 ? 3 : 300);
            for (int i = 0; i < n; i++) {
                index += 1 + (random.nextInt(10) == 0 ? random.nextInt(100_000) : random.nextInt(3));
                Leaderboards.Entry e = new Leaderboards.Entry(model, index,
                        new BigDecimal(random.nextInt(2_000_000)).movePointLeft(random.nextInt(4)),
                        variants[random.nextInt(variants.length)], random.nextBoolean(),
                        kinds.get(random.nextInt(kinds.size())));
                made.add(e);
                keyOf.put(e, keys[random.nextInt(1 + round % keys.length)]);
            }
            StoredEntries.Made m = store.store(made, keyOf::get);
            List<String> order = new ArrayList<>();
            for (Leaderboards.Entry e : made) if (!order.contains(keyOf.get(e))) order.add(keyOf.get(e));
            assertEquals(order, List.of(m.stored().keys()));
            for (int k = 0; k < order.size(); k++) {
                String key = order.get(k);
                assertEquals(made.stream().filter(e -> keyOf.get(e).equals(key)).count(), m.counts()[k]);
            }
            Set<String> batch = new HashSet<>();
            for (String k : keys) if (random.nextBoolean()) batch.add(k);
            List<Leaderboards.Entry> expected = new ArrayList<>();
            for (String key : order) {
                if (!batch.contains(key)) continue;
                for (Leaderboards.Entry e : made) if (keyOf.get(e).equals(key)) expected.add(e);
            }
            List<Leaderboards.Entry> read = new ArrayList<>();
            List<String> readKeys = new ArrayList<>();
            store.read(model, m.stored(), batch, (key, e) -> {
                readKeys.add(key);
                read.add(e);
            });
            for (int i = 0; i < read.size(); i++) assertEquals(keyOf.get(expected.get(i)), readKeys.get(i));
            assertEquals(expected.size(), read.size());
            for (int i = 0; i < read.size(); i++) {
                Leaderboards.Entry x = expected.get(i);
                Leaderboards.Entry y = read.get(i);
                assertSame(model, y.model());
                assertEquals(x.index(), y.index());
                assertEquals(x.value(), y.value()); // scale too: 1.0 and 1.00 are two values
                assertEquals(x.variant(), y.variant());
                assertEquals(x.baseline(), y.baseline());
                assertEquals(x.kind(), y.kind());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void equalKindsAndValuesAreReadAsOneInstance(boolean scratch) {
        StoredEntries store = new StoredEntries(scratch ? new HeapScratch() : null);
        Model a = new Model("a", "A", "A", AT, "", null, List.of(), List.of(), List.of());
        Model b = new Model("b", "B", "B", AT, "", null, List.of(), List.of(), List.of());
        Leaderboards.Entry.Kind kind = new Leaderboards.Entry.Kind("B", null, "t", "acc", Settings.parse(""), List.of());
        Leaderboards.Entry.Kind same = new Leaderboards.Entry.Kind("B", null, "t", "acc", Settings.parse(""), List.of());
        var x = store.store(List.of(new Leaderboards.Entry(a, 0, new BigDecimal("71.5"), "", false, kind)), e -> "k");
        var y = store.store(List.of(new Leaderboards.Entry(b, 3, new BigDecimal("71.5"), "", false, same)), e -> "k");
        List<Leaderboards.Entry> read = new ArrayList<>();
        store.read(a, x.stored(), Set.of("k"), (key, e) -> read.add(e));
        store.read(b, y.stored(), Set.of("k"), (key, e) -> read.add(e));
        Leaderboards.Entry ra = read.get(0);
        Leaderboards.Entry rb = read.get(1);
        assertSame(ra.kind(), rb.kind());
        assertSame(ra.value(), rb.value());
        assertSame(x.stored().keys()[0], y.stored().keys()[0]);
        assertEquals(3, rb.index());
        assertNull(scratch ? x.stored().bytes() : null);
    }
}
