package io.modelcards.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file of the site: its path relative to the output folder (with '/') and its bytes. The bytes of a
 * {@link #lazy} file are made when first asked for, once (serve's errors overlay data). A file kept for long
 * ({@code serve} keeps every file of the site) may be {@link #pack packed}: its bytes are then held deflated
 * and inflated on each {@link #bytes()}; what they are never changes.
 */
public final class OutputFile {
    private final String path;
    /** Whether the path ends in ".html" (asked of every file of the site on every serve edit). */
    private final boolean page;
    private Supplier<byte[]> maker;
    private volatile byte[] bytes;
    /** The bytes deflated, once packed; {@link #length} is their length inflated. */
    private volatile byte[] packed;
    private volatile int length;
    /** Set once packing was tried and did not pay (small, or compressed already, as images are). */
    private volatile boolean kept;

    public OutputFile(String path, byte[] bytes) {
        this(path);
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    private OutputFile(String path) {
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("output path must be relative and inside the site: " + path);
        }
        this.path = path;
        this.page = path.endsWith(".html");
    }

    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file whose bytes {@code maker} makes on first use; they must not depend on when that is. */
    public static OutputFile lazy(String path, Supplier<byte[]> maker) {
        OutputFile f = new OutputFile(path);
        f.maker = Objects.requireNonNull(maker, "maker");
        return f;
    }

    public String path() {
        return path;
    }

    /** Whether this is a page: its path ends in ".html". */
    public boolean isPage() {
        return page;
    }

    /** The file's bytes: not to be changed (a packed file gives a new copy each time). */
    public byte[] bytes() {
        byte[] b = bytes;
        if (b != null) return b;
        byte[] p = packed;
        if (p != null) return inflate(p, length);
        synchronized (this) {
            if (bytes == null && packed == null) {
                bytes = Objects.requireNonNull(maker.get(), "bytes");
                maker = null;
            }
            return bytes != null ? bytes : inflate(packed, length);
        }
    }

    /** The number of bytes, without inflating a packed file; -1 for a {@link #lazy} file not made yet. */
    public int size() {
        byte[] b = bytes;
        if (b != null) return b.length;
        return packed != null ? length : -1;
    }

    /**
     * {@code parts} (one a model, in order, empty ones left out) grouped in order into groups of at most {@code
     * maxBytes} bytes joined, never splitting a part; a part larger than that is a group of its own. At least one group,
     * empty when no part has bytes. A data file of every model (the search index, the catalogue's data) is written as
     * a file per group, so that none grows without bound.
     */
    static List<List<byte[]>> groups(List<byte[]> parts, int maxBytes) {
        return groups(parts, p -> p.length, maxBytes);
    }

    /** Like {@link #groups(List, int)}, each part's length in bytes as {@code length} gives it (parts held packed). */
    static <T> List<List<T>> groups(List<T> parts, java.util.function.ToIntFunction<T> length, int maxBytes) {
        List<List<T>> groups = new java.util.ArrayList<>();
        List<T> group = new java.util.ArrayList<>();
        long size = 0;
        for (T p : parts) {
            int n = length.applyAsInt(p);
            if (n == 0) continue;
            if (!group.isEmpty() && size + n > maxBytes) {
                groups.add(group);
                group = new java.util.ArrayList<>();
                size = 0;
            }
            group.add(p);
            size += n + 1;
        }
        if (!group.isEmpty() || groups.isEmpty()) groups.add(group);
        return groups;
    }

    /** The JSON array of file paths {@code path(2)} … {@code path(count)}: {@code ["search-index-2.js",…]}. */
    static String pathList(int count, java.util.function.IntFunction<String> path) {
        StringBuilder more = new StringBuilder("[");
        for (int n = 2; n <= count; n++) more.append(n == 2 ? "" : ",").append('"').append(path.apply(n)).append('"');
        return more.append(']').toString();
    }

    /**
     * {@code start}, the non-empty parts joined with commas, then {@code end}, as UTF-8 in one array of the exact size
     * (serve joins the search index and the catalogue data from each model's bytes on an edit).
     */
    static byte[] joined(String start, List<byte[]> parts, String end) {
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        byte[] tail = end.getBytes(StandardCharsets.UTF_8);
        int length = head.length + tail.length;
        int nonEmpty = 0;
        for (byte[] p : parts) {
            length += p.length;
            if (p.length > 0) nonEmpty++;
        }
        byte[] out = new byte[length + Math.max(0, nonEmpty - 1)];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        for (byte[] p : parts) {
            if (p.length == 0) continue;
            if (at > head.length) out[at++] = ',';
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return out;
    }

    /** Whether the bytes are made already (always, unless the file is {@link #lazy}). */
    public boolean isMade() {
        return bytes != null || packed != null;
    }

    /**
     * Holds the bytes deflated from now on, when that saves a tenth or more: for serve, which keeps every file of
     * the site in memory (at 10,000 cards about 900 MB as they are, a seventh of that packed). A file not made yet,
     * or packed already, is left as it is.
     */
    public void pack() {
        if (bytes == null || packed != null || kept) return; // cheap for a file tried already: serve asks on each edit
        synchronized (this) {
            packNow();
        }
    }

    private void packNow() {
        byte[] b = bytes;
        if (b == null || packed != null || kept) return;
        kept = true; // unless packed below
        if (b.length < 512) return;
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try {
            deflater.setInput(b);
            deflater.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            if (out.size() > b.length - b.length / 10) return;
            length = b.length;
            packed = out.toByteArray();
            bytes = null;
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed, int length) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(packed);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length) {
                int k = inflater.inflate(out, n, length - n);
                if (k == 0 && (inflater.finished() || inflater.needsInput())) break;
                n += k;
            }
            if (n != length) throw new IllegalStateException("a packed file inflated to " + n + " of " + length + " bytes");
            return out;
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("a packed file is damaged", e);
        } finally {
            inflater.end();
        }
    }

    public String asText() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OutputFile[path=" + path + (isMade() ? ", " + bytes.length + " bytes]" : ", not made yet]");
    }
}
