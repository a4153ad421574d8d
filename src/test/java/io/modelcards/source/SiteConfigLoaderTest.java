package io.modelcards.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site.yaml's modelJson switch: off unless it says true; anything else is a warning, not a silent choice. */
class SiteConfigLoaderTest {
    @TempDir
    Path content;

    private SiteConfig load(String yaml, Diagnostics diagnostics) throws Exception {
        Files.writeString(content.resolve("site.yaml"), yaml);
        return new SiteConfigLoader().load(content, "content", diagnostics);
    }

    @Test
    void modelJsonIsOffByDefault() throws Exception {
        Diagnostics d = new Diagnostics();
        assertFalse(load("title: T\n", d).modelJson());
        assertFalse(SiteConfig.DEFAULTS.modelJson());
        assertEquals(List.of(), d.formatted());
    }

    @Test
    void modelJsonTrueTurnsItOn() throws Exception {
        Diagnostics d = new Diagnostics();
        SiteConfig c = load("title: T\nmodelJson: true\n", d);
        assertTrue(c.modelJson());
        assertTrue(c.withBaseUrl("https://example.org/").modelJson(), "kept when the base URL is set");
        assertEquals(List.of(), d.formatted());
    }

    @Test
    void aValueThatIsNotTrueOrFalseIsAWarning() throws Exception {
        Diagnostics d = new Diagnostics();
        assertFalse(load("modelJson: sometimes\n", d).modelJson());
        assertEquals(List.of("content/site.yaml:1: warning: modelJson: expected true or false, got \"sometimes\"; the"
                + " setting is ignored"), d.formatted());
    }
}
