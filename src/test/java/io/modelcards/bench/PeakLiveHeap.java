package io.modelcards.bench;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.build.SiteBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: the live heap of a clean build over time, the largest of it being what a build needs
 * at least (peak RSS is that plus what the collector is allowed to leave uncollected, set by the heap size). Every
 * {@code SECONDS} a full collection is forced and the heap in use after it printed with the stage running, so a build
 * takes longer under it; compare two versions' peaks, not their times.
 * {@code java -Xmx3g [-Dhistogram=true] [-Dlive=MiB] -cp … io.modelcards.bench.PeakLiveHeap CORPUS [SECONDS]}
 * ({@code -Dlive}: a histogram on stderr for every sample of at least that much, for a build that runs out of heap)
 */
public final class PeakLiveHeap {
    private PeakLiveHeap() {}

    /** The first lines of the live heap's class histogram (jcmd GC.class_histogram). */
    private static String histogram(int lines) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return String.join("\n", java.util.Arrays.asList(String.valueOf(text).split("\n")).subList(0, lines + 3));
        } catch (Exception e) {
            return "no histogram: " + e;
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/bench/corpus-10000");
        long every = (long) (1000 * Double.parseDouble(args.length > 1 ? args[1] : "5"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String[] stage = {"start"};
        List<String> samples = new ArrayList<>();
        long[] peak = {0};
        boolean histogram = Boolean.getBoolean("histogram"); // -Dhistogram=true: the top classes at the peak
        String[] peakHistogram = {""};
        java.util.Map<String, long[]> stagePeak = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> stageHistogram = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> stageLast = new java.util.LinkedHashMap<>();
        Thread probe = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                    synchronized (samples) {
                        samples.add(stage[0] + " " + used);
                        // as it goes too, so that a build that runs out of heap (-Xmx512m) shows where: -Dlive=MiB
                        System.err.println("live " + stage[0] + " " + used + " MiB");
                        if (used >= Integer.getInteger("live", Integer.MAX_VALUE)) System.err.println(histogram(20));
                        String h = histogram ? used + " MiB\n" + histogram(30) : null; // taken once per sample
                        if (used > peak[0] && histogram) peakHistogram[0] = stage[0] + " " + h;
                        long[] sp = stagePeak.computeIfAbsent(stage[0], k -> new long[1]);
                        if (used > sp[0] && histogram) stageHistogram.put(stage[0], h);
                        sp[0] = Math.max(sp[0], used);
                        if (histogram) stageLast.put(stage[0], h);
                        peak[0] = Math.max(peak[0], used);
                    }
                }
            } catch (InterruptedException e) {
                // the build is over
            }
        });
        probe.setDaemon(true);
        Path out = java.nio.file.Files.createTempDirectory("live-heap");
        BuildOptions options = BuildOptions.defaults().withContent(corpus).withOutput(out.resolve("site")).withReport(null);
        probe.start();
        long t0 = System.nanoTime();
        var result = new SiteBuilder(new BuildProgress() {
            @Override
            public void stage(String name) {
                stage[0] = name;
            }
        }).build(options);
        probe.interrupt();
        synchronized (samples) {
            System.out.printf("live heap after forced collections, MiB (stage: used): %s%n", String.join(", ", samples));
            System.out.printf("peak live heap %d MiB; %d models, ok %s, %d s%n", peak[0], result.modelCount(), result.ok(),
                    (System.nanoTime() - t0) / 1_000_000_000);
            if (histogram) System.out.println("at the peak: " + peakHistogram[0]);
            if (histogram) stageHistogram.forEach((k, v) -> System.out.println("largest in stage " + k + ": " + v));
            if (histogram) stageLast.forEach((k, v) -> System.out.println("last in stage " + k + ": " + v));
        }
    }
}
