package io.modelcards.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of the site: its path relative to the output folder (with '/') and its bytes. */
public record OutputFile(String path, byte[] bytes) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("output path must be relative and inside the site: " + path);
        }
    }

    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String asText() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
