package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --templates and --assets override the bundled theme file by file; flags override site.yaml. */
class ThemeOverrideTest {
    @TempDir
    Path tmp;

    @Test
    void templatesAndAssetsAreOverriddenFileByFile() throws Exception {
        Path templates = tmp.resolve("templates/fragments");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("footer.html"),
                "<footer class=\"site-footer\" th:fragment=\"footer\"><p>Our own footer</p></footer>\n");
        Path assets = tmp.resolve("assets/css");
        Files.createDirectories(assets);
        Files.writeString(assets.resolve("site.css"), "body { color: rebeccapurple; }\n");
        Path out = tmp.resolve("site");
        CliRun r = CliRun.of("build", "--content", TestContent.SEED.toString(), "--out", out.toString(),
                "--templates", tmp.resolve("templates").toString(), "--assets", tmp.resolve("assets").toString(),
                "--report", tmp.resolve("r.json").toString());
        assertEquals(0, r.exit(), r.err());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("Our own footer"), "overridden fragment");
        assertTrue(index.contains("class=\"cards\""), "the other templates stay the bundled ones");
        assertEquals("body { color: rebeccapurple; }\n", Files.readString(out.resolve("css/site.css")));
        assertTrue(Files.isRegularFile(out.resolve("js/site.js")), "assets not overridden stay bundled");
    }

    @Test
    void flagsOverrideSiteSettings() throws Exception {
        Path out = tmp.resolve("site");
        CliRun r = CliRun.of("build", "--content", TestContent.SEED.toString(), "--out", out.toString(),
                "--title", "Lab Zoo", "--repo-url", "https://github.com/acme/zoo/blob/main/",
                "--report", tmp.resolve("r.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("index.html")).contains("<title>Lab Zoo</title>"));
        String whisper = Files.readString(out.resolve("models/whisper/index.html"));
        assertTrue(whisper.contains("href=\"https://github.com/acme/zoo/blob/main/content/model-cards.md#L82\""), "edit link");
    }
}
