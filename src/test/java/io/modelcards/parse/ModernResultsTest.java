package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.CardLayout;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.source.BenchmarkVocabularyLoader;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Results read from the recent large cards of ../shared/corpus-wild/modern, cell by cell: benchmark, metric, setting,
 * who scored it (this model or a baseline it compares with) and the line of the cell. Covers both orientations
 * (benchmarks as columns: Qwen-VL, Baichuan 2, CogVLM2; benchmarks as rows: Kimi K2, Gemma 3, Granite, InternLM,
 * DeepSeek-V2, MiniCPM3, OLMo), multi-row headers (Qwen-VL's two-row thead, Baichuan 2's "5-shot" sub-header row),
 * Metric and shot columns, and a leaderboard Metric | Value table merged with the card's model-index (Zephyr).
 * Outside CI the test is skipped when the corpus is absent; in CI a missing corpus fails it.
 */
class ModernResultsTest {
    private static final Path MODERN = Path.of(System.getProperty("corpus.wild", "../shared/corpus-wild"), "modern");
    private static final BenchmarkVocabulary VOCABULARY = new BenchmarkVocabularyLoader().loadBundled(new Diagnostics());

    private static List<Result> results(String file) throws IOException {
        Path path = MODERN.resolve(file);
        if (!Files.isRegularFile(path)) {
            if ("true".equals(System.getenv("CI"))) fail("corpus-wild/modern is missing at " + path.toAbsolutePath());
            Assumptions.abort("corpus-wild/modern is not at " + path.toAbsolutePath());
        }
        Diagnostics d = new Diagnostics();
        String id = file.replaceAll("\\.md$", "");
        SourceFile f = ContentScanner.decode(Files.readAllBytes(path), "content/" + id + "/README.md", d);
        f = ContentScanner.asCard(f, id + "/README.md", CardLayout.AUTO);
        List<Model> models = new ModelCardParser().parseFile(f, d);
        assertEquals(1, models.size());
        return SiteNormalizer.type(models.get(0), VOCABULARY, d).results();
    }

    /** The one result of {@code variant} on {@code benchmark} (and {@code setting}, when given). */
    private static Result cell(List<Result> results, String benchmark, String variant, String setting) {
        List<Result> found = results.stream().filter(r -> r.benchmark().equals(benchmark) && r.variant().equals(variant)
                && (setting == null || r.setting().equals(setting))).toList();
        if (found.size() != 1) {
            fail(found.size() + " results of " + variant + " on " + benchmark + " (" + setting + "), among:\n"
                    + results.stream().filter(r -> r.benchmark().equals(benchmark) || r.variant().equals(variant))
                    .map(ModernResultsTest::describe).collect(Collectors.joining("\n")));
        }
        return found.get(0);
    }

    private static String describe(Result r) {
        return r.benchmark() + (r.known() ? "" : "?") + " | " + r.metric() + " | " + r.setting() + " | " + r.variant()
                + (r.baseline() ? " (baseline)" : "") + " | " + r.printed() + " | " + r.source();
    }

    private static void check(Result r, String value, String metric, boolean baseline, int line) {
        assertEquals(new BigDecimal(value), r.value(), describe(r));
        assertEquals(value, r.printed(), describe(r));
        assertEquals(metric, r.metric(), describe(r));
        assertEquals(baseline, r.baseline(), describe(r));
        assertEquals(line, r.source().line(), describe(r));
        assertEquals(Result.Kind.TABLE, r.origins().get(0).kind());
    }

    @Test
    void kimiK2BenchmarksAsRowsWithMetricColumnAndSectionRows() throws IOException {
        List<Result> rs = results("MoonshotAI__Kimi-K2__README.md");
        Result own = cell(rs, "Tau2 airline", "Kimi K2 Instruct", null);
        check(own, "56.5", "Avg@4", false, 226);
        assertFalse(own.known(), "Tau2 airline is not in the vocabulary: it keeps its header text and says so");
        assertEquals(List.of("Tool Use Tasks", "Tau2 airline", "Avg@4", "Kimi K2 Instruct"), own.origins().get(0).headers());
        check(cell(rs, "Tau2 airline", "Qwen3-235B-A22B", "non-thinking"), "26.5", "Avg@4", true, 226);
        Result base = cell(rs, "GSM8K", "Deepseek-V3-Base", null);
        check(base, "91.7", "EM", true, 611);
        assertEquals("8-shot", base.setting());
        assertTrue(base.known());
    }

    @Test
    void gemma3ShotsInTheMetricColumn() throws IOException {
        Result r = cell(results("sophgo__LLM-TPU__models_Gemma3_config_README.md"), "HellaSwag", "Gemma 3 PT 1B", null);
        check(r, "62.3", "accuracy", false, 272);
        assertEquals("10-shot", r.setting());
    }

    @Test
    void graniteSettingsInTheRowHeaderUnderCategoryRows() throws IOException {
        Result r = cell(results("docker__model-cards__ai_granite-4.0-h-small.md"), "GPQA", "Granite-4.0-h-Small", null);
        check(r, "40.63", "accuracy", false, 54);
        assertEquals("0-shot, CoT", r.setting());
        assertEquals("General Tasks", r.origins().get(0).headers().get(0));
    }

    @Test
    void qwenVlTwoRowHtmlHeaderWithModelsAsRows() throws IOException {
        List<Result> rs = results("QwenLM__Qwen-VL__README.md");
        Result flamingo = cell(rs, "VQAv2", "Flamingo-9B", "dev");
        check(flamingo, "51.8", "accuracy", true, 224);
        assertEquals(List.of("Generalist Models", "Flamingo-9B", "General VQA", "VQAv2dev"),
                flamingo.origins().get(0).headers());
        check(cell(rs, "DocVQA", "Qwen-VL-Plus", null), "91.4", "anls", false, 112);
    }

    @Test
    void baichuan2ShotsInASubHeaderRow() throws IOException {
        List<Result> rs = results("baichuan-inc__Baichuan2__README.md").stream().filter(r -> r.source().line() < 80).toList();
        check(cell(rs, "C-Eval", "GPT-4", "5-shot"), "68.40", "accuracy", true, 64);
        check(cell(rs, "BBH", "LLaMA-7B", "3-shot"), "32.38", "accuracy", true, 66);
    }

    @Test
    void internLmDatasetsByModelsCorner() throws IOException {
        List<Result> rs = results("InternLM__InternLM__README.md");
        check(cell(rs, "GSM8K", "InternLM-Chat-7B", null), "34.5", "accuracy", false, 58);
        check(cell(rs, "GSM8K", "LLaMA-7B", null), "10.1", "accuracy", true, 58);
    }

    @Test
    void deepSeekV2ModelsAsColumnsWithSettingsInTheirHeaders() throws IOException {
        List<Result> rs = results("deepseek-ai__DeepSeek-V2__README.md");
        check(cell(rs, "MMLU", "DeepSeek-V2", "MoE-236B"), "78.5", "accuracy", false, 97);
        check(cell(rs, "MMLU", "LLaMA3 70B", null), "78.9", "accuracy", true, 97);
    }

    @Test
    void miniCpm3HtmlTableWithHeaderCellsInTd() throws IOException {
        check(cell(results("OpenBMB__MiniCPM__docs_README-minicpm3-en.md"), "MMLU", "MiniCPM3-4B", null),
                "67.2", "accuracy", false, 40);
    }

    @Test
    void olmoTaskIdsAsRowNames() throws IOException {
        List<Result> rs = results("YinanWusoymilk__hf-readme__training_and_application_readme_files_allenai_OLMo-7B.md");
        check(cell(rs, "ARC-Challenge", "OLMo 7B", null), "48.5", "accuracy", false, 144);
        check(cell(rs, "ARC-Easy", "OLMo 7B", null), "65.4", "accuracy", false, 145);
        check(cell(rs, "ARC-Easy", "Falcon 7B", null), "70.4", "accuracy", true, 145);
    }

    @Test
    void cogVlm2ModelsAsRows() throws IOException {
        check(cell(results("THUDM__CogVLM2__README.md"), "TextVQA", "CogVLM2-LLaMA3", null), "84.2", "accuracy", false, 64);
    }

    @Test
    void zephyrLeaderboardTableIsOneResultWithItsModelIndexEntry() throws IOException {
        List<Result> rs = results("YinanWusoymilk__hf-readme__training_and_application_readme_files_HuggingFaceH4_zephyr-7b-beta.md");
        List<Result> arc = rs.stream().filter(r -> r.benchmark().equals("ARC-Challenge")).toList();
        assertEquals(1, arc.size(), arc.stream().map(ModernResultsTest::describe).collect(Collectors.joining("\n")));
        Result r = arc.get(0);
        assertEquals("62.03", r.printed());
        assertEquals("25-shot", r.setting());
        assertEquals(415, r.source().line(), "shown from the table cell");
        assertEquals(List.of(Result.Kind.TABLE, Result.Kind.MODEL_INDEX), r.origins().stream().map(Result.Origin::kind).toList());
    }

    @Test
    void everyValueReadFromATableIsPrintedInItsCell() throws IOException {
        for (String file : List.of("MoonshotAI__Kimi-K2__README.md", "QwenLM__Qwen-VL__README.md",
                "baichuan-inc__Baichuan2__README.md", "OpenGVLab__InternVL__README.md")) {
            for (Result r : results(file)) {
                if (r.origins().get(0).kind() != Result.Kind.TABLE) continue;
                assertTrue(r.origins().get(0).text().contains(r.printed()), file + ": " + describe(r) + " read from \""
                        + r.origins().get(0).text() + "\"");
            }
        }
    }
}
