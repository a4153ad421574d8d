package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of section splitting alone (flexmark's parse of the seed file and the split on its level-1
 * headings), beside io.modelcards.bench.PipelineBench; here because the splitter is internal to parse.
 * Run with {@code mvn -Pbench verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SectionSplitBench {
    private SourceFile seed;
    private SectionSplitter splitter;

    @Setup
    public void setUp() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("content/model-cards.md"));
        seed = ContentScanner.decode(bytes, "content/model-cards.md", new Diagnostics());
        splitter = new SectionSplitter(new MarkdownEngine());
    }

    @Benchmark
    public List<Section> splitSeedFile() {
        return splitter.split(seed, new Diagnostics());
    }
}
