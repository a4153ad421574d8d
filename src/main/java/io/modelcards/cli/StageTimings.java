package io.modelcards.cli;

import io.modelcards.build.BuildProgress;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --timings}: how long each stage of a build took, printed to stderr when the build is done. */
final class StageTimings implements BuildProgress {
    private final BuildProgress inner;
    private final PrintStream err;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private String current;
    private long since;

    StageTimings(BuildProgress inner, PrintStream err) {
        this.inner = inner;
        this.err = err;
    }

    @Override
    public synchronized void stage(String name) {
        close();
        current = name;
        since = System.nanoTime();
        inner.stage(name);
    }

    @Override
    public void count(String stage, int done, int total) {
        inner.count(stage, done, total);
    }

    @Override
    public synchronized void done() {
        close();
        inner.done();
        StringBuilder s = new StringBuilder("timings:");
        nanos.forEach((k, v) -> s.append(' ').append(k).append(' ').append(v / 1_000_000).append(" ms,"));
        s.append(" total ").append((System.nanoTime() - start) / 1_000_000).append(" ms");
        err.println(s);
    }

    private void close() {
        if (current != null) nanos.merge(current, System.nanoTime() - since, Long::sum);
        current = null;
    }
}
