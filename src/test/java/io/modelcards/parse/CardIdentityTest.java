package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.CardLayout;
import io.modelcards.model.Model;
import io.modelcards.source.ContentScanner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which files are one card, how cards are named, and which ids clash (issue 12, item 1). */
class CardIdentityTest {
    private static final String SECTIONS = "# Model description\n\nA model.\n\n# Intended uses & limitations\n\nUse it.\n\n"
            + "# Training data\n\nData.\n\n#\n\nAn empty heading.\n\n# Training data\n\nRepeated.\n";

    @Test
    void hubReadmeIsOneCardNamedByItsFolderWhenNothingElseNamesIt() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/acme/nova-7b/README.md", SECTIONS, d);
        assertEquals(1, models.size());
        Model m = models.get(0);
        assertEquals("acme/nova-7b", m.id());
        assertEquals("nova-7b", m.name());
        assertEquals("acme-nova-7b", m.slug());
        assertTrue(m.blocks().stream().anyMatch(b -> b instanceof Block.Heading h && h.text().equals("Training data")));
        assertFalse(d.hasErrors(), d.formatted().toString());
    }

    @Test
    void twoCardsWithTheSameSectionHeadingsAreNoDuplicates() {
        var d = new Diagnostics();
        var parser = new ModelCardParser();
        List<Model> models = parser.parse(List.of(TestContent.file("content/a/one/README.md", SECTIONS, d),
                TestContent.file("content/b/two/README.md", SECTIONS, d)), d);
        assertEquals(List.of("a/one", "b/two"), models.stream().map(Model::id).toList());
        assertFalse(d.hasErrors(), d.formatted().toString());
    }

    @Test
    void titleComesFromTheModelIndexThenModelNameThenTheFirstHeading() {
        var d = new Diagnostics();
        String index = "---\nmodel-index:\n- name: nova-chat\n  results: []\n---\n# Nova\n\nText.\n";
        assertEquals("nova-chat", TestContent.parse("content/acme/x/README.md", index, d).get(0).name());
        String named = "---\nmodel_name: Nova Large\n---\n# Nova\n\nText.\n";
        assertEquals("Nova Large", TestContent.parse("content/acme/x/README.md", named, d).get(0).name());
        Model heading = TestContent.parse("content/acme/x/README.md", "# Nova 7B\n\nText.\n", d).get(0);
        assertEquals("Nova 7B", heading.name());
        assertFalse(heading.blocks().get(0) instanceof Block.Heading, "the title heading is not shown twice");
        String sameName = "---\nmodel-index:\n- name: orca_mini_3b\n---\n# Orca Mini 3B\n\nText.\n";
        assertEquals("Orca Mini 3B", TestContent.parse("content/p/orca_mini_3b/README.md", sameName, d).get(0).name());
        assertFalse(d.hasErrors(), d.formatted().toString());
    }

    @Test
    void fileWithFrontMatterIsOneCardWhateverItsHeadings() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/nova.md", "---\nlicense: mit\n---\n# Nova\n\nA.\n\n# Nova Chat\n\nB.\n", d);
        assertEquals(List.of("Nova"), models.stream().map(Model::name).toList());
        assertEquals("nova", models.get(0).id());
    }

    @Test
    void fileWithoutFrontMatterWhoseHeadingsNameModelsIsACollection() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/cards.md", "# IDEFICS\n\nA.\n\n# Llama v2\n\nB.\n", d);
        assertEquals(List.of("IDEFICS", "Llama v2"), models.stream().map(Model::name).toList());
        assertEquals(List.of("IDEFICS", "Llama v2"), models.stream().map(Model::id).toList());
    }

    @Test
    void sectionWordedHeadingsMakeOneCard() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/nova.md", "# Nova 7B\n\nA.\n\n# Usage\n\nB.\n\n# Citation\n\nC.\n", d);
        assertEquals(List.of("Nova 7B"), models.stream().map(Model::name).toList());
        assertTrue(SectionNames.isSection("1. Results & Limits"));
        assertTrue(SectionNames.isSection("**Intended uses & limitations**"));
        assertFalse(SectionNames.isSection("Grounding DINO"));
    }

    @Test
    void siteSettingForcesTheLayoutPerFolder() {
        var layout = new CardLayout(Map.of("legacy/", CardLayout.Mode.PER_HEADING, "", CardLayout.Mode.PER_FILE));
        var d = new Diagnostics();
        String text = "# Alpha\n\nA.\n\n# Beta\n\nB.\n";
        var legacy = ContentScanner.asCard(ContentScanner.decode(bytes(text), "content/legacy/all.md", d), "legacy/all.md", layout);
        var other = ContentScanner.asCard(ContentScanner.decode(bytes(text), "content/hub/all.md", d), "hub/all.md", layout);
        var parser = new ModelCardParser();
        assertEquals(2, parser.parseFile(legacy, d).size());
        assertEquals(1, parser.parseFile(other, d).size());
        var readmeAsCollection = ContentScanner.asCard(ContentScanner.decode(bytes(text), "content/legacy/README.md", d),
                "legacy/README.md", layout);
        assertEquals(2, parser.parseFile(readmeAsCollection, d).size());
    }

    @Test
    void duplicateIdsAreErrorsNamingBothPlaces() {
        var d = new Diagnostics();
        var parser = new ModelCardParser();
        parser.parse(List.of(TestContent.file("content/a.md", "# Alpha\n\nA.\n\n# Beta\n\nB.\n", d),
                TestContent.file("content/b.md", "# Alpha\n\nC.\n\n# Gamma\n\nD.\n", d)), d);
        assertEquals(List.of("content/a.md:1: error: duplicate model name \"Alpha\"; defined again at content/b.md:1",
                "content/b.md:1: error: duplicate model name \"Alpha\"; first defined at content/a.md:1"),
                d.formatted().stream().filter(s -> s.contains("error")).sorted().toList());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anchorsWrittenInsideHeadingsAreKept() {
        var d = new Diagnostics();
        String card = "1. [Install](#install1)\n\n# <a name=\"intro\"></a> Nova\n\nText.\n\n### Installation <a name=\"install1\"></a>\n\npip.\n";
        Model m = TestContent.parse("content/acme/nova/README.md", card, d).get(0);
        String html = m.blocks().stream().filter(b -> b instanceof Block.Prose).map(b -> ((Block.Prose) b).html())
                .reduce("", String::concat);
        assertTrue(html.contains("<a id=\"user-content-install1\"></a>"), html);
        assertTrue(html.contains("<a id=\"user-content-intro\"></a>"), html);
        assertFalse(d.hasErrors(), d.formatted().toString());
    }
}
