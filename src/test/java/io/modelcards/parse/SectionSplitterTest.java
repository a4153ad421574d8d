package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionSplitterTest {
    @Test
    void splitsAtLevelOneHeadingsAndRemembersTheirLines() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md", "# Alpha\n\nText a.\n\n## Sub\n\nMore.\n\n# Beta\n\nText b.\n", d);
        assertEquals(List.of("Alpha", "Beta"), models.stream().map(Model::name).toList());
        assertEquals("content/a.md:1", models.get(0).origin().toString());
        assertEquals("content/a.md:9", models.get(1).origin().toString());
        assertTrue(models.get(0).blocks().stream().anyMatch(b -> b instanceof Block.Heading h && h.text().equals("Sub")));
        assertTrue(d.all().isEmpty(), d.formatted().toString());
    }

    @Test
    void hashLineInsideFencedCodeIsCodeNotAHeading() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md",
                "# Alpha\n\n```bash\n# not a model\necho hi\n```\n\n~~~\n# still code\n~~~\n", d);
        assertEquals(1, models.size());
        List<Block.Code> code = models.get(0).codeBlocks();
        assertEquals(2, code.size());
        assertEquals("bash", code.get(0).language());
        assertTrue(code.get(0).code().contains("# not a model"));
        assertTrue(code.get(1).code().contains("# still code"));
    }

    @Test
    void setextHeadingStartsAModel() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md", "Alpha Model\n===========\n\nBody.\n\nBeta\n====\n\nBody b.\n", d);
        assertEquals(List.of("Alpha Model", "Beta"), models.stream().map(Model::name).toList());
        assertEquals(6, models.get(1).origin().line());
    }

    @Test
    void frontMatterIsReadAndLinesStayThoseOfTheFile() {
        var d = new Diagnostics();
        String text = "---\nlicense: apache-2.0\ntags: [vision, detection]\ndatasets:\n  - coco\nbase_model: bert-base-uncased\npipeline_tag: object-detection\n---\n# Detector\n\nFinds boxes.\n";
        Model m = TestContent.parse("content/det.md", text, d).get(0);
        assertEquals("apache-2.0", m.frontMatter().license());
        assertEquals(List.of("vision", "detection"), m.frontMatter().tags());
        assertEquals(List.of("coco"), m.frontMatter().datasets());
        assertEquals(List.of("bert-base-uncased"), m.frontMatter().baseModels());
        assertEquals("object-detection", m.frontMatter().pipelineTag());
        assertEquals(9, m.origin().line());
        assertFalse(d.hasErrors());
    }

    @Test
    void invalidFrontMatterIsAnErrorWithItsLine() {
        var d = new Diagnostics();
        TestContent.parse("content/bad.md", "---\nlicense: [unclosed\n---\n# M\n\nText.\n", d);
        assertTrue(d.hasErrors());
        assertTrue(d.formatted().get(0).startsWith("content/bad.md:2"), d.formatted().toString());
        assertTrue(d.formatted().get(0).contains("error: invalid YAML front matter"), d.formatted().toString());
    }

    @Test
    void sectionWithoutBodyIsAWarningAndStillAModel() {
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md", "# Empty\n\n# Full\n\nText.\n", d);
        assertEquals(2, models.size());
        assertEquals(List.of("content/a.md:1: warning: model \"Empty\" has no content below its heading"), d.formatted());
    }

    @Test
    void textBeforeTheFirstHeadingIsKeptWithTheFirstModel() {
        var d = new Diagnostics();
        Model m = TestContent.parse("content/a.md", "Intro words.\n\n# Alpha\n\nBody.\n\n# Beta\n\nMore.\n", d).get(0);
        assertTrue(m.blocks().get(0) instanceof Block.Prose p && p.text().equals("Intro words."));
        assertEquals(1, d.all().size());
    }

    @Test
    void slugsAreLowercaseAsciiAndUnique() {
        assertEquals("grounding-dino", Slugs.slug("Grounding DINO"));
        assertEquals("flan-t5-xl-v1-1", Slugs.slug("Flan-T5 / XL: v1.1 (α)"));
        assertEquals("model", Slugs.slug("!!!"));
        var d = new Diagnostics();
        List<Model> models = TestContent.parse("content/a.md", "# A+B\n\nx\n\n# A B\n\ny\n", d);
        assertEquals(List.of("a-b", "a-b-2"), models.stream().map(Model::slug).toList());
    }
}
