package io.modelcards.render;

/**
 * Where a render keeps bytes aside while it works, to read them back later in the same run: the build's spill file
 * (build.SpillFile, outside the heap), given to {@link SiteRenderer}. Without one, the bytes stay in the heap.
 * Thread-safe.
 */
public interface Scratch {
    /** Keeps {@code bytes} and gives where they are. */
    long put(byte[] bytes);

    /** The {@code length} bytes kept at {@code at}. */
    byte[] get(long at, int length);
}
