package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.render.OutputFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card's Hub {@code .eval_results/*.yaml} files: their results join the model's, one result with both origins when
 * the card's table prints the same value; the files themselves make no page and no warning.
 */
class EvalResultsTest {
    @TempDir
    Path tmp;

    @Test
    void evalResultsJoinTheCardsResults() throws Exception {
        Path content = tmp.resolve("content");
        Path card = Files.createDirectories(content.resolve("acme/nova-7b"));
        Files.writeString(card.resolve("README.md"), """
                # Nova 7B

                A small model.

                ## Evaluation

                | Benchmark | Nova 7B |
                |---|---|
                | MMLU (5-shot) | 68.2 |
                """);
        Path evals = Files.createDirectories(card.resolve(".eval_results"));
        Files.writeString(evals.resolve("mmlu.yaml"), """
                - dataset:
                    id: cais/mmlu
                    task_id: mmlu
                  value: 68.2
                  source:
                    url: https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard
                    name: Open LLM Leaderboard
                  notes: "5-shot"
                """);
        Files.writeString(evals.resolve("gsm8k.yaml"), """
                # not printed in the card
                - dataset:
                    id: openai/gsm8k
                  value: "51.0"
                """);

        BuildResult result = new SiteBuilder().render(BuildOptions.defaults().withContent(content).withReport(null));

        assertEquals(List.of(), result.diagnostics().formatted(), "no error and no warning");
        assertEquals(1, result.site().models().size());
        Model nova = result.site().models().get(0);
        List<Result> mmlu = nova.results().stream().filter(r -> r.benchmark().equals("MMLU")).toList();
        assertEquals(1, mmlu.size(), nova.results().toString());
        assertEquals(List.of(Result.Kind.TABLE, Result.Kind.EVAL_RESULTS),
                mmlu.get(0).origins().stream().map(Result.Origin::kind).toList());
        assertEquals(0, new BigDecimal("68.2").compareTo(mmlu.get(0).value()));
        String shown = SiteBuilder.display(content);
        assertEquals(shown + "/acme/nova-7b/.eval_results/mmlu.yaml:1",
                mmlu.get(0).origins().get(1).source().toString());

        List<Result> gsm8k = nova.results().stream().filter(r -> r.benchmark().equals("GSM8K")).toList();
        assertEquals(1, gsm8k.size(), nova.results().toString());
        assertEquals(List.of(Result.Kind.EVAL_RESULTS),
                gsm8k.get(0).origins().stream().map(Result.Origin::kind).toList());
        assertEquals(0, new BigDecimal("51.0").compareTo(gsm8k.get(0).value()));
        assertEquals(shown + "/acme/nova-7b/.eval_results/gsm8k.yaml:2", gsm8k.get(0).source().toString());

        List<String> paths = result.files().stream().map(OutputFile::path).toList();
        assertEquals(List.of("models/acme-nova-7b/index.html", "models/acme-nova-7b/results.js"),
                paths.stream().filter(p -> p.startsWith("models/")).toList(),
                "the yaml files make no page; model.json and model-index.json only with modelJson: true");
        assertFalse(paths.stream().anyMatch(p -> p.contains("eval")), paths.toString());
    }
}
