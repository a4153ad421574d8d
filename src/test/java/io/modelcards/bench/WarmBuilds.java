package io.modelcards.bench;

import com.sun.management.OperatingSystemMXBean;
import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.build.SiteBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark, not a test: {@code N} clean builds of one corpus in one JVM, each stage's wall time and the process's CPU
 * time in it. The first build is a cold one (what a user waits for), the later ones show the work itself once the JIT
 * compiler has caught up (at 10,000 synthetic cards about the third build): the difference is compiling. Profile a
 * warm build with JFR started late, e.g. {@code -XX:StartFlightRecording:delay=110s,duration=60s,settings=profile}.
 * {@code java -Xmx2g -XX:+UseParallelGC -cp … io.modelcards.bench.WarmBuilds CORPUS [N]}
 */
public final class WarmBuilds {
    private WarmBuilds() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/bench/corpus-10000");
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < builds; i++) {
            Path dir = Files.createTempDirectory("warm-builds");
            StringBuilder stages = new StringBuilder();
            long[] at = {System.nanoTime(), os.getProcessCpuTime()};
            String[] stage = {"start"};
            BuildProgress progress = new BuildProgress() {
                @Override
                public void stage(String name) {
                    long now = System.nanoTime();
                    long cpu = os.getProcessCpuTime();
                    stages.append(String.format(" %s %.1f s (CPU %.1f s)", stage[0], (now - at[0]) / 1e9, (cpu - at[1]) / 1e9));
                    at[0] = now;
                    at[1] = cpu;
                    stage[0] = name;
                }
            };
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            new SiteBuilder(progress).build(BuildOptions.defaults().withContent(corpus).withOutput(dir.resolve("site"))
                    .withReport(null));
            progress.stage("end");
            System.out.printf("build %d: %.2f s, CPU %.2f s:%s%n", i + 1, (System.nanoTime() - t0) / 1e9,
                    (os.getProcessCpuTime() - c0) / 1e9, stages);
            io.modelcards.TestFiles.deleteTree(dir); // the site and its cache folder beside it
        }
    }
}
