package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.SiteBuilder;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's shortcut for the topics ({@link TopicsPatch}): after an edit that changes values or moves lines, the topics
 * are the last ones with the edited model's places set again, and equal in every part to the topics made from
 * scratch; the last call's topics are not changed; any other edit makes them from scratch. On the small generated
 * catalogue of src/test/resources/incremental (no curated results, which always take the full way).
 */
class TopicsPatchTest {
    @TempDir
    Path content;

    private BuildOptions options;
    private Site site;
    private final Topics.Memo memo = new Topics.Memo();
    private Topics topics;

    @BeforeEach
    void load() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/incremental"))) {
            for (Path f : files.toList()) Files.copy(f, content.resolve(f.getFileName()));
        }
        options = BuildOptions.defaults().withContent(content).withReport(null);
        site = new SiteBuilder().load(options, new Diagnostics());
        topics = Topics.of(site, memo);
        askModels(topics);
    }

    @Test
    void aValueEditSetsTheModelsPlacesInTheLastTopics() throws IOException {
        Topics before = topics;
        String shownBefore = shown(before);
        Topics after = edit("part-00002.md", s -> s.replace("| 68.2 (3.8) |", "| 61.5 (3.8) |"));
        assertEquals(shown(Topics.of(site)), shown(after));
        assertEquals(shownBefore, shown(before), "the last call's topics are left as they were");
        assertNotSame(before.byName.get("textvqa"), after.byName.get("textvqa"), "a topic the model adds to is a copy");
        String untouched = before.byName.keySet().stream()
                .filter(k -> before.byName.get(k).models().stream().noneMatch(m -> m.origin().path().endsWith("part-00002.md")))
                .findFirst().orElseThrow();
        assertSame(before.byName.get(untouched), after.byName.get(untouched), "a topic it does not add to is kept: " + untouched);
    }

    @Test
    void editsInARowAndLinesThatMove() throws IOException {
        edit("part-00002.md", s -> s.replace("| 68.2 (3.8) |", "| 61.5 (3.8) |"));
        assertEquals(shown(Topics.of(site)), shown(topics));
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
        assertEquals(shown(Topics.of(site)), shown(topics));
        edit("part-00003.md", s -> s.replaceFirst("\\| (\\d+)\\.(\\d) \\|", "| $1.9 |"));
        assertEquals(shown(Topics.of(site)), shown(topics));
        edit("part-00002.md", s -> s.replace("| 61.5 (3.8) |", "| 61.5 (3.8) (+1.0) |"));
        assertEquals(shown(Topics.of(site)), shown(topics));
    }

    @Test
    void editsThatChangeWhatAModelAddsAreMadeFromScratch() throws IOException {
        Topics before = topics;
        // a value becomes none: its column still has others; a benchmark named in the text; a column's name
        edit("part-00002.md", s -> s.replace("| 68.2 (3.8) |", "| - |"));
        assertEquals(shown(Topics.of(site)), shown(topics));
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nIt was evaluated on COCO.\n"));
        assertEquals(shown(Topics.of(site)), shown(topics));
        String untouched = before.byName.keySet().iterator().next();
        assertNotSame(before.byName.get(untouched), topics.byName.get(untouched));
        edit("part-00002.md", s -> s.replace("<nobr>TextVQA<br>", "<nobr>DocVQA<br>"));
        assertEquals(shown(Topics.of(site)), shown(topics));
    }

    /**
     * A render looks up datasets no card names (a benchmark's dataset, the dataset it derives from) after the topics
     * are made, which makes them (and may add an alias): a patch starts from the topics as they were made, so the next
     * render makes those again in the same order, as a full render does.
     */
    @Test
    void topicsARenderAddedAreNotCarriedIntoThePatch() throws IOException {
        topics.named("Brand New Set");
        topics.named("textvqa"); // an alias of TextVQA
        topics.named("TEXTVQA"); // and another one, of the same topic
        Topics after = edit("part-00002.md", s -> s.replace("| 68.2 (3.8) |", "| 61.5 (3.8) |"));
        Topics fresh = Topics.of(site);
        assertEquals(shown(fresh), shown(after));
        fresh.named("Brand New Set");
        fresh.named("textvqa");
        after.named("Brand New Set");
        after.named("textvqa");
        assertEquals(shown(fresh), shown(after));
        assertTrue(shown(after).contains("Brand New Set / brand-new-set"), shown(after));
        Topics next = edit("part-00003.md", s -> s.replaceFirst("\\| (\\d+)\\.(\\d) \\|", "| $1.9 |"));
        assertEquals(shown(Topics.of(site)), shown(next));
    }

    /** Parses the edited file again into a site that keeps every other model instance, as serve's does, then topics. */
    private Topics edit(String file, UnaryOperator<String> change) throws IOException {
        Path p = content.resolve(file);
        String text = Files.readString(p);
        String edited = change.apply(text);
        assertFalse(text.equals(edited), "the edit changes " + file);
        Files.writeString(p, edited);
        Site fresh = new SiteBuilder().load(options, new Diagnostics());
        List<Model> models = new ArrayList<>(site.models());
        int replaced = 0;
        for (int i = 0; i < models.size(); i++) {
            Model now = fresh.models().get(i);
            assertEquals(models.get(i).slug(), now.slug());
            if (now.origin().path().endsWith(file)) {
                models.set(i, now);
                replaced++;
            }
        }
        assertTrue(replaced > 0);
        site = new Site(site.config(), models, site.curated());
        topics = Topics.of(site, memo);
        askModels(topics);
        return topics;
    }

    private static void askModels(Topics t) {
        for (Topics.Topic topic : t.all()) topic.models();
    }

    /** Everything a topic holds, as text: its names, its results and mentions with their models, its models. */
    private static String shown(Topics t) {
        StringBuilder s = new StringBuilder();
        for (Topics.Topic topic : t.all()) {
            s.append(topic.name).append(" / ").append(topic.slug()).append(' ').append(topic.aliases).append(' ')
                    .append(topic.benchmark).append('\n');
            for (Topics.Result r : topic.results) {
                s.append("  result ").append(System.identityHashCode(r.model())).append(' ').append(r.model().slug())
                        .append(' ').append(r.label()).append(' ').append(r.metric()).append(' ').append(r.value())
                        .append(' ').append(r.rowId()).append('\n');
            }
            for (Topics.Mention m : topic.mentions) {
                s.append("  mention ").append(System.identityHashCode(m.model())).append(' ').append(m.model().slug())
                        .append(' ').append(m.where()).append(' ').append(m.rowId()).append('\n');
            }
            for (Model m : topic.models()) s.append("  model ").append(System.identityHashCode(m)).append('\n');
        }
        return s.toString();
    }
}
