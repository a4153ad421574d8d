package io.modelcards.build;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Site;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long decoding every model's stored blocks and results takes, once the code is compiled: a build decodes each
 * several times (the link stage, the catalogue's passes, the model pages). Loads CONTENT as a build does (its lists
 * held encoded, in the heap), then reads every model's blocks and results ROUNDS times on every core and prints each
 * round's wall and CPU time ({@code -Dserial=true}: on one thread, by its own CPU time). Compare two versions of the codec by running each in its own JVM on the same content.
 *
 * <pre>java -cp target/test-classes:target/classes:CLASSPATH io.modelcards.build.DecodeTiming CONTENT [ROUNDS]</pre>
 */
public final class DecodeTiming {
    /** {@code -Dserial=true}: one thread reads the models, and its own CPU time is what a round is measured by. */
    private static final boolean SERIAL = Boolean.getBoolean("serial");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private DecodeTiming() {}

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("decode-timing");
        Site site = new SiteBuilder().load(BuildOptions.defaults().withContent(content).withOutput(dir.resolve("site")),
                new Diagnostics(), StoredList.keeper(null));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double[] cpus = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            long threadCpu = THREADS.getCurrentThreadCpuTime();
            long allocated = ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
            long n = SERIAL ? site.models().stream().mapToLong(DecodeTiming::read).sum()
                    : site.models().parallelStream().mapToLong(DecodeTiming::read).sum();
            threadCpu = THREADS.getCurrentThreadCpuTime() - threadCpu;
            allocated = ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes() - allocated;
            double wall = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, wall);
            // serial: this thread's CPU only (the collector's threads left out); else the process's
            cpus[r] = (SERIAL ? threadCpu : os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf("round %d: %.3f s, CPU %.3f s (%d items%s)%n", r + 1, wall, cpus[r], n,
                    SERIAL ? String.format(", %.1f MB allocated", allocated / 1e6) : "");
        }
        double[] late = java.util.Arrays.copyOfRange(cpus, rounds / 3, rounds);
        java.util.Arrays.sort(late);
        System.out.printf("best %.3f s, median CPU of the last two thirds %.3f s%n", best, late[late.length / 2]);
        io.modelcards.TestFiles.deleteTree(dir);
    }

    private static long read(Model m) {
        long n = 0;
        for (Block b : m.blocks()) n += b instanceof Block.TableBlock t ? t.table().rows().size() : 1;
        for (Result r : m.results()) n += r.benchmark().length() > 0 ? 1 : 0;
        return n;
    }
}
