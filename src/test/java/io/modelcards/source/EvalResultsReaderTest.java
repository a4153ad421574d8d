package io.modelcards.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.CardLayout;
import io.modelcards.model.Curated;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hub's .eval_results/*.yaml files beside a card, read into typed results with their file and line. */
class EvalResultsReaderTest {
    private static final String SHOWN = "content/acme/nova-7b/.eval_results/mmlu.yaml";

    private static List<Curated.Result> read(String yaml, Diagnostics diagnostics) {
        return EvalResultsReader.read(yaml, SHOWN, diagnostics);
    }

    @Test
    void readsAListOfEntries() {
        var d = new Diagnostics();
        List<Curated.Result> rs = read("""
                # results of the Open LLM Leaderboard
                - dataset:
                    id: cais/mmlu
                    task_id: mmlu
                  value: 68.2
                  source:
                    url: https://huggingface.co/spaces/open-llm-leaderboard
                    name: Open LLM Leaderboard
                  notes: "5-shot"
                - dataset:
                    id: openai/gsm8k
                  value: 51.0
                  metric: accuracy
                  source:
                    url: https://example.org/gsm8k-run
                """, d);
        assertEquals(List.of(), d.formatted());
        assertEquals(List.of(
                new Curated.Result("", "mmlu", "cais/mmlu", "5-shot", "", new BigDecimal("68.2"),
                        "Open LLM Leaderboard", SourcePosition.of(SHOWN, 2)),
                new Curated.Result("", "", "openai/gsm8k", "", "accuracy", new BigDecimal("51.0"),
                        "https://example.org/gsm8k-run", SourcePosition.of(SHOWN, 10))), rs);
    }

    @Test
    void readsASingleMappingAndAPlainDataset() {
        var d = new Diagnostics();
        List<Curated.Result> rs = read("""
                dataset: cais/mmlu
                value: 68.2
                metric_name: acc
                """, d);
        assertEquals(List.of(), d.formatted());
        assertEquals(List.of(new Curated.Result("", "", "cais/mmlu", "", "acc", new BigDecimal("68.2"),
                EvalResultsReader.DEFAULT_SOURCE, SourcePosition.of(SHOWN, 1))), rs);
    }

    @Test
    void readsValuesWrittenAsText() {
        var d = new Diagnostics();
        List<Curated.Result> rs = read("""
                - dataset: {id: cais/mmlu}
                  value: "68.2"
                - dataset: {id: openai/gsm8k}
                  value: "51.0%"
                - dataset: {id: Idavidrein/gpqa, task_id: default}
                  value: 3.5e1
                """, d);
        assertEquals(List.of(), d.formatted());
        assertEquals(List.of(new BigDecimal("68.2"), new BigDecimal("51.0"), new BigDecimal("35.0")),
                rs.stream().map(Curated.Result::value).toList());
        assertEquals("", rs.get(2).task(), "the Hub's task_id default names no task");
    }

    @Test
    void longNotesAreNotASetting() {
        var d = new Diagnostics();
        List<Curated.Result> rs = read("""
                - dataset: {id: cais/mmlu}
                  value: 68.2
                  notes: "evaluated with lm-evaluation-harness v0.4.2 on 8 H100 GPUs, chat template applied"
                """, d);
        assertEquals(List.of(), d.formatted());
        assertEquals("", rs.get(0).split());
    }

    @Test
    void malformedEntriesAreWarningsWithFileAndLine() {
        var d = new Diagnostics();
        List<Curated.Result> rs = read("""
                - dataset: {id: cais/mmlu}
                  value: n/a
                - value: 51.0
                - just a string
                - dataset: {task_id: mmlu}
                  value: 3
                - dataset: {id: openai/gsm8k}
                  value: 51.0
                  metric: [accuracy]
                  source: [somewhere]
                  notes: {shots: 5}
                """, d);
        assertEquals(List.of(
                SHOWN + ":1: warning: entry 1 (cais/mmlu): expected a number as value, got \"n/a\";"
                        + " the result is left out",
                SHOWN + ":3: warning: entry 2: expected a dataset id (dataset: {id: org/name}), got nothing;"
                        + " the result is left out",
                SHOWN + ":4: warning: entry 3: expected a mapping with dataset and value, got \"just a string\";"
                        + " it is left out",
                SHOWN + ":5: warning: entry 4: expected a dataset id (dataset: {id: org/name}), got a mapping without"
                        + " id; the result is left out",
                SHOWN + ":7: warning: entry 5 (openai/gsm8k): expected source as a mapping (url, name), got a list;"
                        + " it is ignored",
                SHOWN + ":7: warning: entry 5 (openai/gsm8k): expected text as notes, got a mapping; they are ignored",
                SHOWN + ":7: warning: entry 5 (openai/gsm8k): expected the metric's name as metric, got a list;"
                        + " the result has no metric"), d.formatted()); // sorted by line, then message
        assertEquals(1, rs.size(), "only the last entry has a dataset id and a number");
        assertEquals(new Curated.Result("", "", "openai/gsm8k", "", "", new BigDecimal("51.0"),
                EvalResultsReader.DEFAULT_SOURCE, SourcePosition.of(SHOWN, 7)), rs.get(0));
    }

    @Test
    void neitherAListNorAMappingNorYamlIsAWarning() {
        var d = new Diagnostics();
        assertEquals(List.of(), read("just text\n", d));
        assertEquals(List.of(), read("- dataset: {id: cais/mmlu\n  value: 1\n", d));
        assertEquals(List.of(), read("", d));
        assertEquals(2, d.all().size(), d.formatted().toString());
        assertTrue(d.formatted().get(0).startsWith(SHOWN + ":1: warning: expected a list of results"),
                d.formatted().get(0));
        assertTrue(d.formatted().get(1).startsWith(SHOWN + ":2: warning: invalid YAML"), d.formatted().get(1));
        assertTrue(d.all().stream().noneMatch(x -> x.severity() == io.modelcards.diag.Severity.ERROR));
    }

    @Test
    void filesAreReadInSortedOrderBesideAReadme(@TempDir Path content) throws Exception {
        Path card = Files.createDirectories(content.resolve("acme/nova-7b"));
        Files.writeString(card.resolve("README.md"), "# Nova 7B\n\nA model.\n");
        Path dir = Files.createDirectories(card.resolve(".eval_results"));
        Files.writeString(dir.resolve("mmlu.yaml"), "- dataset: {id: cais/mmlu}\n  value: 68.2\n");
        Files.writeString(dir.resolve("arc.yaml"), "\n- dataset: {id: allenai/ai2_arc}\n  value: 61.0\n");
        Files.writeString(dir.resolve("gsm8k.yml"), "dataset: openai/gsm8k\nvalue: 51.0\n");
        Files.writeString(dir.resolve("notes.md"), "# Not a card\n");
        var d = new Diagnostics();
        List<SourceFile> files = new ContentScanner().scan(content, "content", CardLayout.AUTO, d);
        assertEquals(List.of(), d.formatted());
        assertEquals(List.of("content/acme/nova-7b/README.md"), files.stream().map(SourceFile::path).toList(),
                "nothing in .eval_results is a card");
        assertEquals(List.of("content/acme/nova-7b/.eval_results/arc.yaml:2",
                        "content/acme/nova-7b/.eval_results/gsm8k.yml:1",
                        "content/acme/nova-7b/.eval_results/mmlu.yaml:1"),
                files.get(0).evalResults().stream().map(r -> r.origin().toString()).toList());
        assertEquals(List.of("allenai/ai2_arc", "openai/gsm8k", "cais/mmlu"),
                files.get(0).evalResults().stream().map(Curated.Result::dataset).toList());
    }

    @Test
    void onlyAReadmeReadsTheFolder(@TempDir Path content) throws Exception {
        Path card = Files.createDirectories(content.resolve("acme"));
        Files.writeString(card.resolve("nova.md"), "# Nova 7B\n\nA model.\n");
        Files.createDirectories(card.resolve(".eval_results"));
        Files.writeString(card.resolve(".eval_results/mmlu.yaml"), "- dataset: {id: cais/mmlu}\n  value: 68.2\n");
        var d = new Diagnostics();
        List<SourceFile> files = new ContentScanner().scan(content, "content", CardLayout.AUTO, d);
        assertEquals(List.of(), d.formatted());
        assertEquals(1, files.size());
        assertEquals(List.of(), files.get(0).evalResults());
    }
}
