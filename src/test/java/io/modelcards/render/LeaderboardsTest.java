package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.source.BenchmarkVocabularyLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grouping results into leaderboards, and ranking their lines. */
class LeaderboardsTest {
    private static final SourcePosition AT = SourcePosition.of("content/x.md", 3);
    private static final BenchmarkVocabulary VOCABULARY = new BenchmarkVocabularyLoader().loadBundled(new Diagnostics());

    private static Model model(String name) {
        return new Model(name.toLowerCase().replace(' ', '-'), name, name, AT, "", null, List.of(), List.of(), List.of());
    }

    private static Result result(String benchmark, String metric, String value, String setting, String variant,
                                 boolean baseline) {
        return new Result(benchmark, VOCABULARY.find(benchmark).isPresent(), "", "", metric, new BigDecimal(value), value,
                setting, variant, baseline, List.of(Result.Origin.at(Result.Kind.CURATED, AT, List.of(), "")));
    }

    /** An entry as Leaderboards.entries makes it, for a result of {@code m}. */
    private static Leaderboards.Entry entry(Model m, Result r, Leaderboards.Note... notes) {
        var known = VOCABULARY.find(r.benchmark()).map(b -> VOCABULARY.forMetric(b, r.metric())).orElse(null);
        return new Leaderboards.Entry(m, r, known == null ? r.benchmark() : known.name(), known,
                known == null ? r.task() : known.task(), r.metric(), Settings.parse(r.setting()), List.of(notes));
    }

    private static final Leaderboards.Note CONTAMINATED =
            Leaderboards.Note.of("Finetuning data does not contain the evaluation dataset", "no");

    private static Leaderboards.Benchmark benchmark(Leaderboards boards, String name) {
        return boards.benchmarks().stream().filter(b -> b.name.equals(name)).findFirst().orElseThrow();
    }

    /** Each group's lines as "rank who value": "1 A 60.0", "– B 65.8". */
    private static List<List<String>> table(Leaderboards.Board board) {
        List<List<String>> out = new ArrayList<>();
        for (List<Leaderboards.Line> g : board.groups) {
            List<String> rows = new ArrayList<>();
            for (Leaderboards.Line l : g) {
                BigDecimal v = l.value(board.primary);
                rows.add((l.rank == 0 ? "–" : String.valueOf(l.rank)) + " " + l.who() + " "
                        + (v == null ? "none" : v.toPlainString()) + (l.best.contains(board.primary) ? " best" : ""));
            }
            out.add(rows);
        }
        return out;
    }

    @Nested
    @DisplayName("grouping")
    class Grouping {
        @Test
        void aCiderOnCocoIsCocoCaptionsAndBoxApIsCocoDetection() {
            Model idefics = model("IDEFICS");
            Model dino = model("Grounding DINO");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(idefics, result("COCO", "CIDEr", "91.8", "0-shot", "IDEFICS 80B", false)),
                    entry(dino, result("COCO", "box AP", "48.4", "zero-shot", "GroundingDINO-T", false))));
            assertEquals(List.of("COCO", "COCO Captions"), boards.benchmarks().stream().map(b -> b.name).toList());
            assertEquals("object-detection", benchmark(boards, "COCO").boards.get(0).task);
            Leaderboards.Benchmark captions = benchmark(boards, "COCO Captions");
            assertEquals("image-to-text", captions.boards.get(0).task);
            assertEquals("COCO", captions.datasetName(), "a task on COCO's images: listed on COCO's dataset page");
            assertEquals(List.of("coco", "coco-captions"), boards.benchmarks().stream().map(b -> b.slug).toList());
        }

        @Test
        void aDerivedDatasetIsABenchmarkOfItsOwnWithItsParentNamed() {
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(model("IDEFICS"), result("RenderedSST2", "acc.", "60.5", "0-shot", "IDEFICS 80B", false)),
                    entry(model("DistilBERT"), result("SST-2", "accuracy", "91.3", "dev", "", false))));
            Leaderboards.Benchmark rendered = benchmark(boards, "Rendered SST-2");
            assertEquals("SST-2", rendered.derivedFrom());
            assertEquals("Rendered SST-2", rendered.datasetName());
            assertEquals("image-classification", rendered.boards.get(0).task);
            assertEquals("text-classification", benchmark(boards, "SST-2").boards.get(0).task);
        }

        @Test
        void metricsReportedTogetherShareALeaderboardOthersGetTheirOwn() {
            Model m = model("Tiny");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(m, result("Winoground", "group", "8.0", "0-shot", "Tiny 1B", false)),
                    entry(m, result("Winoground", "text", "18.75", "0-shot", "Tiny 1B", false)),
                    entry(m, result("Winoground", "image", "22.5", "0-shot", "Tiny 1B", false)),
                    entry(m, result("MMLU", "accuracy", "40", "5-shot", "Tiny 1B", false)),
                    entry(m, result("MMLU", "acc_norm", "42", "0-shot", "Tiny 7B", false))));
            Leaderboards.Board winoground = benchmark(boards, "Winoground").boards.get(0);
            assertEquals(1, benchmark(boards, "Winoground").boards.size());
            assertEquals("group, text, image", winoground.metricList());
            assertEquals(1, winoground.lines().size(), "one line, three values");
            assertEquals(2, benchmark(boards, "MMLU").boards.size(), "accuracy and acc_norm: no line has both");
        }

        @Test
        void aModelsValuesJoinOneLineAlsoWhenAnotherModelsComeBetween() {
            Model tiny = model("Tiny");
            Model other = model("Other");
            // a build's entries come model by model; entries given in any order group the same way
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(tiny, result("Winoground", "group", "8.0", "0-shot", "Tiny 1B", false)),
                    entry(other, result("Winoground", "group", "9.0", "0-shot", "Other 1B", false)),
                    entry(tiny, result("Winoground", "text", "18.75", "0-shot", "Tiny 1B", false)),
                    entry(other, result("Winoground", "text", "19.0", "0-shot", "Other 1B", false))));
            Leaderboards.Board winoground = benchmark(boards, "Winoground").boards.get(0);
            assertEquals(2, winoground.lines().size(), "one line per model, two values each");
            assertEquals(List.of(List.of("1 Other 1B 9.0 best", "2 Tiny 1B 8.0")), table(winoground));
            for (Leaderboards.Line l : winoground.lines()) assertEquals(2, l.values.size());
        }

        @Test
        void synonymsAreOneMetricAndTheFirstSpellingIsShown() {
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(model("A"), result("SST-2", "acc.", "90", "", "", false)),
                    entry(model("B"), result("SST-2", "Accuracy", "91", "", "", false))));
            Leaderboards.Board board = benchmark(boards, "SST-2").boards.get(0);
            assertEquals(1, benchmark(boards, "SST-2").boards.size());
            assertEquals("acc.", board.metricList());
            assertEquals(List.of(List.of("1 B 91 best", "2 A 90")), table(board));
        }

        @Test
        void anUnknownNameIsABenchmarkOnlyWhereTheCardDeclaresResultsOnIt() {
            Result inTable = new Result("GPT-4o", false, "", "", "score", BigDecimal.ONE, "1", "", "", false,
                    List.of(new Result.Origin(Result.Kind.TABLE, AT, "table-1", "r1", 1, List.of(), "1")));
            Result declared = new Result("my_eval", false, "", "", "score", BigDecimal.ONE, "1", "", "", false,
                    List.of(Result.Origin.at(Result.Kind.MODEL_INDEX, AT, List.of(), "")));
            Model m = new Model("m", "M", "M", AT, "", null, List.of(), List.of(), List.of(), List.of(inTable, declared));
            assertEquals(List.of("my_eval"), Leaderboards.entries(m, VOCABULARY).stream().map(e -> e.benchmark()).toList());
        }

        @Test
        void unknownBenchmarksAreGroupedByNameAndTask() {
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(model("A"), new Result("my_eval", false, "", "summarization", "rouge", BigDecimal.ONE, "1", "",
                            "", false, List.of(Result.Origin.at(Result.Kind.MODEL_INDEX, AT, List.of(), "")))),
                    entry(model("B"), new Result("My Eval", false, "", "translation", "rouge", BigDecimal.TEN, "10", "",
                            "", false, List.of(Result.Origin.at(Result.Kind.MODEL_INDEX, AT, List.of(), ""))))));
            assertEquals(1, boards.benchmarks().size());
            Leaderboards.Benchmark b = boards.benchmarks().get(0);
            assertNull(b.known);
            assertEquals(List.of("summarization", "translation"), b.boards.stream().map(x -> x.task).toList());
        }
    }

    @Nested
    @DisplayName("ranking")
    class Ranking {
        /** The seed's VQAv2 at 0 shots: the instruct models' fine-tuning data holds VQAv2 (✖ under the column). */
        @Test
        void notComparableResultsKeepTheirPlaceByValueButAreNeverBest() {
            Model idefics = model("IDEFICS");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(idefics, result("VQAv2", "OE VQA acc.", "60.0", "0-shot", "IDEFICS 80B", false)),
                    entry(idefics, result("VQAv2", "OE VQA acc.", "63.6", "4-shot", "IDEFICS 80B", false)),
                    entry(idefics, result("VQAv2", "OE VQA acc.", "50.9", "0-shot", "IDEFICS 9B", false)),
                    entry(idefics, result("VQAv2", "OE VQA acc.", "37.4", "0-shot", "IDEFICS 80B Instruct", false), CONTAMINATED),
                    entry(idefics, result("VQAv2", "OE VQA acc.", "65.8", "0-shot", "IDEFICS 9B Instruct", false), CONTAMINATED)));
            Leaderboards.Board board = benchmark(boards, "VQAv2").boards.get(0);
            assertEquals(List.of(Settings.Dimension.SHOTS), board.dimensions);
            assertEquals(List.of(
                    List.of("1 IDEFICS 9B Instruct 65.8", "2 IDEFICS 80B 60.0 best", "3 IDEFICS 9B 50.9",
                            "4 IDEFICS 80B Instruct 37.4"),
                    List.of("1 IDEFICS 80B 63.6 best")), table(board), "ranked within each number of shots");
            assertTrue(board.hasNotComparable());
        }

        @Test
        void lowerIsBetterTiesShareARankAndLinesWithoutTheRankingMetricComeLast() {
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(model("A"), result("LibriSpeech", "WER", "5.1", "test-clean", "", false)),
                    entry(model("B"), result("LibriSpeech", "WER", "3.2", "test-clean", "", false)),
                    entry(model("C"), result("LibriSpeech", "WER", "5.1", "test-clean", "", false)),
                    entry(model("D"), result("LibriSpeech", "WER", "2.9", "test-clean", "", false)),
                    entry(model("D"), result("LibriSpeech", "CER", "1.0", "test-clean", "", false)),
                    entry(model("E"), result("LibriSpeech", "CER", "0.8", "test-clean", "", false))));
            Leaderboards.Board board = benchmark(boards, "LibriSpeech").boards.get(0);
            assertFalse(board.higherIsBetter.get(board.primary));
            assertEquals(List.of(List.of("1 D 2.9 best", "2 B 3.2", "3 A 5.1", "3 C 5.1", "– E none")), table(board));
            Leaderboards.Line e = board.groups.get(0).get(4);
            assertEquals(java.util.Set.of("cer"), e.best, "E holds the best CER, though not ranked by WER");
        }

        @Test
        void aBaselineIsRankedAndShownAsReportedByTheCard() {
            Model distil = model("DistilBERT");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(distil, result("SST-2", "accuracy", "91.3", "dev", "", false)),
                    entry(distil, result("SST-2", "accuracy", "92.7", "dev", "bert-base-uncased", true))));
            Leaderboards.Board board = benchmark(boards, "SST-2").boards.get(0);
            assertEquals(List.of(List.of("1 bert-base-uncased 92.7 best", "2 DistilBERT 91.3")), table(board));
            assertTrue(board.groups.get(0).get(0).baseline);
            assertEquals(1, board.models().size(), "one card");
        }

        @Test
        void settingsAreOrderedShotsByNumberAndUnstatedLast() {
            Model m = model("M");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(m, result("MMLU", "accuracy", "50", "", "M 1B", false)),
                    entry(m, result("MMLU", "accuracy", "52", "25-shot", "M 1B", false)),
                    entry(m, result("MMLU", "accuracy", "51", "5-shot", "M 1B", false)),
                    entry(m, result("MMLU", "accuracy", "49", "0-shot", "M 1B", false))));
            Leaderboards.Board board = benchmark(boards, "MMLU").boards.get(0);
            assertEquals(List.of("0", "5", "25", ""), board.groups.stream()
                    .map(g -> g.get(0).settings.get(Settings.Dimension.SHOTS)).toList());
        }

        @Test
        void aSecondValueOfOneLineIsALineOfItsOwnTheSameValueAgainIsShownOnce() {
            Model m = model("M");
            Leaderboards boards = Leaderboards.group(List.of(
                    entry(m, result("MMLU", "accuracy", "50", "5-shot", "", false)),
                    entry(m, result("MMLU", "accuracy", "51", "5-shot", "", false)),
                    entry(m, result("MMLU", "accuracy", "50", "5-shot", "", false))));
            assertEquals(List.of(List.of("1 M 51 best", "2 M 50")), table(benchmark(boards, "MMLU").boards.get(0)));
        }

        @ParameterizedTest(name = "{1} of {0} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                IDEFICS            | IDEFICS 9B Instruct | IDEFICS 9B Instruct
                Grounding DINO     | GroundingDINO-T     | GroundingDINO-T
                Gemma 3 model card | Gemma 3 PT 27B      | Gemma 3 PT 27B
                IDEFICS            | RICES               | IDEFICS · RICES
                """)
        void aVariantIsShownWithItsModelsNameWhenItDoesNotNameTheModel(String model, String variant, String shown) {
            Leaderboards boards = Leaderboards.group(List.of(entry(model(model), result("MMLU", "accuracy", "50", "",
                    variant, false))));
            assertEquals(shown, boards.benchmarks().get(0).boards.get(0).lines().get(0).who());
        }
    }

    @Nested
    @DisplayName("column notes")
    class Notes {
        @ParameterizedTest(name = "{0}: {1} -> not comparable {2}")
        @CsvSource(delimiter = '|', textBlock = """
                Finetuning data **does not** contain the evaluation dataset | no  | true
                Finetuning data does not contain the evaluation dataset     | yes | false
                Training data contains the benchmark                        | yes | true
                Training data contains the benchmark                        | no  | false
                Open weights                                                | no  | false
                """)
        void aNoteSayingTheTrainingDataHoldsTheBenchmarkMakesAResultNotComparable(String key, String value,
                                                                                  boolean notComparable) {
            assertEquals(notComparable, Leaderboards.Note.of(key, value).notComparable());
        }

        @Test
        void aCleanNoteIsNotMarkedAnyOtherIs() {
            assertFalse(Leaderboards.Note.of("Finetuning data does not contain the evaluation dataset", "yes").shown());
            assertTrue(Leaderboards.Note.of("Open weights", "no").shown());
        }

        @Test
        void entriesCarryTheirColumnsNotesAndNameCompositePartsByTheColumn() {
            Column wino = new Column("Winoground", "Winoground group/text/image", "Winoground", "group/text/image",
                    List.of("group", "text", "image"), Map.of("Finetuning data does not contain the evaluation dataset", "no"));
            Cell cell = new Cell("9.2/20.0/25.0", "", "9.2/20.0/25.0", new CellValue.Text("9.2/20.0/25.0"), List.of());
            Table t = new Table("table-4", "", TableKind.BENCHMARK, List.of(Column.plain("Model", "Model"), wino),
                    List.of(new Row("idefics-80b-instruct-0-shots", "IDEFICS 80B Instruct",
                            List.of(cell, cell), AT)), AT);
            Result r = new Result("Winoground", true, "", "", "part2", new BigDecimal("20.0"), "20.0", "0-shot",
                    "IDEFICS 80B Instruct", false, List.of(new Result.Origin(Result.Kind.TABLE, AT, "table-4",
                    "idefics-80b-instruct-0-shots", 1, List.of(), "9.2/20.0/25.0")));
            Model m = new Model("idefics", "IDEFICS", "IDEFICS", AT, "", null, List.of(new Block.TableBlock(t)),
                    List.of(), List.of(), List.of(r));
            List<Leaderboards.Entry> entries = Leaderboards.entries(m, VOCABULARY);
            assertEquals(1, entries.size());
            Leaderboards.Entry e = entries.get(0);
            assertEquals("text", e.metric());
            assertFalse(e.comparable());
            assertEquals("#idefics-80b-instruct-0-shots", LeaderboardTable.place(m, r.origins().get(0)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0-shot                  | SHOTS=0
            zero-shot               | SHOTS=0
            5-shot CoT              | SHOTS=5, PROMPTING=CoT
            '25-shot, acc_norm'     | SHOTS=25, OTHER=acc_norm
            test-dev                | SPLIT=test-dev
            'dev, fr'               | SPLIT=dev, LANGUAGE=fr
            sv-SE                   | LANGUAGE=sv-SE
            '16-shot, 1K, Random'   | SHOTS=16, OTHER=1K, Random
            fine-tune               | OTHER=fine-tune
            """)
    void settingsAreReadIntoDimensions(String setting, String expected) {
        assertEquals("{" + expected + "}", Settings.parse(setting).values().toString());
    }

    @Test
    void anEmptySettingStatesNothing() {
        assertTrue(Settings.parse("").values().isEmpty());
        assertNotNull(Settings.NONE);
    }

    @Nested
    @DisplayName("a build's leaderboards")
    class MadeOnce {
        /** 620 models on MMLU (more lines than a board shows), some on GSM8K in two settings, with baselines. */
        private io.modelcards.model.Site site() {
            List<Model> models = new ArrayList<>();
            for (int i = 0; i < 620; i++) {
                List<Result> results = new ArrayList<>();
                results.add(result("MMLU", "accuracy", String.valueOf(30 + (i * 7919 % 600) / 10.0), "", "", false));
                if (i % 3 == 0) {
                    results.add(result("GSM8K", "accuracy", String.valueOf(20 + i % 50), i % 2 == 0 ? "5-shot" : "8-shot",
                            "", false));
                    results.add(result("GSM8K", "accuracy", "41.5", "5-shot", "Baseline " + (i % 4), true));
                }
                if (i % 5 == 0) results.add(result("Own Bench", "score", String.valueOf(i % 9), "", "Small", false));
                models.add(model("Model " + i).withResults(results));
            }
            return new io.modelcards.model.Site(io.modelcards.model.SiteConfig.DEFAULTS, models,
                    io.modelcards.model.Curated.EMPTY.withBenchmarks(VOCABULARY));
        }

        @Test
        void areTheLeaderboardsServeMakesAndKeepOnlyTheLinesShown() {
            io.modelcards.model.Site site = site();
            Leaderboards once = Leaderboards.of(site);
            Leaderboards kept = Leaderboards.of(site, new Leaderboards.Memo());
            assertEquals(kept.benchmarks().size(), once.benchmarks().size());
            int dropped = 0;
            for (int b = 0; b < kept.benchmarks().size(); b++) {
                Leaderboards.Benchmark k = kept.benchmarks().get(b);
                Leaderboards.Benchmark o = once.benchmarks().get(b);
                assertEquals(k.name + " " + k.slug, o.name + " " + o.slug);
                assertEquals(k.models(), o.models(), "every model with a line, shown or not");
                assertEquals(k.boards.size(), o.boards.size());
                for (int n = 0; n < k.boards.size(); n++) {
                    Leaderboards.Board kb = k.boards.get(n);
                    Leaderboards.Board ob = o.boards.get(n);
                    assertEquals(List.of(kb.id, kb.metrics, kb.primary, kb.dimensions, kb.dropped, kb.results()),
                            List.of(ob.id, ob.metrics, ob.primary, ob.dimensions, ob.dropped, ob.results()));
                    assertEquals(table(kb), table(ob));
                    assertEquals(kb.models(), ob.models());
                    assertEquals(kb.hasNotComparable(), ob.hasNotComparable());
                    dropped += ob.dropped;
                }
            }
            assertEquals(120, dropped, "620 lines on MMLU, 500 shown");
            assertEquals(620, once.benchmarks().stream().filter(x -> x.name.equals("MMLU")).findFirst().orElseThrow()
                    .models().size());
            ModelRanks a = kept.ranks();
            ModelRanks b = once.ranks();
            for (Model m : site.models()) assertEquals(a.of(m), b.of(m), m.name());
        }
    }
}
