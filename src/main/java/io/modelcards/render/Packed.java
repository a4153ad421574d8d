package io.modelcards.render;

/**
 * Bytes held compressed until they are needed: their length (4 bytes, big-endian), then LZ4. Used for what a build
 * holds of every model until the end of a stage: its search-index entries here (80 MB at 100,000 synthetic cards, a
 * fifth of that packed), its blocks, links and results in build.StoredList. LZ4 rather than Deflate: cards repeat
 * their words, LZ4 reads several times faster, and Deflate works on whole streams with its native code holding the
 * collector off (the JVM's GC locker) for as long. lz4-java's native code where it ships one for the platform (Linux,
 * macOS and Windows on x86-64 and ARM), else its pure Java code: the native code compresses and decompresses about
 * four times faster once both are compiled (8.7 MB of cards: 6.5 ms against 24–31 ms) and needs no compiling at
 * all, and it holds the collector off for one model's list at a time, a few microseconds. The bytes are only ever
 * read back by the same build, so the two, which may compress slightly differently, are never mixed.
 */
public final class Packed {
    private static final net.jpountz.lz4.LZ4Factory LZ4 = net.jpountz.lz4.LZ4Factory.fastestInstance();

    private Packed() {}

    /** The bytes compressed, after their length (so that unpacking allocates once). */
    public static byte[] pack(byte[] raw) {
        net.jpountz.lz4.LZ4Compressor c = LZ4.fastCompressor();
        byte[] out = new byte[4 + c.maxCompressedLength(raw.length)];
        out[0] = (byte) (raw.length >>> 24);
        out[1] = (byte) (raw.length >>> 16);
        out[2] = (byte) (raw.length >>> 8);
        out[3] = (byte) raw.length;
        int n = c.compress(raw, 0, raw.length, out, 4, out.length - 4);
        return java.util.Arrays.copyOf(out, 4 + n);
    }

    /** The length of the bytes {@code packed} holds, without unpacking them. */
    public static int length(byte[] packed) {
        return ((packed[0] & 0xFF) << 24) | ((packed[1] & 0xFF) << 16) | ((packed[2] & 0xFF) << 8) | (packed[3] & 0xFF);
    }

    public static byte[] unpack(byte[] packed) {
        int length = length(packed);
        byte[] out = new byte[length];
        int n = LZ4.safeDecompressor().decompress(packed, 4, packed.length - 4, out, 0, length);
        if (n != length) throw new IllegalStateException("packed bytes: " + n + " of " + length + " bytes");
        return out;
    }
}
