package io.modelcards.bench;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.parse.CellTyper;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.render.SiteRenderer;
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
 * JMH benchmarks of the hot paths: splitting and parsing one card (the seed file), typing cells, rendering a
 * model page. Run with {@code mvn -Pbench verify} (see README, Performance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PipelineBench {
    private SourceFile seed;
    private ModelCardParser parser;
    private SiteRenderer renderer;
    private Model idefics;
    private static final String[] CELLS = {"46.1", "37.4 (-22.7)", "8.0/18.75/22.5", "5.8/20.0/18.0 (0.8/2.2/-2.8)",
            "-", "✓", "1550 M", "Adam(0.9, 0.999)", "48.4 (zero-shot) / 57.2 (fine-tune)", "3.6e-7"};
    private static final List<String> PARTS = List.of("group", "text", "image");

    @Setup
    public void setUp() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("content/model-cards.md"));
        seed = ContentScanner.decode(bytes, "content/model-cards.md", new Diagnostics());
        parser = new ModelCardParser();
        renderer = new SiteRenderer(null);
        idefics = parser.parseFile(seed, new Diagnostics()).get(0);
    }

    @Benchmark
    public List<Model> parseSeedFile() {
        return parser.parseFile(seed, new Diagnostics());
    }

    @Benchmark
    public int typeCells() {
        int n = 0;
        for (String c : CELLS) n += CellTyper.type(c, PARTS).type().length();
        return n;
    }

    @Benchmark
    public int renderModelPage() {
        return renderer.renderModel(idefics, SiteConfig.DEFAULTS, new Diagnostics()).size();
    }
}
