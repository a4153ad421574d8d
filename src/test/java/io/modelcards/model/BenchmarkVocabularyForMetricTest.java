package io.modelcards.model;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcards.diag.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BenchmarkVocabulary#forMetric}: a result goes to the entry on its benchmark's dataset that lists its metric,
 * however the metric is written and however often it is asked (the answers are kept per entry and metric).
 */
class BenchmarkVocabularyForMetricTest {
    private static BenchmarkVocabulary.Benchmark entry(String name, String of, String metric) {
        return new BenchmarkVocabulary.Benchmark(name, List.of(), "", "task", List.of(metric), List.of(), of, "",
                SourcePosition.of("benchmarks.yaml", 1));
    }

    private static final BenchmarkVocabulary.Benchmark COCO = entry("COCO", "", "AP");
    private static final BenchmarkVocabulary.Benchmark CAPTIONS = entry("COCO Captions", "COCO", "CIDEr");

    @Test
    void aMetricOfAnotherEntryOnTheSameDatasetGoesToThatEntryEveryTime() {
        BenchmarkVocabulary vocabulary = new BenchmarkVocabulary(List.of(COCO, CAPTIONS));
        for (int asked = 0; asked < 3; asked++) {
            assertSame(CAPTIONS, vocabulary.forMetric(COCO, "CIDEr"));
            assertSame(CAPTIONS, vocabulary.forMetric(COCO, "cider"));
            assertSame(COCO, vocabulary.forMetric(COCO, "box AP"));
            assertSame(COCO, vocabulary.forMetric(COCO, "BLEU")); // no entry lists it: the benchmark's own
            assertSame(COCO, vocabulary.forMetric(COCO, " "));
            assertSame(CAPTIONS, vocabulary.forMetric(CAPTIONS, "CIDEr"));
        }
    }

    @Test
    void anEntryOfAnotherVocabularyIsAnsweredToo() {
        BenchmarkVocabulary vocabulary = new BenchmarkVocabulary(List.of(COCO, CAPTIONS));
        BenchmarkVocabulary.Benchmark elsewhere = entry("COCO", "", "AP"); // equal, not the same instance
        assertSame(CAPTIONS, vocabulary.forMetric(elsewhere, "CIDEr"));
        assertSame(elsewhere, vocabulary.forMetric(elsewhere, "AP"));
    }
}
