package io.modelcards.render;

/**
 * Where rendered files go as they are made, so a large site need not be held in memory. Implementations used
 * with parallel rendering must be thread-safe.
 */
public interface SiteSink {
    void accept(OutputFile file);

    /** A sink that keeps every file in a list (tests, check, serve). */
    static SiteSink into(java.util.List<OutputFile> files) {
        return new SiteSink() {
            @Override
            public synchronized void accept(OutputFile file) {
                files.add(file);
            }
        };
    }
}
