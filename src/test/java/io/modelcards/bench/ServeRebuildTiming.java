package io.modelcards.bench;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.build.IncrementalBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: what {@code serve} does when one card changes in a large catalogue. Builds the corpus
 * once in memory, appends a sentence to one card, and times the incremental rebuild (re-parse of that file,
 * link, render of what changed, link check). The corpus folder is copied first, so it is never modified.
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.modelcards.bench.ServeRebuildTiming -Dexec.args=CORPUS}
 */
public final class ServeRebuildTiming {
    private ServeRebuildTiming() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/bench/corpus-10000");
        Path copy = Files.createTempDirectory("serve-timing");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        BuildOptions options = BuildOptions.defaults().withContent(copy).withOutput(copy.resolve("../serve-timing-out"))
                .withReport(null);
        IncrementalBuilder builder = new IncrementalBuilder(options, BuildProgress.NONE);
        long t0 = System.nanoTime();
        var first = builder.full();
        long full = (System.nanoTime() - t0) / 1_000_000;
        Path card;
        try (Stream<Path> files = Files.list(copy)) {
            card = files.filter(p -> p.toString().endsWith(".md")).sorted().skip(Math.max(0, first.result().site().models().size() / 2)).findFirst().orElseThrow();
        }
        for (int i = 1; i <= 3; i++) {
            Files.writeString(card, Files.readString(card) + "\nOne more sentence, edit " + i + ".\n");
            long t1 = System.nanoTime();
            var outcome = builder.rebuild(List.of(card));
            long ms = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("serve rebuild %d: %d ms (models rendered again: %d, full build: %s)%n", i, ms,
                    outcome.modelsRendered(), outcome.full());
        }
        System.out.printf("serve first full build: %d ms, %d models%n", full, first.result().site().models().size());
    }
}
