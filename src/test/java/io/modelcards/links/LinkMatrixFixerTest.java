package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Curated;
import io.modelcards.model.Link;
import io.modelcards.model.Site;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinkMatrixFixerTest {
    private static final String WHISPER_LIKE = """
            # Speech

            | Size   | English-only                                      | Multilingual                                  |
            |--------|---------------------------------------------------|-----------------------------------------------|
            | tiny   | [✓](https://huggingface.co/acme/speech-tiny.en)   | [✓](https://huggingface.co/acme/speech-tiny)   |
            | base   | [✓](https://huggingface.co/acme/speech-base)      | [✓](https://huggingface.co/acme/speech-base)   |
            | small  | [✓](https://huggingface.co/acme/speech-small.en)  | [✓](https://huggingface.co/acme/speech-small)  |
            | medium | [✓](https://huggingface.co/acme/speech-medium.en) | [✓](https://huggingface.co/acme/speech-medium) |
            | large  | x                                                 | [✓](https://huggingface.co/acme/speech-large)  |
            """;

    @Nested
    @DisplayName("fixes a cell that breaks its column's pattern")
    class Fixes {
        @Test
        void whisperLikeMatrixWithOneCellRepeatingTheOtherColumn() {
            Diagnostics d = new Diagnostics();
            Site site = Sites.link(WHISPER_LIKE, Curated.EMPTY, d);
            List<Link> fixes = Sites.fixes(site);
            assertEquals(1, fixes.size(), fixes.toString());
            Link fix = fixes.get(0);
            assertEquals("https://huggingface.co/acme/speech-base", fix.originalHref());
            assertEquals("https://huggingface.co/acme/speech-base.en", fix.href());
            assertEquals(SourcePosition.of("content/test.md", 6), fix.origin());
            assertTrue(fix.note().contains("row base, column English-only"), fix.note());
            assertTrue(fix.note().contains("https://huggingface.co/acme/speech-{row}.en"), fix.note());
            assertEquals(List.of("content/test.md:6: warning: fixed link in table table-1 (row base, column English-only; rule: column pattern): "
                    + "https://huggingface.co/acme/speech-base → https://huggingface.co/acme/speech-base.en"),
                    d.formatted());
        }

        @Test
        void wrongCellInTheFirstColumn() {
            String md = """
                    # Chat models

                    | Size | Base                                   | Instruct                                        |
                    |------|----------------------------------------|-------------------------------------------------|
                    | 7B   | [w](https://example.org/m/Model-7B)     | [w](https://example.org/m/Model-7B-Instruct)     |
                    | 13B  | [w](https://example.org/m/Model-13B-Instruct) | [w](https://example.org/m/Model-13B-Instruct) |
                    | 70B  | [w](https://example.org/m/Model-70B)    | [w](https://example.org/m/Model-70B-Instruct)    |
                    """;
            List<Link> fixes = Sites.fixes(Sites.link(md));
            assertEquals(1, fixes.size(), fixes.toString());
            assertEquals("https://example.org/m/Model-13B", fixes.get(0).href());
            assertTrue(fixes.get(0).note().contains("column Base"), fixes.get(0).note());
        }

        @Test
        void githubReleasesWithVersionRowsAndAnUnrelatedRowHeaderColumn() {
            String md = """
                    # Tool

                    | # | Version | Linux | macOS |
                    |---|---------|-------|-------|
                    | 1 | v1.0 | [get](https://github.com/acme/tool/releases/download/v1.0/tool-linux.tar.gz) | [get](https://github.com/acme/tool/releases/download/v1.0/tool-macos.tar.gz) |
                    | 2 | v1.1 | [get](https://github.com/acme/tool/releases/download/v1.1/tool-linux.tar.gz) | [get](https://github.com/acme/tool/releases/download/v1.1/tool-linux.tar.gz) |
                    | 3 | v1.2 | [get](https://github.com/acme/tool/releases/download/v1.2/tool-linux.tar.gz) | [get](https://github.com/acme/tool/releases/download/v1.2/tool-macos.tar.gz) |
                    """;
            List<Link> fixes = Sites.fixes(Sites.link(md));
            assertEquals(1, fixes.size(), fixes.toString());
            assertEquals("https://github.com/acme/tool/releases/download/v1.1/tool-macos.tar.gz", fixes.get(0).href());
            assertTrue(fixes.get(0).note().contains("row v1.1, column macOS"), fixes.get(0).note());
        }

        @Test
        void columnWithOneGoodRowIsInferredFromTheOtherColumns() {
            String md = """
                    |Model|Llama2|Llama2-hf|Llama2-chat|Llama2-chat-hf|
                    |---|---|---|---|---|
                    |7B| [Link](https://huggingface.co/llamaste/Llama-2-7b) | [Link](https://huggingface.co/llamaste/Llama-2-7b-hf) | [Link](https://huggingface.co/llamaste/Llama-2-7b-chat) | [Link](https://huggingface.co/llamaste/Llama-2-7b-chat-hf)|
                    |13B| [Link](https://huggingface.co/llamaste/Llama-2-13b) | [Link](https://huggingface.co/llamaste/Llama-2-13b-hf) | [Link](https://huggingface.co/llamaste/Llama-2-13b-chat) | [Link](https://huggingface.co/llamaste/Llama-2-13b-hf)|
                    |70B| [Link](https://huggingface.co/llamaste/Llama-2-70b) | [Link](https://huggingface.co/llamaste/Llama-2-70b-hf) | [Link](https://huggingface.co/llamaste/Llama-2-70b-chat) | [Link](https://huggingface.co/llamaste/Llama-2-70b-hf)|
                    """;
            List<String> to = Sites.fixes(Sites.link("# Llama\n\n" + md)).stream().map(Link::href).toList();
            assertEquals(List.of("https://huggingface.co/llamaste/Llama-2-13b-chat-hf",
                    "https://huggingface.co/llamaste/Llama-2-70b-chat-hf"), to);
        }

        @Test
        void pageShowsTheFixedHrefWithAMarkNamingTheOriginal() {
            Site site = Sites.link(WHISPER_LIKE);
            String html = site.models().get(0).tables().get(0).rows().get(1).cells().get(1).html();
            assertTrue(html.contains("href=\"https://huggingface.co/acme/speech-base.en\""), html);
            assertTrue(html.contains("<sup class=\"fixed-link\" title=\"corrected from https://huggingface.co/acme/speech-base\">fixed</sup>"), html);
            assertEquals("https://huggingface.co/acme/speech-base.en",
                    site.models().get(0).tables().get(0).rows().get(1).cells().get(1).links().get(0).href());
        }
    }

    /** Rows whose repositories are named differently: one template of row × column does not fit them all. */
    private static final String NOVA = """
            # Nova

            | Size | Base | Chat |
            |------|------|------|
            | 3B   | [hf](https://huggingface.co/acme/Nova-3B-hf)      | [hf](https://huggingface.co/acme/Nova-3B-hf)           |
            | 4x3B | [hf](https://huggingface.co/acme/NovaMoE-4x3B-hf) | [hf](https://huggingface.co/acme/NovaMoE-4x3B-chat-hf) |
            | 4x7B | [hf](https://huggingface.co/acme/NovaMoE-4x7B-hf) | [hf](https://huggingface.co/acme/NovaMoE-4x7B-chat-hf) |
            """;

    @Nested
    @DisplayName("fixes from how the columns relate in the other rows")
    class FixesByRelation {
        @Test
        void rowsNamedDifferentlyGetTheChatLinkAsTheBaseLinkWithChatInserted() {
            Diagnostics d = new Diagnostics();
            List<Link> fixes = Sites.fixes(Sites.link(NOVA, Curated.EMPTY, d));
            assertEquals(1, fixes.size(), fixes.toString());
            assertEquals("https://huggingface.co/acme/Nova-3B-hf", fixes.get(0).originalHref());
            assertEquals("https://huggingface.co/acme/Nova-3B-chat-hf", fixes.get(0).href());
            assertTrue(fixes.get(0).note().contains("rule: column relation"), fixes.get(0).note());
            assertTrue(fixes.get(0).note().contains("\"chat-\" inserted before \"hf\""), fixes.get(0).note());
            assertEquals(List.of("content/test.md:5: warning: fixed link in table table-1 (row 3B, column Chat; rule:"
                    + " column relation): https://huggingface.co/acme/Nova-3B-hf → https://huggingface.co/acme/Nova-3B-chat-hf"),
                    d.formatted());
        }

        @Test
        void theBaseCellIsTheWrongOneWhenItHoldsTheChatLink() {
            String md = NOVA.replace("| [hf](https://huggingface.co/acme/Nova-3B-hf)      |",
                    "| [hf](https://huggingface.co/acme/Nova-3B-chat-hf) |")
                    .replace("[hf](https://huggingface.co/acme/Nova-3B-hf)           |",
                            "[hf](https://huggingface.co/acme/Nova-3B-chat-hf)      |");
            List<Link> fixes = Sites.fixes(Sites.link(md));
            assertEquals(1, fixes.size(), fixes.toString());
            assertEquals("https://huggingface.co/acme/Nova-3B-hf", fixes.get(0).href());
            assertTrue(fixes.get(0).note().contains("column Base"), fixes.get(0).note());
        }

        @Test
        void chatAppendedAtTheEnd() {
            String md = NOVA.replace("-hf)", ")").replace("-chat)", "-chat)");
            List<String> to = Sites.fixes(Sites.link(md)).stream().map(Link::href).toList();
            assertEquals(List.of("https://huggingface.co/acme/Nova-3B-chat"), to);
        }
    }

    @Nested
    @DisplayName("leaves alone")
    class LeavesAlone {
        @Test
        void consistentMatrixWithMissingCells() {
            String md = WHISPER_LIKE.replace("acme/speech-base)      |", "acme/speech-base.en)   |");
            Site before = Sites.parse(md, Curated.EMPTY);
            Site after = Sites.link(md);
            assertEquals(List.of(), Sites.fixes(after));
            assertEquals(Sites.hrefs(before), Sites.hrefs(after));
        }

        @Test
        void samePaperLinkedFromEveryRow() {
            String md = """
                    # Family

                    | Model | Paper | Weights |
                    |-------|-------|---------|
                    | small | [paper](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/family-small) |
                    | base  | [paper](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/family-base) |
                    | large | [paper](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/family-large) |
                    """;
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void ambiguousWhenFewerThanTwoRowsSupportThePattern() {
            String md = """
                    # Pair

                    | Size | A | B |
                    |------|---|---|
                    | s | [x](https://example.org/s-a) | [x](https://example.org/s-b) |
                    | m | [x](https://example.org/m-a) | [x](https://example.org/m-a) |
                    """;
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void linksWithNoRowPatternSuchAsHashedCheckpoints() {
            String md = """
                    # Checkpoints

                    | Type | Checkpoint |
                    |------|------------|
                    | vit_h | [ckpt](https://dl.example.com/sam_vit_h_4b8939.pth) |
                    | vit_l | [ckpt](https://dl.example.com/sam_vit_l_0b3195.pth) |
                    | vit_b | [ckpt](https://dl.example.com/sam_vit_b_01ec64.pth) |
                    """;
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void aRepeatedLinkWhoseTextNamesItsRepositoryIsMeant() {
            // the card says so: the 3B chat cell names the repository it links to
            String md = NOVA.replace("| [hf](https://huggingface.co/acme/Nova-3B-hf)           |",
                    "| [Nova-3B-hf](https://huggingface.co/acme/Nova-3B-hf)   |");
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void rowsThatDisagreeOnHowTheColumnsRelate() {
            String md = NOVA.replace("NovaMoE-4x7B-chat-hf", "NovaMoE-4x7B-instruct-hf");
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void everyRowRepeatingTheSameLinkAcrossColumns() {
            String md = NOVA.replace("-chat-hf", "-hf");
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void samePaperInEveryRowBesideRowsNamedDifferently() {
            String md = """
                    # Nova

                    | Size | Paper | Base | Chat |
                    |------|-------|------|------|
                    | 3B   | [p](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/Nova-3B-hf)      | [hf](https://huggingface.co/acme/Nova-3B-chat-hf)      |
                    | 4x3B | [p](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/NovaMoE-4x3B-hf) | [hf](https://huggingface.co/acme/NovaMoE-4x3B-chat-hf) |
                    | 4x7B | [p](https://arxiv.org/abs/2401.00001) | [hf](https://huggingface.co/acme/NovaMoE-4x7B-hf) | [hf](https://huggingface.co/acme/NovaMoE-4x7B-chat-hf) |
                    """;
            assertEquals(List.of(), Sites.fixes(Sites.link(md)));
        }

        @Test
        void aRowNamedDifferentlyIsNotGivenTheOtherRowsName() {
            // the template of the other rows (NovaMoE-{row}-chat-hf) would invent NovaMoE-3B-chat-hf; with the
            // relation rule forbidden for this cell, nothing is fixed
            var forbid = new Curated.LinkOverride("forbid", "https://huggingface.co/acme/Nova-3B-hf", "", 0,
                    "the 3B model has no chat version", SourcePosition.of("content/curated.yaml", 3));
            Curated curated = new Curated(Map.of(), Map.of(), List.of(), List.of(forbid));
            assertEquals(List.of(), Sites.fixes(Sites.link(NOVA, curated, new Diagnostics())));
        }

        @Test
        void aCellWhoseFixIsForbiddenInTheCuratedFile() {
            var forbid = new Curated.LinkOverride("forbid", "https://huggingface.co/acme/speech-base", "", 0,
                    "both are the same checkpoint", SourcePosition.of("content/curated.yaml", 3));
            Curated curated = new Curated(Map.of(), Map.of(), List.of(), List.of(forbid));
            assertEquals(List.of(), Sites.fixes(Sites.link(WHISPER_LIKE, curated, new Diagnostics())));
        }
    }

    @Test
    void forcedLinkIsAppliedInProseAndReported() {
        String md = "# M\n\nSee [the paper](https://example.org/old) for details.\n";
        var force = new Curated.LinkOverride("force", "https://example.org/old", "https://example.org/new", 0,
                "moved", SourcePosition.of("content/curated.yaml", 5));
        Diagnostics d = new Diagnostics();
        Site site = Sites.link(md, new Curated(Map.of(), Map.of(), List.of(), List.of(force)), d);
        Link fixed = Sites.fixes(site).get(0);
        assertEquals("https://example.org/new", fixed.href());
        assertTrue(fixed.note().contains("moved"), fixed.note());
        String html = ((Block.Prose) site.models().get(0).blocks().get(0)).html();
        assertTrue(html.contains("href=\"https://example.org/new\""), html);
        assertEquals(1, d.warningCount());
    }
}
