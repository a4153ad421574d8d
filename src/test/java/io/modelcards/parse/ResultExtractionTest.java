package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.source.BenchmarkVocabularyLoader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results read from the shapes real cards print them in: Trainer lists, XLSR sentences, tables either way round. */
class ResultExtractionTest {
    private static final BenchmarkVocabulary VOCABULARY = new BenchmarkVocabularyLoader().loadBundled(new Diagnostics());

    private static List<Result> results(String text) {
        Diagnostics d = new Diagnostics();
        List<Model> models = TestContent.parse("content/acme/nova/README.md", text, d);
        assertEquals(1, models.size());
        return SiteNormalizer.type(models.get(0), VOCABULARY, d).results();
    }

    private static String row(Result r) {
        return r.benchmark() + (r.known() ? "" : "?") + " | " + r.metric() + " | " + r.setting() + " | " + r.variant()
                + (r.baseline() ? " (baseline)" : "") + " | " + r.printed() + " | line " + r.source().line() + " | "
                + r.origins().stream().map(o -> o.kind().label()).toList();
    }

    private static List<String> rows(List<Result> results) {
        return results.stream().map(ResultExtractionTest::row).toList();
    }

    @Test
    void trainerTemplateListWithAnUnnamedDataset() {
        String card = """
                ---
                license: apache-2.0
                ---
                # distilbert-base-uncased-finetuned-cloud-ner

                This model is a fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on the None dataset.
                It achieves the following results on the evaluation set:
                - Loss: 0.0812
                - Precision: 0.8975
                - Recall: 0.9080
                - F1: 0.9027
                - Accuracy: 0.9703

                ## Training hyperparameters

                The following hyperparameters were used during training:
                - learning_rate: 2e-05
                - num_epochs: 3
                """;
        assertEquals(List.of(
                "? | Loss | evaluation set |  | 0.0812 | line 8 | [list]",
                "? | Precision | evaluation set |  | 0.8975 | line 9 | [list]",
                "? | Recall | evaluation set |  | 0.9080 | line 10 | [list]",
                "? | F1 | evaluation set |  | 0.9027 | line 11 | [list]",
                "? | Accuracy | evaluation set |  | 0.9703 | line 12 | [list]"), rows(results(card)));
    }

    @Test
    void trainerTemplateNamesItsDatasetAndLabelsEachList() {
        String card = """
                # mbert-ner

                This model is a fine-tuned version of bert on the conll2003 dataset.
                It achieves the following results on the evaluation set:

                Conll2003:
                - F1: 0.9515

                Conll2002:
                - F1: 0.8642
                """;
        assertEquals(List.of("CoNLL-2003 | F1 | evaluation set |  | 0.9515 | line 7 | [list]",
                "CoNLL-2002 | F1 | evaluation set |  | 0.8642 | line 10 | [list]"), rows(results(card)));
    }

    @Test
    void aPrintedResultAndItsModelIndexEntryAreOneResult() {
        String card = """
                ---
                model-index:
                - name: nova
                  results:
                  - task: {type: text-classification}
                    dataset: {name: glue, type: glue, config: sst2, split: validation}
                    metrics:
                    - {type: accuracy, value: 0.9128440366972477, name: Accuracy}
                    - {type: f1, value: 0.88, name: F1}
                ---
                # nova

                This model is a fine-tuned version of bert on the glue dataset.
                It achieves the following results on the evaluation set:
                - Loss: 0.31
                - Accuracy: 0.9128
                """;
        List<Result> rs = results(card);
        assertEquals(List.of("GLUE | Loss | evaluation set |  | 0.31 | line 15 | [list]",
                "GLUE | Accuracy | evaluation set |  | 0.9128 | line 16 | [list, model-index]",
                "GLUE | F1 | sst2 validation |  | 0.88 | line 2 | [model-index]"), rows(rs));
    }

    @Test
    void xlsrTestResultIsAWordErrorRateOnCommonVoice() {
        String card = """
                # Wav2Vec2-Large-XLSR-53-Kyrgyz

                Fine-tuned on Kyrgyz using the Common Voice dataset.

                ```python
                print("WER: {:2f}".format(100 * wer.compute(predictions=p, references=r)))
                ```

                **Test Result**: 34.71 %
                """;
        assertEquals(List.of("Common Voice | WER | test |  | 34.71 | line 9 | [prose]"), rows(results(card)));
    }

    @Test
    void benchmarksAsRowsAndModelsAsColumnsWithABaseline() {
        String card = """
                # Nova

                | Benchmark | Nova 7B | Nova 13B | GPT-3 175B |
                |---|---|---|---|
                | MMLU (5-shot) | 60.1 | 68.2 | 43.9 |
                | Mystery-Bench | 12.0 | 15.5 | - |
                """;
        assertEquals(List.of(
                "MMLU | accuracy | 5-shot | Nova 7B | 60.1 | line 5 | [table]",
                "MMLU | accuracy | 5-shot | Nova 13B | 68.2 | line 5 | [table]",
                "MMLU | accuracy | 5-shot | GPT-3 175B (baseline) | 43.9 | line 5 | [table]",
                "Mystery-Bench? |  |  | Nova 7B | 12.0 | line 6 | [table]",
                "Mystery-Bench? |  |  | Nova 13B | 15.5 | line 6 | [table]"), rows(results(card)));
    }

    @Test
    void modelsAsRowsWithMetricAndShotsInTheHeader() {
        String card = """
                # Nova

                | Model | HellaSwag (10-shot, acc_norm) | GSM8K<br>8-shot |
                |---|---|---|
                | **Nova 7B** | 81.2% | 40.5 |
                | Llama 2 7B | 78.6 | 14.6 |
                """;
        List<Result> rs = results(card);
        assertEquals(List.of(
                "HellaSwag | acc_norm | 10-shot | Nova 7B | 81.2 | line 5 | [table]",
                "GSM8K | accuracy | 8-shot | Nova 7B | 40.5 | line 5 | [table]",
                "HellaSwag | acc_norm | 10-shot | Llama 2 7B (baseline) | 78.6 | line 6 | [table]",
                "GSM8K | accuracy | 8-shot | Llama 2 7B (baseline) | 14.6 | line 6 | [table]"), rows(rs));
        assertEquals(List.of("Nova 7B", "HellaSwag (10-shot, acc_norm)"), rs.get(0).origins().get(0).headers());
    }

    @Test
    void sizesTrainingLogsAndHeadersWithoutNumbersAreNotResults() {
        String card = """
                # Nova

                | Model | Parameters | Layers | Context length |
                |---|---|---|---|
                | Nova 7B | 7.2 | 32 | 4096 |

                | Training Loss | Epoch | Step | Validation Loss | Accuracy |
                |---|---|---|---|---|
                | 0.52 | 1.0 | 500 | 0.41 | 0.88 |

                | Benchmark | Description |
                |---|---|
                | MMLU | knowledge |
                """;
        assertEquals(List.of(), rows(results(card)));
    }

    @Test
    void aValueIsReadAsPrintedAndNeverInvented() {
        String card = """
                # Nova

                | Model | MMLU | ARC-c | GSM8K |
                |---|---|---|---|
                | Nova 7B | 68.2<sup>1</sup> | 52.3 ± 0.4 | 41.0* |
                """;
        List<Result> rs = results(card);
        assertEquals(List.of("68.2", "52.3", "41.0"), rs.stream().map(Result::printed).toList());
        assertEquals(new BigDecimal("68.2"), rs.get(0).value(), "the footnote mark is not a digit of the value");
        for (Result r : rs) assertTrue(r.origins().get(0).text().contains(r.printed()), row(r));
        assertFalse(rs.stream().anyMatch(Result::baseline));
    }

    @Test
    void aBlankModelCellContinuesTheModelAboveAndTheRowsOtherLabelsAreItsSettings() {
        // the seed's IDEFICS ImageNet-1k table: the RICES rows are IDEFICS 80B's and 9B's, run another way
        String card = """
                # IDEFICS

                | Model      |   Shots | Support set size | Shots selection | ImageNet-1k<br>Top-1 acc. |
                |:-----------|--------:|-----------------:|:----------------|--------------------------:|
                | IDEFICS 80B |      16 | 1K               | Random          |                      65.4 |
                |            |      16 | 5K               | RICES           |                      72.9 |
                | IDEFICS 9B  |      16 | 1K               | Random          |                      53.5 |
                |            |      16 | 5K               | RICES           |                      64.5 |
                """;
        assertEquals(List.of(
                "ImageNet-1k | Top-1 acc. | 16-shot, Random | IDEFICS 80B | 65.4 | line 5 | [table]",
                "ImageNet-1k | Top-1 acc. | 16-shot, RICES | IDEFICS 80B | 72.9 | line 6 | [table]",
                "ImageNet-1k | Top-1 acc. | 16-shot, Random | IDEFICS 9B | 53.5 | line 7 | [table]",
                "ImageNet-1k | Top-1 acc. | 16-shot, RICES | IDEFICS 9B | 64.5 | line 8 | [table]"), rows(results(card)));
    }

    @Test
    void aNumberTakenForAHeaderNamesNoBenchmark() {
        // CLTL/gm-ner-xlmrbase: the table's first data row ("overall | 92.7") stands where its header should be;
        // "92.7" made a benchmark of that name, a dataset page "92.7" and "related models" sharing 92.7
        String card = """
                # Early-modern Dutch NER

                ### Results

                | overall | 92.7 |
                | --- | ----------- |
                | LOC | 95.8   |
                | PER | 86.2 |
                """;
        List<Result> results = results(card);
        assertTrue(results.stream().anyMatch(r -> r.printed().equals("86.2")), rows(results).toString());
        assertTrue(results.stream().allMatch(r -> r.benchmark().isEmpty()), rows(results).toString());
    }
}
