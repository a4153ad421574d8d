package io.modelcards.diag;

import java.util.Objects;

/** A place in a content file: project-relative path with '/', 1-based line and column. */
public record SourcePosition(String path, int line, int column) implements Comparable<SourcePosition> {
    public SourcePosition {
        Objects.requireNonNull(path, "path");
    }

    public static SourcePosition of(String path, int line) {
        return new SourcePosition(path, line, 0);
    }

    public static SourcePosition file(String path) {
        return new SourcePosition(path, 0, 0);
    }

    public SourcePosition withLine(int newLine) {
        return new SourcePosition(path, newLine, 0);
    }

    /** {@code path:line:column}, leaving out what is unknown (0). */
    @Override
    public String toString() {
        if (line <= 0) return path;
        return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourcePosition other) {
        // by path, line, column; written out, since diagnostics are sorted often
        if (this == other) return 0;
        int c = path == other.path ? 0 : path.compareTo(other.path); // one file's positions share its path
        if (c != 0) return c;
        c = Integer.compare(line, other.line);
        return c != 0 ? c : Integer.compare(column, other.column);
    }
}
