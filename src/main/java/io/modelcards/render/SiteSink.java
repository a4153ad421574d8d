package io.modelcards.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where rendered files go as they are made, so a large site need not be held in memory. Implementations used
 * with parallel rendering must be thread-safe.
 */
public interface SiteSink {
    void accept(OutputFile file);

    /** A large file (models.json) written straight to its destination by {@code writer}. */
    void acceptStream(String path, StreamWriter writer);

    @FunctionalInterface
    interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A sink that keeps every file in a list (tests, check, serve). */
    static SiteSink into(java.util.List<OutputFile> files) {
        return new SiteSink() {
            @Override
            public synchronized void accept(OutputFile file) {
                files.add(file);
            }

            @Override
            public void acceptStream(String path, StreamWriter writer) {
                var bytes = new java.io.ByteArrayOutputStream();
                try {
                    writer.write(bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                accept(new OutputFile(path, bytes.toByteArray()));
            }
        };
    }
}
