package io.modelcards.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file of the site: its path relative to the output folder (with '/') and its bytes. The bytes of a
 * {@link #lazy} file are made when first asked for, once (serve's errors overlay data).
 */
public final class OutputFile {
    private final String path;
    private Supplier<byte[]> maker;
    private volatile byte[] bytes;

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

    public byte[] bytes() {
        byte[] b = bytes;
        if (b != null) return b;
        synchronized (this) {
            if (bytes == null) {
                bytes = Objects.requireNonNull(maker.get(), "bytes");
                maker = null;
            }
            return bytes;
        }
    }

    /** Whether the bytes are made already (always, unless the file is {@link #lazy}). */
    public boolean isMade() {
        return bytes != null;
    }

    public String asText() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OutputFile[path=" + path + (isMade() ? ", " + bytes.length + " bytes]" : ", not made yet]");
    }
}
