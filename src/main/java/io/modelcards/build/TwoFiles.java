package io.modelcards.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Bytes written to a stream and, as far as it can, to a copy file: the build report and the copy the build state keeps
 * of it ({@link BuildState#reportCopy}), written in one pass instead of the report being read back and copied. A
 * failure of the copy never fails the stream: the copy is then dropped ({@link #finish} says whether it is whole). The
 * copy goes to a ".part" file first and is moved into place by {@link #finish}, so no half copy is ever left in place.
 */
final class TwoFiles extends OutputStream {
    private final OutputStream first;
    private final Path copy;
    private final Path part;
    private OutputStream second;

    /** Writes to {@code first} and to {@code copy} (none when null). */
    TwoFiles(OutputStream first, Path copy) {
        this.first = first;
        this.copy = copy;
        this.part = copy == null ? null : copy.resolveSibling(copy.getFileName() + ".part");
        if (copy != null) {
            try {
                Files.createDirectories(part.getParent());
                second = Files.newOutputStream(part);
            } catch (IOException e) {
                second = null;
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        first.write(b);
        if (second != null) {
            try {
                second.write(b);
            } catch (IOException e) {
                drop();
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        if (second != null) {
            try {
                second.write(b, off, len);
            } catch (IOException e) {
                drop();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        first.flush();
    }

    /** Closes the copy and moves it into place: whether it was written whole (false when there was none). */
    boolean finish() {
        if (second == null) return false;
        try {
            second.close();
            second = null;
            Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            drop();
            return false;
        }
    }

    private void drop() {
        try {
            if (second != null) second.close();
        } catch (IOException ignored) {
            // the copy is gone either way
        }
        second = null;
        try {
            if (part != null) Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a stale .part is written over by the next build
        }
    }

    /** Closes the first stream; a copy not finished is dropped. */
    @Override
    public void close() throws IOException {
        drop();
        first.close();
    }
}
