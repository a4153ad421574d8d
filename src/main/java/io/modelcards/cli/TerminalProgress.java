package io.modelcards.cli;

import io.modelcards.build.BuildProgress;
import java.io.PrintStream;

/**
 * Shows how far a build got on one line of a terminal's stderr ({@code [parse] 120/10000 files}), redrawn in
 * place at most every 100 ms and cleared at the end. Silent when stderr is not a terminal or with --quiet.
 */
final class TerminalProgress implements BuildProgress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Progress for the console: on only when there is a terminal and --quiet was not given. */
    static BuildProgress forConsole(boolean quiet) {
        return new TerminalProgress(System.err, System.console() != null && !quiet);
    }

    @Override
    public synchronized void stage(String name) {
        draw("[" + name + "]", true);
    }

    @Override
    public synchronized void count(String stage, int done, int total) {
        draw("[" + stage + "] " + done + "/" + total + " files", done == total);
    }

    @Override
    public synchronized void done() {
        if (!enabled || !drawn) return;
        err.print("\r\033[K");
        err.flush();
        drawn = false;
    }

    private void draw(String text, boolean force) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        drawn = true;
        err.print("\r\033[K" + text);
        err.flush();
    }
}
