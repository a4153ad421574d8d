package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.render.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's rebuilds: what a change re-renders, and that the result equals a build from scratch. */
class IncrementalBuilderTest {
    @TempDir
    Path content;

    private IncrementalBuilder builder;
    private BuildOptions options;

    @BeforeEach
    void build() throws Exception {
        Files.writeString(content.resolve("a.md"), "# Alpha\n\nAlpha text.\n\n# Beta\n\nBeta text.\n");
        Files.writeString(content.resolve("b.md"), "# Gamma\n\nGamma text.\n");
        options = BuildOptions.defaults().withContent(content).withReport(null)
                .withSettings(java.util.Map.of("modelJson", "true"));
        builder = new IncrementalBuilder(options, BuildProgress.NONE);
        IncrementalBuilder.Outcome first = builder.full();
        assertTrue(first.result().ok(), first.result().diagnostics().formatted().toString());
        assertEquals(3, first.modelsRendered());
    }

    @Test
    void aChangedCardRendersOnlyItsChangedModelAndMatchesAFullBuild() throws Exception {
        Path a = content.resolve("a.md");
        Files.writeString(a, "# Alpha\n\nAlpha text, edited.\n\n# Beta\n\nBeta text.\n");
        IncrementalBuilder.Outcome o = builder.rebuild(List.of(a));
        assertFalse(o.full());
        assertEquals(1, o.modelsRendered());
        assertEquals(bytes(new SiteBuilder().render(options).files()), bytes(o.result().files()));
        assertTrue(text(o.result().files(), "models/alpha/model.json").contains("Alpha text, edited."));
        assertTrue(text(o.result().files(), "index.html").contains("Alpha text, edited."));
    }

    @Test
    void aRenamedModelDropsItsOldPage() throws Exception {
        Path b = content.resolve("b.md");
        Files.writeString(b, "# Delta\n\nDelta text.\n");
        IncrementalBuilder.Outcome o = builder.rebuild(List.of(b));
        assertFalse(o.full());
        Map<String, String> files = bytes(o.result().files());
        assertTrue(files.containsKey("models/delta/index.html"));
        assertFalse(files.containsKey("models/gamma/index.html"));
        assertEquals(bytes(new SiteBuilder().render(options).files()), files);
    }

    @Test
    void aNewFileOrSiteSettingsMakeAFullBuild() throws Exception {
        Path c = content.resolve("c.md");
        Files.writeString(c, "# Epsilon\n\nEpsilon text.\n");
        IncrementalBuilder.Outcome added = builder.rebuild(List.of(c));
        assertTrue(added.full());
        assertTrue(bytes(added.result().files()).containsKey("models/epsilon/index.html"));
        Path settings = content.resolve("site.yaml");
        Files.writeString(settings, "title: Renamed catalogue\n");
        IncrementalBuilder.Outcome configured = builder.rebuild(List.of(settings));
        assertTrue(configured.full());
        assertTrue(text(configured.result().files(), "index.html").contains("Renamed catalogue"));
    }

    @Test
    void aBrokenCardFailsAndItsFixClearsTheError() throws Exception {
        Path b = content.resolve("b.md");
        Files.write(b, new byte[] {'#', ' ', 'G', '\n', (byte) 0xff, '\n'});
        IncrementalBuilder.Outcome broken = builder.rebuild(List.of(b));
        assertFalse(broken.result().ok());
        assertEquals(1, broken.result().diagnostics().errorCount());
        Files.writeString(b, "# Gamma\n\nGamma text.\n");
        IncrementalBuilder.Outcome fixed = builder.rebuild(List.of(b));
        assertTrue(fixed.result().ok(), fixed.result().diagnostics().formatted().toString());
        assertEquals(0, fixed.modelsRendered(), "Gamma is as before, so its kept page is reused");
    }

    @Test
    void editorTemporaryFilesAreIgnored() {
        IncrementalBuilder.Outcome o = builder.rebuild(List.of(content.resolve(".a.md.swp"), content.resolve("4913")));
        assertFalse(o.full());
        assertEquals(0, o.modelsRendered());
    }

    private static Map<String, String> bytes(List<OutputFile> files) {
        Map<String, String> m = new TreeMap<>();
        for (OutputFile f : files) m.put(f.path(), f.asText());
        return m;
    }

    private static String text(List<OutputFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().asText();
    }

    @Test
    void theWarmUpEditsChangeATableValueMoveEveryLineAndChangeTheSummary() {
        String card = "# M\n\n| Model | MMLU |\n|---|---|\n| M | 68.9 |\n";
        String sentence = IncrementalBuilder.WARM_UP_SENTENCE;
        assertEquals(List.of("# M\n\n| Model | MMLU |\n|---|---|\n| M | 68.0 |\n", "# M\n\n\n| Model | MMLU |\n|---|---|\n| M | 68.9 |\n",
                        "# M\n\n" + sentence + "\n\n| Model | MMLU |\n|---|---|\n| M | 68.9 |\n"),
                IncrementalBuilder.warmUpEdits(card));
        assertEquals(List.of("# M\n\nNo table.\n", "# M\n\n" + sentence + "\nNo table.\n"), IncrementalBuilder.warmUpEdits("# M\nNo table.\n"));
    }
}
