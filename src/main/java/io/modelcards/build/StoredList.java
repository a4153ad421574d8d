package io.modelcards.build;

import io.modelcards.model.Block;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Build stage: a list of a model (its blocks: prose, tables with their rows and cells, code, lists; its links) held as
 * the bytes of {@link ModelCodec}, compressed, and decoded when a stage reads it. Blocks and links are most of a
 * parsed card (at 10,000 synthetic cards about 250 MB of objects, 63 MB held so), and each stage reads one model's at
 * a time, so a build holds them encoded and keeps only the lists read last decoded ({@link Recent}). The list is
 * immutable and equal to the list it was made from; an item read twice may be two equal instances (no stage tells
 * them apart).
 */
final class StoredList<T> extends AbstractList<T> implements Model.Encoded, RandomAccess {
    private final byte[] bytes;
    private final int size;
    private final Function<byte[], List<T>> decoder;
    private final Recent recent;
    private volatile List<T> decoded;

    private StoredList(byte[] bytes, int size, Function<byte[], List<T>> decoder, Recent recent) {
        this.bytes = bytes;
        this.size = size;
        this.decoder = decoder;
        this.recent = recent;
    }

    /**
     * What one run keeps of each model it is given: the model with its blocks and links held encoded (a list held so
     * already is kept as it is). The lists share one {@link Recent}; thread-safe.
     */
    static UnaryOperator<Model> keeper() {
        Recent recent = new Recent(4 * Runtime.getRuntime().availableProcessors() + 8);
        return m -> {
            Model kept = m;
            if (!(m.blocks() instanceof StoredList)) {
                kept = kept.withBlocks(new StoredList<>(compress(ModelCodec.encodeBlocks(m.blocks())), m.blocks().size(),
                        b -> ModelCodec.decodeBlocks(decompress(b)), recent));
            }
            if (!(m.links() instanceof StoredList) && !m.links().isEmpty()) {
                kept = kept.withLinks(new StoredList<>(compress(ModelCodec.encodeLinks(m.links())), m.links().size(),
                        b -> ModelCodec.decodeLinks(decompress(b)), recent));
            }
            return kept;
        };
    }

    /** The bytes held for all models' blocks and links (for measurements). */
    static long bytes(Site site) {
        long n = 0;
        for (Model m : site.models()) {
            if (m.blocks() instanceof StoredList<Block> s) n += s.bytes.length;
            if (m.links() instanceof StoredList<Link> s) n += s.bytes.length;
        }
        return n;
    }

    private List<T> items() {
        List<T> items = decoded;
        if (items == null) {
            items = decoder.apply(bytes);
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
    public Iterator<T> iterator() {
        return items().iterator();
    }

    /**
     * LZ4 in pure Java: cards repeat their words (a third of the size at 10,000 synthetic cards), and it reads faster
     * than Deflate; Deflate's native code also holds the collector off while it runs (the JVM's GC locker).
     */
    private static final net.jpountz.lz4.LZ4Factory LZ4 = net.jpountz.lz4.LZ4Factory.safeInstance();

    /** The bytes compressed, after their length (so that decompressing allocates once). */
    static byte[] compress(byte[] raw) {
        net.jpountz.lz4.LZ4Compressor c = LZ4.fastCompressor();
        byte[] out = new byte[4 + c.maxCompressedLength(raw.length)];
        out[0] = (byte) (raw.length >>> 24);
        out[1] = (byte) (raw.length >>> 16);
        out[2] = (byte) (raw.length >>> 8);
        out[3] = (byte) raw.length;
        int n = c.compress(raw, 0, raw.length, out, 4, out.length - 4);
        return java.util.Arrays.copyOf(out, 4 + n);
    }

    static byte[] decompress(byte[] packed) {
        int length = ((packed[0] & 0xFF) << 24) | ((packed[1] & 0xFF) << 16) | ((packed[2] & 0xFF) << 8) | (packed[3] & 0xFF);
        byte[] out = new byte[length];
        int n = LZ4.safeDecompressor().decompress(packed, 4, packed.length - 4, out, 0, length);
        if (n != length) throw new IllegalStateException("stored list: " + n + " of " + length + " bytes");
        return out;
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
