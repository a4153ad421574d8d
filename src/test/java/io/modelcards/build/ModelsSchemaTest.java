package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcards.render.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * models.json (the catalogue's index) and every models/<slug>/model.json of the seed are valid against the
 * schemas the site ships (schema/models.schema.json, schema/model.schema.json).
 */
class ModelsSchemaTest {
    private static Schema schema;
    private static Schema modelSchema;
    private static BuildResult result;

    @BeforeAll
    static void load() throws Exception {
        String text = Files.readString(Path.of("site-assets/schema/models.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        // model.schema.json is a $ref to models.schema.json#/$defs/model: the same definitions, rooted at "model"
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        tree.remove(List.of("required", "properties", "type", "$id"));
        tree.put("$ref", "#/$defs/model");
        modelSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(tree.toString(), InputFormat.JSON);
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
    }

    @Test
    void seedModelsJsonIsValid() {
        List<Error> errors = schema.validate(file("models.json"), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void everyModelJsonIsValidAndListedInTheIndex() throws Exception {
        var index = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file("models.json")).path("models");
        assertEquals(6, index.size());
        for (var entry : index) {
            String json = file(entry.path("json").asText());
            assertEquals(List.of(), modelSchema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList(),
                    entry.path("json").asText());
            assertEquals(entry.path("slug").asText(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("slug").asText());
        }
        assertEquals("models.schema.json#/$defs/model", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(file("schema/model.schema.json")).path("$ref").asText());
    }

    @Test
    void shipsTheSchemaInTheSite() throws Exception {
        assertEquals(Files.readString(Path.of("site-assets/schema/models.schema.json")), file("schema/models.schema.json"));
    }

    @Test
    void rejectsAChangeWithoutItsDelta() {
        String original = file("models/idefics/model.json");
        String broken = original.replaceFirst("(\"type\":\"delta\",\"value\":[-0-9.]+),\"delta\":[-0-9.]+", "$1");
        assertFalse(broken.equals(original), "the test must remove a delta");
        List<Error> errors = modelSchema.validate(broken, InputFormat.JSON);
        assertFalse(errors.isEmpty(), "a stated change without its delta must not pass");
    }

    @Test
    void writesSpreadsAsTheSchemaDescribesThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/golden/spreads/content/cards.md"), dir.resolve("cards.md"));
        Files.writeString(dir.resolve("site.yaml"), "modelJson: true\n");
        BuildResult spreads = new SiteBuilder().render(BuildOptions.defaults().withContent(dir));
        String json = spreads.files().stream().filter(f -> f.path().equals("models/spread-model-7b/model.json"))
                .map(OutputFile::asText).findFirst().orElseThrow();
        assertTrue(json.contains("\"type\":\"spread\",\"value\":89.9,\"spread\":10.2"), json);
        assertTrue(json.contains("\"type\":\"spread\",\"value\":0.560,\"spread\":0.010"), json);
        assertEquals(List.of(), modelSchema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList());
        String broken = json.replaceFirst("(\"type\":\"spread\",\"value\":[-0-9.]+),\"spread\":[-0-9.]+", "$1");
        assertFalse(broken.equals(json), "the test must remove a spread");
        assertFalse(modelSchema.validate(broken, InputFormat.JSON).isEmpty(), "a spread without its spread must not pass");
    }

    @Test
    void rejectsAResultOutsideTablesWithoutItsValue() {
        // only a result whose first origin is a table cell may leave its value to the cell
        String original = file("models/distilbert-base-uncased-finetuned-sst-2/model.json");
        String broken = original.replaceFirst("(\"results\":\\[\\{[^{}]*)\"value\":[-0-9.]+,?", "$1");
        assertFalse(broken.equals(original), "the test must remove a value");
        assertEquals(List.of(), modelSchema.validate(original, InputFormat.JSON).stream().map(Error::toString).toList());
        assertFalse(modelSchema.validate(broken, InputFormat.JSON).isEmpty(), "a result without its value must not pass");
    }

    private static String file(String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(OutputFile::asText).findFirst()
                .orElseThrow(() -> new AssertionError("no output file " + path));
    }
}
