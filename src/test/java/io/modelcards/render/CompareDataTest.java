package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.build.BuildOptions;
import io.modelcards.build.SiteBuilder;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** results.js: each own result as a short array, its terms, variant and table row named once in the model's lists. */
class CompareDataTest {
    private static Model idefics;

    @BeforeAll
    static void load() {
        idefics = new SiteBuilder().load(BuildOptions.defaults().withContent(Path.of("content")), new Diagnostics())
                .models().stream().filter(m -> m.slug().equals("idefics")).findFirst().orElseThrow();
    }

    @Test
    void namesEachVariantAndRowOnceAndKeepsThePrintedValue() throws Exception {
        String script = CompareData.of(idefics, BenchmarkVocabulary.EMPTY).asText();
        String prefix = "window.MODELCARDS_RESULTS[\"idefics\"] = ";
        String json = script.substring(script.indexOf(prefix) + prefix.length(), script.lastIndexOf(';'));
        JsonNode data = new ObjectMapper().readTree(json);
        JsonNode found = null;
        JsonNode foundRun = null;
        JsonNode terms = data.path("terms");
        for (JsonNode run : data.path("results")) {
            for (int k = 2; k < run.size(); k++) {
                JsonNode r = run.get(k);
                if (terms.get(r.get(0).asInt()).asText().equals("VQAv2") && terms.get(r.get(2).asInt()).asText().equals("0-shot")
                        && data.path("variants").get(run.get(0).asInt()).asText().equals("IDEFICS 9B Instruct")) {
                    found = r;
                    foundRun = run;
                }
            }
        }
        assertTrue(found != null, data.path("results").toString());
        assertEquals("idefics-9b-instruct-0-shots", data.path("rows").get(foundRun.get(1).asInt()).asText());
        assertEquals("65.8", found.get(3).asText());
        assertEquals(4, found.size(), "the value is the printed text read as a number: " + found);
        // runs: a variant and row are written once for the results they share
        int results = 0;
        java.util.Set<String> runKeys = new java.util.HashSet<>();
        JsonNode previous = null;
        for (JsonNode run : data.path("results")) {
            assertTrue(run.size() > 2, run.toString());
            if (previous != null) {
                assertTrue(previous.get(0).asInt() != run.get(0).asInt() || previous.get(1).asInt() != run.get(1).asInt(),
                        "a run starts where the variant or row changes: " + run);
            }
            previous = run;
            runKeys.add(run.get(0) + " " + run.get(1));
            results += run.size() - 2;
        }
        assertTrue(results > 2 * data.path("results").size(), "runs share their variant and row: " + results);
        assertEquals(data.path("variants").size(), new java.util.HashSet<>(
                new ObjectMapper().convertValue(data.path("variants"), java.util.List.class)).size());
        assertEquals(data.path("terms").size(), new java.util.HashSet<>(
                new ObjectMapper().convertValue(data.path("terms"), java.util.List.class)).size(), "each term once");
    }

    @Test
    void namesThePairsThatAreBetterWhenLowerOnce() throws Exception {
        var vqa = new BenchmarkVocabulary.Benchmark("VQAv2", java.util.List.of(), "VQAv2", "vqa", java.util.List.of("OE VQA acc."),
                java.util.List.of("OE VQA acc."), io.modelcards.diag.SourcePosition.of("benchmarks.yaml", 1));
        String script = CompareData.of(idefics, new BenchmarkVocabulary(java.util.List.of(vqa))).asText();
        String json = script.substring(script.indexOf("] = ") + 4, script.lastIndexOf(';'));
        JsonNode data = new ObjectMapper().readTree(json);
        JsonNode terms = data.path("terms");
        assertEquals(1, data.path("lower").size(), data.path("lower").toString());
        JsonNode pair = data.path("lower").get(0);
        assertEquals("VQAv2", terms.get(pair.get(0).asInt()).asText());
        assertEquals("OE VQA acc.", terms.get(pair.get(1).asInt()).asText());
        assertTrue(new ObjectMapper().readTree(CompareData.of(idefics, BenchmarkVocabulary.EMPTY).asText()
                .replaceAll("(?s)^.*?\\] = |;\\s*$", "")).path("lower").isMissingNode(), "none: no list");
    }
}
