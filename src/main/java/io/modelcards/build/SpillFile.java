package io.modelcards.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Build stage: where a build's {@link StoredList}s keep their bytes, outside the heap: a file in the build's cache
 * folder, written once per list and read back at each decode (from the operating system's file cache, which is not the
 * process's memory and which the system may write out). At 10,000 synthetic cards the encoded blocks, links and
 * results are about 90 MB, at 100,000 about 0.9 GB: held in the heap they set its size. The file is removed from its
 * folder as soon as it is open (on systems that allow it; else when it is closed), so nothing is left behind, not even
 * by a build that is killed; it is closed when no list refers to it any more. Thread-safe.
 */
final class SpillFile implements io.modelcards.render.Scratch {
    private static final Cleaner CLEANER = Cleaner.create();

    private final FileChannel channel;
    private final AtomicLong end = new AtomicLong();

    private SpillFile(FileChannel channel) {
        this.channel = channel;
    }

    /** A new, empty spill file in {@code folder} (made if missing). */
    static SpillFile open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path path = Files.createTempFile(folder, "stored-", ".bin");
        FileChannel channel;
        boolean unlinked;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Files.delete(path); // POSIX: the open file stays readable; nothing is left on disk
            unlinked = true;
        } catch (IOException e) {
            unlinked = false;
            channel = null;
        }
        if (!unlinked) {
            // a system that does not remove open files (Windows): removed when closed
            if (channel != null) channel.close();
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
        SpillFile spill = new SpillFile(channel);
        FileChannel toClose = channel;
        CLEANER.register(spill, () -> {
            try {
                toClose.close();
            } catch (IOException e) {
                // nothing to do: the file is gone with the process at the latest
            }
        });
        return spill;
    }

    /** Writes {@code bytes} and gives where they are. */
    @Override
    public long put(byte[] bytes) {
        long at = end.getAndAdd(bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            long position = at;
            while (buffer.hasRemaining()) position += channel.write(buffer, position);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build's spill file: " + e.getMessage(), e);
        }
        return at;
    }

    /** The {@code length} bytes written at {@code at}. */
    @Override
    public byte[] get(long at, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            long position = at;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) throw new IOException("the spill file ends at " + position + " of " + (at + length));
                position += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's spill file: " + e.getMessage(), e);
        }
        return bytes;
    }

    /** The bytes written so far. */
    long size() {
        return end.get();
    }
}
