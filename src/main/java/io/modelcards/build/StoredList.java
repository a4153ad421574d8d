package io.modelcards.build;

import io.modelcards.model.Model;
import io.modelcards.model.Site;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Build stage: a list of a model (its blocks: prose, tables with their rows and cells, code, lists; its links; its
 * results) held as the bytes of {@link ModelCodec}, compressed, and decoded when a stage reads it. Blocks, links and
 * results are most of a typed card (at 10,000 synthetic cards about 250 MB of blocks and links and 130 MB of results
 * as objects), and each stage reads one model's at
 * a time, so a build holds them encoded and keeps only the lists read last decoded ({@link Recent}). The list is
 * immutable and equal to the list it was made from; an item read twice may be two equal instances (no stage tells
 * them apart).
 */
final class StoredList<T> extends AbstractList<T> implements Model.Encoded, RandomAccess {
    /** The compressed bytes, or null when they are in {@link #spill}. */
    private final byte[] bytes;
    private final SpillFile spill;
    private final long at;
    private final int length;
    private final int size;
    /** For a list of blocks, its number of tables; else -1. */
    private final int tables;
    /** For a list of results, how many are the model's own (not a baseline's); else -1. */
    private final int own;
    /** For a list of blocks, the benchmarks its tables' columns name; for variants, their links; else -1. */
    private final int named;
    private final Function<byte[], List<T>> decoder;
    private final Recent recent;
    private volatile List<T> decoded;

    private StoredList(byte[] packed, SpillFile spill, int size, int tables, int own, int named,
                       Function<byte[], List<T>> decoder, Recent recent) {
        this.tables = tables;
        this.own = own;
        this.named = named;
        this.spill = spill;
        this.bytes = spill == null ? packed : null;
        this.at = spill == null ? 0 : spill.put(packed);
        this.length = packed.length;
        this.size = size;
        this.decoder = decoder;
        this.recent = recent;
    }

    /**
     * What one run keeps of each model it is given: the model with its blocks, links and results held encoded (a list
     * held so already is kept as it is), their bytes in {@code spill} (outside the heap), or in the heap when it is
     * null. The lists share one {@link Recent}; thread-safe.
     */
    static UnaryOperator<Model> keeper(SpillFile spill) {
        Recent recent = new Recent(4 * Runtime.getRuntime().availableProcessors() + 8);
        return m -> {
            Model kept = m;
            if (!(m.blocks() instanceof StoredList)) {
                // the catalogue's cards count tables and the benchmarks they name, from every model
                kept = kept.withBlocks(stored(m.blocks(), m.tableCount(), -1, Model.benchmarkColumnCount(m.blocks()),
                        ModelCodec::encodeBlocks, ModelCodec::decodeBlocks, spill, recent));
            }
            if (!(m.links() instanceof StoredList) && !m.links().isEmpty()) {
                kept = kept.withLinks(stored(m.links(), -1, -1, -1, ModelCodec::encodeLinks, ModelCodec::decodeLinks,
                        spill, recent));
            }
            if (!(m.variants() instanceof StoredList) && !m.variants().isEmpty()) {
                kept = kept.withVariants(stored(m.variants(), -1, -1, Model.variantLinkCount(m.variants()),
                        ModelCodec::encodeVariants, ModelCodec::decodeVariants, spill, recent));
            }
            if (!(m.results() instanceof StoredList) && !m.results().isEmpty()) {
                // the catalogue's cards count them (a results list is the dearest to read)
                kept = kept.withResults(stored(m.results(), -1, m.ownResultCount(), -1, ModelCodec::encodeResults,
                        ModelCodec::decodeResults, spill, recent));
            }
            return kept;
        };
    }

    /**
     * {@code items} encoded and compressed; {@code tables} is the number of tables of a list of blocks, {@code own} the
     * number of the model's own results of a list of results, {@code named} the list's {@link #namedCount}, else -1.
     */
    private static <T> StoredList<T> stored(List<T> items, int tables, int own, int named,
                                            Function<List<T>, byte[]> encode, Function<byte[], List<T>> decode,
                                            SpillFile spill, Recent recent) {
        // the decoder is the codec's own method, one instance for all lists (a lambda around it was one per list: 6 MB
        // at 100,000 cards), and the bytes are unpacked where they are read
        return new StoredList<>(io.modelcards.render.Packed.pack(encode.apply(items)), spill, items.size(), tables, own,
                named, decode, recent);
    }

    /** The compressed bytes held for all models' blocks, links and results, in the heap or not (for measurements). */
    static long bytes(Site site) {
        long n = 0;
        for (Model m : site.models()) {
            if (m.blocks() instanceof StoredList<?> s) n += s.length;
            if (m.links() instanceof StoredList<?> s) n += s.length;
            if (m.results() instanceof StoredList<?> s) n += s.length;
        }
        return n;
    }

    /** Whether the lists of {@code m} keep their bytes outside the heap (for tests). */
    static boolean spilled(Model m) {
        return m.blocks() instanceof StoredList<?> s && s.spill != null;
    }

    private List<T> items() {
        List<T> items = decoded;
        if (items == null) {
            items = decoder.apply(io.modelcards.render.Packed.unpack(bytes != null ? bytes : spill.get(at, length)));
            decoded = items;
            recent.add(this);
        }
        return items;
    }

    @Override
    public T get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int tableCount() {
        return tables;
    }

    @Override
    public int ownResultCount() {
        return own;
    }

    @Override
    public int namedCount() {
        return named;
    }

    @Override
    public Iterator<T> iterator() {
        return items().iterator();
    }

    /**
     * The lists read last, which keep their items decoded: a few per core, since a stage works on one model per core
     * at a time and reads its lists several times. The oldest lets go of its items when a new one is read.
     */
    private static final class Recent {
        private final StoredList<?>[] ring;
        private int next;

        Recent(int size) {
            ring = new StoredList<?>[size];
        }

        synchronized void add(StoredList<?> list) {
            StoredList<?> old = ring[next];
            if (old != null && old != list) old.decoded = null;
            ring[next] = list;
            next = (next + 1) % ring.length;
        }
    }
}
