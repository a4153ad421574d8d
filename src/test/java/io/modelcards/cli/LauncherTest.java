package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (src/main/launcher/modelcards) gives the JVM the settings README's "Heap and JIT" describes, by
 * command and content size: run with JAVA set to a script that prints its arguments and MALLOC_ARENA_MAX instead of
 * starting a JVM, on content folders of about 1, 60 and 210 MB (measured by {@code du}, as the launcher does).
 */
class LauncherTest {
    @TempDir
    static Path dir;

    static Path launcher;
    static Path small;
    static Path large;
    static Path veryLarge;

    @BeforeAll
    static void setUp() throws IOException {
        launcher = dir.resolve("bin/modelcards");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("src/main/launcher/modelcards"), launcher);
        Path java = dir.resolve("bin/fake-java");
        Files.writeString(java, "#!/bin/sh\necho \"MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-}\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        for (Path p : List.of(launcher, java)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        small = content("small", 1);
        large = content("large", 60);
        veryLarge = content("very-large", 210);
    }

    /** A content folder holding {@code mb} megabytes (10^6 bytes) of Markdown, really written (du counts blocks). */
    private static Path content(String name, int mb) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        byte[] line = "| model | 12.5 | 67.1 | 80.2 |\n".repeat(33_000).getBytes(StandardCharsets.UTF_8); // ~1 MB
        for (int i = 0; i < mb; i++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve("card-" + i + ".md"))) {
                out.write(line, 0, 1_000_000);
            }
        }
        return folder;
    }

    /** The lines the fake JVM printed: MALLOC_ARENA_MAX=…, then one argument a line. */
    private static List<String> run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("MODELCARDS_HEAP");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("MALLOC_ARENA_MAX");
        pb.environment().put("JAVA", dir.resolve("bin/fake-java").toString());
        // huge pages depend on the machine's Linux: off unless a test asks (hugePages…)
        pb.environment().put("MODELCARDS_HUGE_PAGES", "off");
        pb.environment().putAll(env);
        if ("auto".equals(env.get("MODELCARDS_HUGE_PAGES"))) pb.environment().remove("MODELCARDS_HUGE_PAGES");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /** The JVM options before {@code -jar}. */
    private static List<String> jvm(List<String> lines) {
        return lines.subList(1, lines.indexOf("-jar"));
    }

    @Test
    void aSmallBuildGetsC1G1WithDeduplicationAnd3g() throws Exception {
        List<String> out = run(Map.of(), "build", "--content", small.toString());
        assertEquals(List.of("-Xmx3072m", "-XX:TieredStopAtLevel=1", "-XX:+UseStringDeduplication", "-Xshare:auto"), jvm(out));
        assertEquals("MALLOC_ARENA_MAX=", out.get(0));
        assertEquals(List.of(launcher.getParent().resolve("modelcards.jar").toString(), "build", "--content", small.toString()),
                out.subList(out.indexOf("-jar") + 1, out.size()));
    }

    @Test
    void hugePagesAreAskedForABuildUnder50MbWhereLinuxGivesThemOnRequest() throws Exception {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
        for (String command : List.of("build", "check")) {
            assertEquals(onRequest, jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "auto"), command, "--content", small.toString()))
                    .contains("-XX:+UseTransparentHugePages"), command);
            assertFalse(jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "auto"), command, "--content", large.toString()))
                    .contains("-XX:+UseTransparentHugePages"), command);
        }
        assertFalse(jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "auto"), "serve", "--content", small.toString()))
                .contains("-XX:+UseTransparentHugePages"));
        // the user's word over the launcher's choice
        assertEquals(List.of("-Xmx3072m", "-XX:TieredStopAtLevel=1", "-XX:+UseStringDeduplication",
                "-XX:+UseTransparentHugePages", "-Xshare:auto"), jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "on"), "build",
                "--content", small.toString())));
        assertTrue(jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "on"), "build", "--content", veryLarge.toString()))
                .contains("-XX:+UseTransparentHugePages"));
        assertFalse(jvm(run(Map.of("MODELCARDS_HUGE_PAGES", "off"), "build", "--content", small.toString()))
                .contains("-XX:+UseTransparentHugePages"));
    }

    @Test
    void serveGetsBothCompilers() throws Exception {
        assertEquals(List.of("-Xmx3072m", "-XX:+TieredCompilation", "-XX:+UseStringDeduplication", "-Xshare:auto"),
                jvm(run(Map.of(), "serve", "--content=" + small)));
    }

    @Test
    void aLargeBuildGetsBothCompilersWithoutOnStackReplacementTheParallelCollectorAndAHeapFromItsSize() throws Exception {
        // 60 MB: 3 × the content is 175 MB, at least 256; 250 MB + an eighth of the content is 257
        for (String command : List.of("build", "check")) {
            assertEquals(List.of("-Xmx257m", "-XX:+TieredCompilation", "-XX:-UseOnStackReplacement", "-XX:MaxInlineLevel=5",
                "-XX:FreqInlineSize=150", "-XX:InlineSmallCode=500", "-XX:+UseParallelGC", "-Xshare:auto"),
                    jvm(run(Map.of(), command, "--content", large.toString())), command);
        }
        // serve of the same folder: 24 × the content
        assertEquals(List.of("-Xmx3072m", "-XX:+TieredCompilation", "-XX:+UseStringDeduplication", "-Xshare:auto"),
                jvm(run(Map.of(), "serve", "--content", large.toString())));
    }

    @Test
    void aVeryLargeBuildGetsTheSerialCollectorBothCompilersInliningShallowlyAndTwoArenas() throws Exception {
        // 210 MB: 3 × the content capped at 320 MB; 250 MB + an eighth is 275, less; a young generation of 40 MB
        List<String> out = run(Map.of(), "build", "--content", veryLarge.toString());
        assertEquals(List.of("-Xmx320m", "-XX:+TieredCompilation", "-XX:-UseOnStackReplacement", "-XX:MaxInlineLevel=5",
                "-XX:FreqInlineSize=150", "-XX:InlineSmallCode=500", "-XX:CICompilerCount=2", "-XX:+UseSerialGC", "-Xmn40m",
                "-Xshare:auto"),
                jvm(out));
        assertEquals("MALLOC_ARENA_MAX=2", out.get(0));
        assertEquals("MALLOC_ARENA_MAX=8", run(Map.of("MALLOC_ARENA_MAX", "8"), "build", "--content", veryLarge.toString()).get(0));
    }

    @Test
    void aHeapOrACollectorTheUserSetsIsKept() throws Exception {
        List<String> heap = run(Map.of("MODELCARDS_HEAP", "1g"), "build", "--content", veryLarge.toString());
        assertEquals(List.of("-Xmx1g", "-XX:+TieredCompilation", "-XX:-UseOnStackReplacement", "-XX:MaxInlineLevel=5",
                "-XX:FreqInlineSize=150", "-XX:InlineSmallCode=500", "-XX:+UseStringDeduplication",
                "-Xshare:auto"), jvm(heap));
        assertEquals("MALLOC_ARENA_MAX=", heap.get(0));
        List<String> g1 = jvm(run(Map.of("JAVA_OPTS", "-XX:+UseG1GC"), "build", "--content", large.toString()));
        assertEquals(List.of("-Xmx257m", "-XX:+TieredCompilation", "-XX:-UseOnStackReplacement", "-XX:MaxInlineLevel=5",
                "-XX:FreqInlineSize=150", "-XX:InlineSmallCode=500", "-XX:+UseStringDeduplication",
                "-Xshare:auto", "-XX:+UseG1GC"), g1);
        List<String> serial = jvm(run(Map.of("JAVA_OPTS", "-XX:+UseSerialGC"), "build", "--content", veryLarge.toString()));
        assertFalse(serial.stream().anyMatch(a -> a.startsWith("-Xmn")), serial.toString());
    }

    @Test
    void theClassDataArchiveIsUsedWhenItIsThere() throws Exception {
        Path jsa = launcher.getParent().resolve("modelcards.jsa");
        Files.writeString(jsa, "");
        try {
            List<String> out = jvm(run(Map.of(), "build", "--content", small.toString()));
            assertEquals(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), out.subList(0, 3));
        } finally {
            Files.delete(jsa);
        }
    }
}
