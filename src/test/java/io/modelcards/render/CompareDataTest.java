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
        for (JsonNode r : data.path("results")) {
            JsonNode terms = data.path("terms");
            if (terms.get(r.get(0).asInt()).asText().equals("VQAv2") && terms.get(r.get(2).asInt()).asText().equals("0-shot")
                    && data.path("variants").get(r.get(3).asInt()).asText().equals("IDEFICS 9B Instruct")) found = r;
        }
        assertTrue(found != null, data.path("results").toString());
        assertEquals("idefics-9b-instruct-0-shots", data.path("rows").get(found.get(4).asInt()).asText());
        assertEquals("65.8", found.get(6).asText());
        assertEquals(7, found.size(), "the value is the printed text read as a number: " + found);
        assertEquals(data.path("variants").size(), new java.util.HashSet<>(
                new ObjectMapper().convertValue(data.path("variants"), java.util.List.class)).size());
        assertEquals(data.path("terms").size(), new java.util.HashSet<>(
                new ObjectMapper().convertValue(data.path("terms"), java.util.List.class)).size(), "each term once");
    }
}
