package io.modelcards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real cards for tests: a sample of {@code ../shared/corpus-wild} (the system property {@code corpus.wild} moves it),
 * unpacked by its {@code unpack.py}. Without the corpus a test is skipped, except in CI ({@code CI=true}), where it fails.
 */
public final class WildCorpus {
    public static final Path CORPUS = Path.of(System.getProperty("corpus.wild", "../shared/corpus-wild"));

    private WildCorpus() {}

    /**
     * Unpacks {@code sample} cards chosen with {@code seed} (and {@code more} of unpack.py's options) into {@code out},
     * its log beside it; the Markdown files unpacked, sorted.
     */
    public static List<Path> unpack(Path out, String sample, int seed, String... more) throws Exception {
        if (!Files.isRegularFile(CORPUS.resolve("unpack.py"))) {
            if ("true".equals(System.getenv("CI"))) fail("corpus-wild is missing at " + CORPUS.toAbsolutePath());
            Assumptions.abort("corpus-wild is not at " + CORPUS.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of("python3", CORPUS.resolve("unpack.py").toString(), "--out",
                out.toString(), "--sample", sample, "--seed", String.valueOf(seed)));
        command.addAll(List.of(more));
        Path log = out.resolveSibling(out.getFileName() + "-unpack.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "unpack.py took more than 5 minutes");
        assertEquals(0, p.exitValue(), Files.readString(log));
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }
}
