package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.WildCorpus;
import io.modelcards.diag.Diagnostic;
import io.modelcards.model.Model;
import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 real Hub cards (a fixed sample of ../shared/corpus-wild, with its 31 recent large cards) build end to
 * end: no internal error, one model per README, and nothing the cards wrote twice as a model. The whole corpus
 * is measured by src/bench/corpus.py; this sample keeps mvn verify within CI's time. Outside CI the test is
 * skipped when the corpus is absent; in CI (CI=true) a missing corpus fails it.
 */
class WildCorpusSampleTest {

    @TempDir
    static Path dir;

    static Path content;
    static BuildResult result;
    static List<Path> readmes;

    @BeforeAll
    static void build() throws Exception {
        content = dir.resolve("content");
        readmes = WildCorpus.unpack(content, "1000", 11, "--modern").stream()
                .filter(f -> f.getFileName().toString().equals("README.md")).toList();
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(content).withReport(null)
                .withOutput(dir.resolve("site")));
    }

    @Test
    void buildsWithoutAnInternalError() {
        List<String> bugs = new ArrayList<>();
        for (Diagnostic d : result.diagnostics().all()) {
            if (d.message().contains("this is a bug in modelcards") || d.message().contains("internal error")) bugs.add(d.format());
        }
        assertEquals(List.of(), bugs);
        assertEquals(1031, readmes.size());
    }

    /**
     * A build holds each model's blocks encoded from parsing on (StoredList): the models it gives are equal to those
     * of the same stages holding every model as objects (as serve does), and each comes back equal from the encoding.
     */
    @Test
    void holdingTheBlocksEncodedChangesNoModel() {
        io.modelcards.model.Site plain = new SiteBuilder().load(BuildOptions.defaults().withContent(content),
                new io.modelcards.diag.Diagnostics(), java.util.function.UnaryOperator.identity());
        List<Model> stored = result.site().models();
        assertEquals(plain.models().size(), stored.size());
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Model m = stored.get(i);
            assertTrue(m.blocks() instanceof StoredList, m.origin().path());
            assertTrue(m.results().isEmpty() || m.results() instanceof StoredList, m.origin().path());
            if (!plain.models().get(i).equals(m)) differ.add(m.origin().path() + ": not the model parsed without the store");
            if (!ModelCodec.decode(ModelCodec.encode(m)).equals(m)) differ.add(m.origin().path() + ": not equal once decoded");
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void everyReadmeIsOneModelWithItsOwnPage() throws IOException {
        Map<String, Integer> perFile = new HashMap<>();
        for (Model m : result.site().models()) perFile.merge(m.origin().path(), 1, Integer::sum);
        List<String> notOne = new ArrayList<>();
        for (Path r : readmes) {
            String shown = SiteBuilder.display(content) + "/" + content.relativize(r).toString().replace('\\', '/');
            int n = perFile.getOrDefault(shown, 0);
            if (n != 1) notOne.add(shown + ": " + n + " models");
        }
        assertEquals(List.of(), notOne);
        long pages = result.files().stream().map(OutputFile::path)
                .filter(f -> f.startsWith("models/") && f.endsWith("/index.html") && f.chars().filter(c -> c == '/').count() == 2)
                .count();
        assertEquals(readmes.size(), pages);
        assertTrue(result.diagnostics().all().stream().noneMatch(d -> d.message().startsWith("duplicate model")),
                String.join("\n", result.diagnostics().formatted()));
    }
}
