package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** models.json of the seed is valid against the schema the site ships (schema/models.schema.json). */
class ModelsSchemaTest {
    private static Schema schema;
    private static BuildResult result;

    @BeforeAll
    static void load() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("site-assets/schema/models.schema.json")), InputFormat.JSON);
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
    }

    @Test
    void seedModelsJsonIsValid() {
        List<Error> errors = schema.validate(file("models.json"), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void shipsTheSchemaInTheSite() throws Exception {
        assertEquals(Files.readString(Path.of("site-assets/schema/models.schema.json")), file("schema/models.schema.json"));
    }

    @Test
    void rejectsACellWithoutItsTypedValue() {
        String original = file("models.json");
        String broken = original.replaceFirst("\"type\"\\s*:\\s*\"number\",\\s*\"value\"\\s*:\\s*2048", "\"type\":\"number\"");
        assertFalse(broken.equals(original), "the test must remove a value");
        List<Error> errors = schema.validate(broken, InputFormat.JSON);
        assertFalse(errors.isEmpty(), "a number without its value must not pass");
    }

    private static String file(String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(OutputFile::asText).findFirst()
                .orElseThrow(() -> new AssertionError("no output file " + path));
    }
}
