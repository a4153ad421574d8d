package io.modelcards.bench;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.build.IncrementalBuilder;
import io.modelcards.preview.PreviewServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: what {@code serve} does when one card changes in a large catalogue. Builds the corpus
 * once in memory, appends a sentence to one card, and times the incremental rebuild (re-parse of that file,
 * link, render of what changed, link check) up to the new site being published by the preview server, as
 * {@code serve} does it; then fetches the changed page from the server to show that it is served. The corpus
 * folder is copied first, so it is never modified.
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.modelcards.bench.ServeRebuildTiming
 * -Dexec.args="CORPUS [EDITS [prose|line|value]]"}
 */
public final class ServeRebuildTiming {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ServeRebuildTiming() {}

    /**
     * With {@code -Dserve.timing.threads=true}: each thread of the process (the JVM's own too: compilers, collector,
     * string deduplication) by its name, with its CPU time in clock ticks, from /proc (Linux); else empty.
     */
    static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        if (!Boolean.getBoolean("serve.timing.threads")) return out;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                // pid (comm) state ppid ... utime stime: fields 14 and 15, counted after the name's ')'
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(close + 2).split(" ");
                out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** The bytes this thread has allocated so far (HotSpot's ThreadMXBean), or 0. */
    private static long allocated() {
        return CPU instanceof com.sun.management.ThreadMXBean hotspot
                ? hotspot.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** The threads that used CPU between two {@link #threadTicks}, busiest first ("name ms"). */
    static String busy(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        List<java.util.Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((name, ticks) -> {
            long d = ticks - before.getOrDefault(name, 0L);
            if (d > 0) used.add(java.util.Map.entry(name, d * 10)); // USER_HZ 100: a tick is 10 ms
        });
        used.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
        return used.isEmpty() ? "" : " threads: " + String.join(", ", used.stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** Stage names with the milliseconds since the last one. */
    private static final class Stages implements BuildProgress {
        final List<String> lines = new ArrayList<>();
        long at = System.nanoTime();
        String current = "start";

        @Override
        public void stage(String name) {
            mark();
            current = name;
        }

        @Override
        public void done() {
            mark();
            current = "done";
        }

        void mark() {
            long now = System.nanoTime();
            lines.add(current + " " + (now - at) / 1_000_000);
            at = now;
        }

        String take() {
            String s = String.join(", ", lines);
            lines.clear();
            at = System.nanoTime();
            current = "start";
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/bench/corpus-10000");
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // what each edit does: "prose" appends a sentence (lines stay: the model's page alone is rendered again),
        // "line" adds a paragraph under the title (every line below moves), "value" changes a number of a table
        String kind = args.length > 2 ? args[2] : "prose";
        if (!List.of("prose", "line", "value").contains(kind)) throw new IllegalArgumentException("edit kind: " + kind);
        Path copy = Files.createTempDirectory("serve-timing");
        try {
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
            }
            BuildOptions options = BuildOptions.defaults().withContent(copy).withOutput(copy.resolve("../serve-timing-out"))
                    .withReport(null);
            Stages stages = new Stages();
            IncrementalBuilder builder = new IncrementalBuilder(options, stages);
            try (PreviewServer server = PreviewServer.start(new InetSocketAddress("127.0.0.1", 0))) {
                HttpClient http = HttpClient.newHttpClient();
                long t0 = System.nanoTime();
                var first = builder.full();
                server.publish(first.result().files(), first.result().diagnostics().all());
                long full = (System.nanoTime() - t0) / 1_000_000;
                stages.take();
                Path card;
                try (Stream<Path> files = Files.list(copy)) {
                    card = files.filter(p -> p.toString().endsWith(".md")).sorted()
                            .skip(Math.max(0, first.result().site().models().size() / 2)).findFirst().orElseThrow();
                }
                for (int i = 1; i <= edits; i++) {
                    String sentence = "One more sentence, edit " + i + ".";
                    String text = Files.readString(card);
                    Files.writeString(card, switch (kind) {
                        case "line" -> text.replaceFirst("\n", "\n\n" + sentence + "\n");
                        case "value" -> {
                            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\|[^\n]*?\\| (\\d+\\.\\d) ").matcher(text);
                            if (!m.find()) throw new IllegalStateException("no table value in " + card);
                            sentence = String.format(java.util.Locale.ROOT, "%.1f", Double.parseDouble(m.group(1)) + 0.1);
                            yield text.substring(0, m.start(1)) + sentence + text.substring(m.end(1));
                        }
                        default -> text + "\n" + sentence + "\n";
                    });
                    if (Boolean.getBoolean("serve.timing.clock")) System.out.println("serve edit " + i + " starts at " + java.time.LocalTime.now());
                    var ticks = threadTicks();
                    long t1 = System.nanoTime();
                    long cpu1 = CPU.getCurrentThreadCpuTime();
                    long allocated1 = allocated();
                    var outcome = builder.rebuild(List.of(card));
                    // what ServeSession.apply does with a good build
                    if (outcome.result().ok()) server.publish(outcome.result().files(), outcome.result().diagnostics().all());
                    long ms = (System.nanoTime() - t1) / 1_000_000;
                    long cpuMs = (CPU.getCurrentThreadCpuTime() - cpu1) / 1_000_000;
                    long allocatedMb = (allocated() - allocated1) >> 20;
                    String slug = outcome.result().site().models().stream()
                            .filter(m -> m.origin().path().endsWith(card.getFileName().toString())).findFirst().orElseThrow().slug();
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/models/" + slug + "/")).build(), HttpResponse.BodyHandlers.ofString());
                    long served = (System.nanoTime() - t1) / 1_000_000;
                    System.out.printf("serve rebuild %d (%s): %d ms rebuilt and published, %d ms CPU of this thread (page served with"
                            + " the edit: %s, at %d ms; models rendered again: %d, full build: %s, alone: %s) [%s]%n", i, kind, ms, cpuMs,
                            page.body().contains(sentence), served, outcome.modelsRendered(), outcome.full(), outcome.alone(),
                            stages.take() + ", " + allocatedMb + " MB allocated" + busy(ticks, threadTicks()));
                }
                System.out.printf("serve first full build: %d ms, %d models%n", full, first.result().site().models().size());
            }
        } finally {
            // the copy of the corpus (about 100 MB at 10,000 cards) goes when the timing is done
            io.modelcards.TestFiles.deleteTree(copy);
        }
    }
}
