package io.modelcards.render;

import io.modelcards.model.Model;
import io.modelcards.model.Texts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The leaderboard entries of a catalogue too large to group at once ({@link Leaderboards#of(Site, Scratch)}), each
 * model's made once and kept as a few bytes an entry, benchmark by benchmark, so that a batch of benchmarks reads only
 * its own entries and never the models' results or tables again. Each batch read every model reporting on one of its
 * benchmarks (its results and the tables they came from, decoded, then every entry made): at 100,000 synthetic cards,
 * 11 million results in about 18 batches, that was half of the build's samples.
 * <p>
 * A model's bytes: its entries' variants (each once), then per benchmark key, in the order of {@link Stored#keys},
 * the number of entries and their length in bytes, then each entry as four unsigned variable-length numbers: its
 * result's place after the last one's, its kind and its value (their places among the kinds and values of the
 * catalogue, each held once here) and its variant's place, doubled, plus one for a baseline. About 6 bytes an entry.
 * <p>
 * {@link #store} may run on every core at once; {@link #read} only after every store has returned (on any core).
 */
final class StoredEntries {
    /** One model's entries: its benchmark keys in order of first appearance, and where its bytes are. */
    record Stored(String[] keys, long at, int length, byte[] bytes) {}

    /** What {@link #store} gives: the model's entries as kept, and how many it has under each of its keys. */
    record Made(Stored stored, int[] counts) {}

    /** Where the bytes go; null: in the heap, in {@link Stored#bytes}. */
    private final Scratch scratch;
    private final Codes kinds = new Codes();
    private final Codes values = new Codes();
    /** The catalogue's benchmark keys, each string held once for all models. */
    private final Map<String, String> canonical = new java.util.concurrent.ConcurrentHashMap<>();

    StoredEntries(Scratch scratch) {
        this.scratch = scratch;
    }

    /** Keeps {@code entries}, a model's, made in its results' order; {@code keyOf} gives an entry's benchmark key. */
    Made store(List<Leaderboards.Entry> entries, java.util.function.Function<Leaderboards.Entry, String> keyOf) {
        Map<String, List<Leaderboards.Entry>> byKey = new LinkedHashMap<>();
        for (Leaderboards.Entry e : entries) byKey.computeIfAbsent(keyOf.apply(e), k -> new ArrayList<>()).add(e);
        Map<String, Integer> variantAt = new LinkedHashMap<>();
        for (Leaderboards.Entry e : entries) variantAt.putIfAbsent(e.variant(), variantAt.size());
        Bytes out = new Bytes(16 + 6 * entries.size());
        out.number(variantAt.size());
        for (String v : variantAt.keySet()) out.text(v);
        String[] keys = new String[byKey.size()];
        int[] counts = new int[keys.length];
        Bytes section = new Bytes(64);
        int k = 0;
        for (Map.Entry<String, List<Leaderboards.Entry>> part : byKey.entrySet()) {
            keys[k] = canonical.computeIfAbsent(part.getKey(), x -> x);
            counts[k++] = part.getValue().size();
            section.clear();
            int last = 0;
            for (Leaderboards.Entry e : part.getValue()) {
                section.number(e.index() - last);
                last = e.index();
                section.number(kinds.id(e.kind()));
                section.number(values.id(e.value()));
                section.number(2 * variantAt.get(e.variant()) + (e.baseline() ? 1 : 0));
            }
            out.number(part.getValue().size());
            out.number(section.size);
            out.append(section);
        }
        byte[] bytes = out.toArray();
        Stored stored = scratch == null ? new Stored(keys, 0, bytes.length, bytes)
                : new Stored(keys, scratch.put(bytes), bytes.length, null);
        return new Made(stored, counts);
    }

    /**
     * Gives {@code to} the entries of {@code m} kept in {@code s} whose key is in {@code batch}, with their key: key by
     * key in the order of its keys, each key's in the order they were made.
     */
    void read(Model m, Stored s, Set<String> batch, BiConsumer<String, Leaderboards.Entry> to) {
        byte[] bytes = s.bytes() != null ? s.bytes() : scratch.get(s.at(), s.length());
        Reader in = new Reader(bytes);
        String[] variants = new String[in.number()];
        for (int i = 0; i < variants.length; i++) variants[i] = Texts.intern(in.text()); // as a result's are
        for (String key : s.keys()) {
            int count = in.number();
            int length = in.number();
            if (!batch.contains(key)) {
                in.at += length;
                continue;
            }
            int index = 0;
            for (int j = 0; j < count; j++) {
                index += in.number();
                Leaderboards.Entry.Kind kind = (Leaderboards.Entry.Kind) kinds.at(in.number());
                BigDecimal value = (BigDecimal) values.at(in.number());
                int v = in.number();
                to.accept(key, new Leaderboards.Entry(m, index, value, variants[v >>> 1], (v & 1) != 0, kind));
            }
        }
    }

    /** Equal objects numbered once each, in the order met; the first instance of each is the one given back. */
    private static final class Codes {
        private final Map<Object, Integer> ids = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Object> items = new ArrayList<>();

        int id(Object o) {
            Integer id = ids.get(o);
            if (id != null) return id;
            synchronized (this) {
                return ids.computeIfAbsent(o, x -> {
                    items.add(x);
                    return items.size() - 1;
                });
            }
        }

        Object at(int id) {
            return items.get(id);
        }
    }

    /** A growing array of bytes. */
    private static final class Bytes {
        private byte[] b;
        private int size;

        Bytes(int capacity) {
            b = new byte[capacity];
        }

        void clear() {
            size = 0;
        }

        /** {@code n} (not negative), seven bits a byte, the lowest first; the high bit says more follow. */
        void number(int n) {
            if (size + 5 > b.length) b = java.util.Arrays.copyOf(b, 2 * b.length + 5);
            while ((n & ~0x7F) != 0) {
                b[size++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            b[size++] = (byte) n;
        }

        void text(String s) {
            byte[] t = s.getBytes(StandardCharsets.UTF_8);
            number(t.length);
            append(t, t.length);
        }

        void append(Bytes other) {
            append(other.b, other.size);
        }

        private void append(byte[] bytes, int length) {
            if (size + length > b.length) b = java.util.Arrays.copyOf(b, Math.max(2 * b.length, size + length));
            System.arraycopy(bytes, 0, b, size, length);
            size += length;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(b, size);
        }
    }

    /** Reads what {@link Bytes} wrote. */
    private static final class Reader {
        private final byte[] b;
        int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int number() {
            int n = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b[at++];
                n |= (x & 0x7F) << shift;
                if (x >= 0) return n;
            }
        }

        String text() {
            int length = number();
            String s = new String(b, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }
}
