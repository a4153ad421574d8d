package io.modelcards.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.BenchmarkVocabulary.Benchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled benchmark vocabulary, its lookup, and content/benchmarks.yaml. */
class BenchmarkVocabularyTest {
    private static final BenchmarkVocabulary BUNDLED = new BenchmarkVocabularyLoader().loadBundled(new Diagnostics());

    @Nested
    class Bundled {
        @Test
        void loadsWithoutDiagnostics() {
            var diagnostics = new Diagnostics();
            new BenchmarkVocabularyLoader().loadBundled(diagnostics);
            assertEquals(List.of(), diagnostics.formatted());
        }

        @Test
        void hasAtLeast150Benchmarks() {
            assertTrue(BUNDLED.size() >= 150, "only " + BUNDLED.size() + " benchmarks");
        }

        @Test
        void noSpellingNamesTwoBenchmarks() {
            assertEquals(java.util.Map.of(), BUNDLED.conflicts());
        }

        @Test
        void namesAreUnique() {
            Set<String> keys = new HashSet<>();
            for (Benchmark b : BUNDLED.benchmarks()) {
                assertTrue(keys.add(BenchmarkVocabulary.key(b.name())), "two entries named " + b.name());
            }
        }

        @Test
        void everyEntryHasATaskAndAMetric() {
            for (Benchmark b : BUNDLED.benchmarks()) {
                assertFalse(b.task().isBlank(), b.name() + " has no task");
                assertFalse(b.metrics().isEmpty(), b.name() + " has no metric");
            }
        }

        @Test
        void everyEntryKnowsItsLineInTheBundledFile() {
            Benchmark mmlu = BUNDLED.find("MMLU").orElseThrow();
            assertEquals(BenchmarkVocabularyLoader.BUNDLED, mmlu.origin().path());
            assertTrue(mmlu.origin().line() > 1, "line " + mmlu.origin().line());
        }
    }

    /** Spellings taken from the dev corpus: model-index dataset names and types, and modern/ table headers. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Common Voice 8                                    | Common Voice
            Common Voice sv-SE                                | Common Voice
            Common Voice 8.0 fr                               | Common Voice
            mozilla-foundation/common_voice_8_0               | Common Voice
            Robust Speech Event - Dev Data                    | Robust Speech Event Dev Data
            speech-recognition-community-v2/dev_data          | Robust Speech Event Dev Data
            glue                                              | GLUE
            GLUE COLA                                         | CoLA
            tweet_eval                                        | TweetEval
            conll2003                                         | CoNLL-2003
            wmt16_en_ro_pre_processed                         | WMT16
            mim_gold_ner                                      | MIM-GOLD-NER
            amazon_reviews_multi                              | Amazon Reviews Multi
            SAMSum Corpus: A Human-annotated Dialogue Dataset for Abstractive Summarization | SAMSum
            AI2 Reasoning Challenge (25-Shot)                 | ARC-Challenge
            ai2_arc ARC-Challenge                             | ARC-Challenge
            HellaSwag (10-Shot)                               | HellaSwag
            Winogrande (5-shot)                               | WinoGrande
            GSM8k (5-shot)                                    | GSM8K
            TruthfulQA (MC2) (10-shot)                        | TruthfulQA
            cais/mmlu                                         | MMLU
            TIGER-Lab/MMLU-Pro                                | MMLU-Pro
            GPQA* _(diamond)_                                 | GPQA Diamond
            MBPP +                                            | MBPP+
            RACE(High)                                        | RACE
            C-Eval(Val)                                       | C-Eval
            librispeech_asr                                   | LibriSpeech
            """)
    void findsSpellingsFromTheCorpus(String written, String canonical) {
        assertEquals(Optional.of(canonical), BUNDLED.find(written).map(Benchmark::name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hellaswag, HellaSwag", "HellaSwag, HellaSwag", "hella_swag, HellaSwag", "HELLA-SWAG, HellaSwag",
            "ARC-c, ARC-Challenge", "ARC Challenge, ARC-Challenge", "arc_challenge, ARC-Challenge",
            "arc_easy, ARC-Easy", "squad_v2, SQuAD v2", "SQuAD 2.0, SQuAD v2", "squad, SQuAD",
            "COCO, COCO", "COCO Captions, COCO Captions", "test-clean, LibriSpeech"})
    void ignoresCaseAndSeparators(String written, String canonical) {
        assertEquals(Optional.of(canonical), BUNDLED.find(written).map(Benchmark::name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HumanEval+, HumanEval+", "HumanEval, HumanEval", "MMLU-Pro, MMLU-Pro", "MMLU, MMLU",
            "MATH-500, MATH-500", "MATH 500, MATH-500", "GPQA, GPQA", "SWE-bench Verified, SWE-bench Verified",
            "ImageNet-21k, ImageNet-21k"})
    void keepsVariantsApartFromTheirParent(String written, String canonical) {
        assertEquals(Optional.of(canonical), BUNDLED.find(written).map(Benchmark::name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Model, ", "Average, ", "7B, ", "Latin, ", "Phi-3.5-Mini-Instruct, ", "5-shot, ", "ai2_arc, "})
    void findsNothingForHeadersThatAreNotBenchmarks(String written) {
        assertEquals(Optional.empty(), BUNDLED.find(written));
    }

    @Test
    void findsNothingForBlankText() {
        assertEquals(Optional.empty(), BUNDLED.find(""));
        assertEquals(Optional.empty(), BUNDLED.find(null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LibriSpeech, wer", "LibriSpeech, WER", "Common Voice, cer", "WikiText, perplexity",
            "C4, loss", "AG News, error rate"})
    void errorRatesAndPerplexityAreLowerIsBetter(String benchmark, String metric) {
        assertFalse(BUNDLED.find(benchmark).orElseThrow().isHigherBetter(metric));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MMLU, accuracy", "SQuAD, f1", "COCO, ap", "COCO Captions, cider", "WMT14, bleu", "FLEURS, bleu"})
    void scoresAreHigherIsBetter(String benchmark, String metric) {
        assertTrue(BUNDLED.find(benchmark).orElseThrow().isHigherBetter(metric));
    }

    @Nested
    class UserFile {
        @TempDir
        Path content;

        private BenchmarkVocabulary load(String yaml, Diagnostics diagnostics) throws IOException {
            Files.writeString(content.resolve("benchmarks.yaml"), yaml);
            return new BenchmarkVocabularyLoader().load(content, "content", diagnostics);
        }

        @Test
        void absentFileGivesTheBundledVocabulary() {
            var diagnostics = new Diagnostics();
            var vocabulary = new BenchmarkVocabularyLoader().load(content, "content", diagnostics);
            assertEquals(BUNDLED.size(), vocabulary.size());
            assertEquals(List.of(), diagnostics.formatted());
        }

        @Test
        void addsNewBenchmarks() throws IOException {
            var diagnostics = new Diagnostics();
            var vocabulary = load("""
                    - name: Nova-Eval
                      aliases: [nova eval v1]
                      task: question-answering
                      metrics: [accuracy]
                    """, diagnostics);
            assertEquals(List.of(), diagnostics.formatted());
            assertEquals(BUNDLED.size() + 1, vocabulary.size());
            assertEquals("Nova-Eval", vocabulary.find("nova_eval_v1").orElseThrow().name());
            assertEquals("content/benchmarks.yaml:1", vocabulary.find("Nova-Eval").orElseThrow().origin().toString());
        }

        @Test
        void replacesABundledBenchmarkOfTheSameName() throws IOException {
            var diagnostics = new Diagnostics();
            var vocabulary = load("""
                    - name: mmlu
                      aliases: [house mmlu]
                      task: multiple-choice
                      metrics: [accuracy, error]
                      higherIsBetter: {error: false}
                    """, diagnostics);
            assertEquals(List.of(), diagnostics.formatted());
            assertEquals(BUNDLED.size(), vocabulary.size());
            Benchmark mmlu = vocabulary.find("House MMLU").orElseThrow();
            assertEquals("mmlu", mmlu.name());
            assertFalse(mmlu.isHigherBetter("error"));
            assertEquals(Optional.empty(), vocabulary.find("hendrycksTest"));
        }

        @Test
        void reportsAnEntryWithoutTaskOrMetricAtItsLine() throws IOException {
            var diagnostics = new Diagnostics();
            var vocabulary = load("""
                    - name: Good
                      task: question-answering
                      metrics: [f1]
                    - name: Bad
                      metrics: [f1]
                    """, diagnostics);
            assertEquals(List.of("content/benchmarks.yaml:4: error: benchmark \"Bad\": needs name, task and at least"
                    + " one metric; skipped"), diagnostics.formatted());
            assertTrue(vocabulary.find("Good").isPresent());
            assertEquals(Optional.empty(), vocabulary.find("Bad"));
        }

        @Test
        void warnsAboutAnAliasThatAlreadyNamesAnotherBenchmark() throws IOException {
            var diagnostics = new Diagnostics();
            var vocabulary = load("""
                    # our in-house suite
                    - name: House Suite
                      aliases: [hellaswag]
                      task: multiple-choice
                      metrics: [accuracy]
                    """, diagnostics);
            assertEquals(1, diagnostics.all().size(), diagnostics.formatted().toString());
            String message = diagnostics.formatted().get(0);
            assertTrue(message.startsWith("content/benchmarks.yaml:2: warning: benchmark \"House Suite\": \"hellaswag\""
                    + " already names \"HellaSwag\""), message);
            assertEquals("HellaSwag", vocabulary.find("hellaswag").orElseThrow().name());
        }

        @Test
        void warnsAboutUnknownKeysAndBadHigherIsBetter() throws IOException {
            var diagnostics = new Diagnostics();
            load("""
                    - name: X-Eval
                      task: question-answering
                      metrics: [wer]
                      higherIsBetter: {wer: no-idea, cer: false}
                      url: https://example.org
                    """, diagnostics);
            assertEquals(List.of(
                    "content/benchmarks.yaml:1: warning: benchmark \"X-Eval\": higherIsBetter names \"cer\", which is"
                            + " not one of its metrics [wer]",
                    "content/benchmarks.yaml:1: warning: benchmark \"X-Eval\": higherIsBetter.wer: expected true or"
                            + " false, got \"no-idea\"; ignored",
                    "content/benchmarks.yaml:1: warning: unknown key 'url' (known: name, aliases, dataset, task,"
                            + " metrics, higherIsBetter, of, derivedFrom)"), diagnostics.formatted());
        }

        @Test
        void reportsInvalidYamlWithItsLine() throws IOException {
            var diagnostics = new Diagnostics();
            var vocabulary = load("""
                    - name: A
                      task: qa
                      metrics: [f1
                    - name: B
                    """, diagnostics);
            assertEquals(1, diagnostics.all().size(), diagnostics.formatted().toString());
            assertTrue(diagnostics.formatted().get(0).startsWith("content/benchmarks.yaml:4: error: invalid YAML"),
                    diagnostics.formatted().get(0));
            assertEquals(BUNDLED.size(), vocabulary.size());
        }

        @Test
        void reportsAMappingInsteadOfAList() throws IOException {
            var diagnostics = new Diagnostics();
            load("benchmarks:\n  - name: A\n", diagnostics);
            assertEquals(List.of("content/benchmarks.yaml:1: error: expected a list of benchmarks (- name: ..., task:"
                    + " ..., metrics: [...])"), diagnostics.formatted());
        }
    }
}
