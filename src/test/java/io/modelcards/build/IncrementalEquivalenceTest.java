package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's promise: after any edit, the rebuilt site is exactly what a build from scratch of the edited content
 * gives — the same files with the same bytes, and the same diagnostics. Runs on the seed content (curated data,
 * several models per file) together with a small generated catalogue (src/test/resources/incremental).
 */
class IncrementalEquivalenceTest {
    @TempDir
    Path content;

    private BuildOptions options;
    private IncrementalBuilder builder;

    @BeforeEach
    void copyContent() throws IOException {
        for (Path dir : List.of(Path.of("content"), Path.of("src/test/resources/incremental"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) Files.copy(f, content.resolve(f.getFileName()));
            }
        }
        options = BuildOptions.defaults().withContent(content).withReport(null);
        builder = new IncrementalBuilder(options, BuildProgress.NONE);
        assertSameAsFullBuild(builder.full());
    }

    @Test
    void aProseEdit() throws IOException {
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
    }

    /**
     * Edits that keep every line where it was and change only a page's own text render that model alone; any edit
     * that could change a catalogue-wide page (a name, a mention, a link, the summary, a value) renders them all.
     * Both give what a full build gives.
     */
    @Test
    void editsInsideALineRenderTheModelAloneWhenNoCatalogueWidePageCanChange() throws IOException {
        String line = "Like other dense systems, it can produce inaccurate or biased outputs";
        assertTrue(edit("part-00002.md", s -> s.replace(line, "Like other dense systems, it can produce wrong outputs")).alone(),
                "a sentence of the prose");
        assertTrue(edit("part-00002.md", s -> s + "\nOne more sentence at the end.\n").alone(), "a sentence added at the end");
        assertFalse(edit("part-00002.md", s -> s.replace("it can produce wrong outputs", "it was evaluated on COCO")).alone(),
                "a benchmark named in the text");
        assertFalse(edit("part-00002.md", s -> s.replace("it was evaluated on COCO", "see [Ember](../ember-1234-7b/index.html)")).alone(),
                "a link to another model page");
        assertFalse(edit("part-00002.md", s -> replaceOnce(s, "| 68.2 (3.8) |", "| 61.5 (3.8) |")).alone(), "a value");
        assertFalse(edit("part-00002.md", s -> s.replace("Details of the projection head", "Details of the vision head")).alone(),
                "the summary: the catalogue and search show it");
        assertTrue(edit("part-00002.md", s -> s.replace("see [Ember](../ember-1234-7b/index.html)", "see [Ember](../ember-1234-7b/index.html) again")).alone(),
                "the same link, other words");
    }

    /**
     * Paragraphs added above a card's tables move every result below them to other lines (the leaderboards keep their
     * lines and take the moved results in); a second move and then a value edit of the same card read those again.
     */
    @Test
    void editsThatMoveResultsToOtherLinesAgainAndAgain() throws IOException {
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nAnother one.\n\nAnd one more.\n"));
        edit("part-00002.md", s -> replaceOnce(s, "| 68.2 (3.8) |", "| 61.5 (3.8) |"));
        edit("part-00002.md", s -> s.replace("\nAnother one.\n", ""));
    }

    /**
     * A paragraph added in the second card of a file moves that model's results alone: its lines on each leaderboard,
     * among other models' lines, take the moved results in.
     */
    @Test
    void aMovedLineInTheSecondCardOfAFile() throws IOException {
        UnaryOperator<String> addParagraph = s -> {
            int second = s.indexOf("\n# ", s.indexOf("# ") + 1);
            int details = s.indexOf("## Model Details\n", second);
            assertTrue(second > 0 && details > 0, "a second card with its details");
            return s.substring(0, details) + "## Model Details\n\nA paragraph about the second card.\n"
                    + s.substring(details + "## Model Details\n".length());
        };
        edit("part-00003.md", addParagraph);
        edit("part-00003.md", addParagraph);
        edit("part-00003.md", s -> s.replace("\nA paragraph about the second card.\n", ""));
    }

    /**
     * A card added at the top of a file puts every model after it one place later in the catalogue, and its removal
     * puts them back: serve's memos find a model by its place first (PassMemo, the kept pages, the standings and
     * related models by place), so the edits after each read the models at their new places.
     */
    /** Math written into a card brings the math assets into the site; taken out again, they go (the kept answers). */
    @Test
    void mathAddedToACardAndTakenOut() throws IOException {
        String math = "The loss is $$L = -\\sum_i y_i \\log p_i$$ per token.\n\n";
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\n" + math));
        edit("part-00002.md", s -> s.replace(math, ""));
    }

    @Test
    void aCardAddedBeforeOthersMovesTheirPlaces() throws IOException {
        String added = "# Inserted Tester 2B\n\nA card added in front of the others of this file.\n\n";
        edit("part-00003.md", s -> added + s);
        edit("part-00004.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
        edit("part-00004.md", s -> replaceOnce(s, "| 83.4 (11.7) |", "| 81.4 (11.7) |"));
        edit("part-00003.md", s -> s.replace(added, ""));
        edit("part-00005.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
        edit("part-00004.md", s -> replaceOnce(s, "| 81.4 (11.7) |", "| 83.4 (11.7) |"));
    }

    /**
     * A license no other card names, sorting before the others, moves their licenses' numbers in catalogue-data.js: the
     * records kept for unchanged cards are written again.
     */
    @Test
    void aLicenseThatSortsBeforeTheOthers() throws IOException {
        edit("part-00003.md", s -> "---\nlicense: mit\n---\n" + s);
        edit("part-00002.md", s -> "---\nlicense: apache-2.0\n---\n" + s);
        edit("part-00002.md", s -> s.replace("license: apache-2.0", "license: mit"));
    }

    /**
     * A heading added above a listed result moves it to another section, the same result on the same line of its
     * leaderboard: that line and the row of the model's results summary link to the new section.
     */
    @Test
    void aHeadingAboveAListedResult() throws IOException {
        headingsAboveAListedResult();
    }

    /** The same with the edited models' standings merged into the others' after each edit (ModelRanks), not held over them. */
    @Test
    void aHeadingAboveAListedResultWithTheStandingsMergedAtOnce() throws IOException {
        System.setProperty(io.modelcards.render.ModelRanks.MAX_CHANGED_PROPERTY, "0");
        try {
            headingsAboveAListedResult();
        } finally {
            System.clearProperty(io.modelcards.render.ModelRanks.MAX_CHANGED_PROPERTY);
        }
    }

    private void headingsAboveAListedResult() throws IOException {
        String listed = "It achieves the following results on the evaluation set:\n\nConll2003:\n- F1: 0.9515\n";
        edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\n" + listed));
        edit("part-00002.md", s -> s.replace(listed, "## Scores\n\n" + listed));
        edit("part-00002.md", s -> s.replace("## Scores\n\n", "## Evaluation scores\n\nOne more line.\n\n"));
        edit("part-00002.md", s -> s.replace("## Evaluation scores\n\nOne more line.\n\n", ""));
    }

    /**
     * A leaderboard charted against parameter counts read from a card's variants table: a moved line keeps the chart,
     * a moved line together with another size draws it again.
     */
    @Test
    void aMovedLineWithAnotherParameterCount() throws IOException {
        Files.writeString(content.resolve("hella.md"), """
                # Hella Tester

                A model family evaluated on one benchmark.

                | Size | Parameters | Checkpoint |
                |---|---|---|
                | Hella Tester small | 7B | [✓](https://huggingface.co/hella/small) |
                | Hella Tester large | 70B | [✓](https://huggingface.co/hella/large) |
                | Hella Tester huge | 140B | [✓](https://huggingface.co/hella/huge) |

                ## Evaluation

                | Model | HellaSwag |
                |---|---|
                | Hella Tester small | 60.1 |
                | Hella Tester large | 70.2 |
                | Hella Tester huge | 75.3 |
                """);
        IncrementalBuilder.Outcome full = builder.full();
        assertSameAsFullBuild(full);
        assertTrue(full.result().files().stream().filter(f -> f.path().equals("benchmarks/hellaswag/index.html"))
                .anyMatch(f -> f.asText().contains("by parameter count")), "the leaderboard's chart");
        edit("hella.md", s -> s.replace("one benchmark.\n", "one benchmark.\n\nA second paragraph.\n"));
        edit("hella.md", s -> s.replace("A second paragraph.\n", "A second paragraph.\n\nA third.\n").replace("| 70B |", "| 30B |"));
    }

    @Test
    void aProseEditThatNamesAnotherModel() throws IOException {
        edit("part-00004.md", s -> s.replace("## Model Details\n", "## Model Details\n\nCompare with Ember-1234 7B and Whisper.\n"));
        edit("part-00004.md", s -> s.replace("Compare with Ember-1234 7B and Whisper.", "Compare with nothing."));
    }

    @Test
    void aTableCellEdit() throws IOException {
        edit("part-00002.md", s -> replaceOnce(s, "| 68.2 (3.8) |", "| 61.5 (3.8) |"));
        edit("part-00002.md", s -> replaceOnce(s, "| 67.9 |", "| 67.9 (+2.0) |"));
    }

    @Test
    void aModelRename() throws IOException {
        edit("part-00002.md", s -> s.replace("# Juniper-32910 3B", "# Juniper-32910 Mini"));
        edit("part-00000.md", s -> s.replace("# Orca-9153 9B", "# Juniper-32910 3B"));
        edit("part-00002.md", s -> s.replace("# Juniper-32910 Mini", "# Orca-9153 9B"));
    }

    @Test
    void aRenameToANameUsedElsewhereAndBack() throws IOException {
        edit("part-00001.md", s -> s.replace("# Kestrel-17072 7B", "# Ember-1234 7B"));
        edit("part-00001.md", s -> s.replace("# Ember-1234 7B\n", "# Kestrel-17072 7B\n"));
    }

    /**
     * Slugs that collide ("ember-1234-7b" and "ember-1234-7b-2"), kept through edits that leave each model's id and
     * slug as they were (serve keeps the last slugs then) and made again when the first model's name changes.
     */
    @Test
    void aSlugTakenByAnotherModelThroughLaterEdits() throws IOException {
        edit("part-00001.md", s -> s.replace("# Kestrel-17072 7B", "# Ember 1234 7B"));
        IncrementalBuilder.Outcome moved = edit("part-00001.md",
                s -> s.replace("## Model Details\n", "## Model Details\n\nA line that moves the others.\n"));
        assertTrue(moved.result().site().models().stream().anyMatch(m -> m.slug().equals("ember-1234-7b-2")));
        // the same slug to start from, another id: the one of the first model, in capitals (an error)
        edit("part-00001.md", s -> s.replace("# Ember 1234 7B\n", "# EMBER-1234 7B\n"));
        edit("part-00001.md", s -> s.replace("# EMBER-1234 7B\n", "# Ember 1234 7B\n"));
        edit("part-00000.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA line that moves the others.\n"));
        edit("part-00000.md", s -> s.replace("# Ember-1234 7B\n", "# Ember-1234 8B\n"));
        edit("part-00001.md", s -> s.replace("A line that moves the others.\n", "Another line.\n"));
        edit("part-00000.md", s -> s.replace("# Ember-1234 8B\n", "# Ember-1234 7B\n"));
    }

    @Test
    void addingAndRemovingAResultsRow() throws IOException {
        String row = "| Juniper-32910 3B | 64 | 1.0 | 2.0 | 3.0 | 4.0 | 5.0 | 6.0 | 7.0 | 8.0 | 9.0 | 1/2/3 | 10.0 | 11.0 |\n";
        edit("part-00002.md", s -> s.replace("|  | 32 | 73.1 (19.3) |", row + "|  | 32 | 73.1 (19.3) |"));
        edit("part-00002.md", s -> s.replace(row, ""));
        edit("part-00002.md", s -> s.replace("|  | 8 | 64.4 (11.2) | 40.3 | 71.0 (4.5) | 60.7 (27.6) | 79.8 | 69.1 | 79.8 | 42.3 | 72.6 | - | 71.9 | 71.7 (23.6) |\n", ""));
    }

    @Test
    void editsToTheSeedCardsWithCuratedData() throws IOException {
        edit("model-cards.md", s -> s.replace("# Sagment Anything", "# Sagment Anything Model"));
        edit("model-cards.md", s -> s.replace("# Sagment Anything Model", "# Sagment Anything"));
        edit("model-cards.md", s -> s.replace("# Whisper\n", "# Whisper\n\nSee #grounding-dino and Llama 2 and [the top](#idefics).\n"));
    }

    @Test
    void aBrokenLinkAndItsFix() throws IOException {
        edit("part-00003.md", s -> s.replace("## Model Details\n", "## Model Details\n\nSee [there](../nowhere-at-all/index.html).\n"));
        edit("part-00003.md", s -> s.replace("See [there](../nowhere-at-all/index.html).", "See [there](#model-details)."));
    }

    /**
     * The generated catalogue alone: without curated results, the topics of a value edit or a moved line are the last
     * ones with the edited models' places set again (render's TopicsPatch), which must give the same site.
     */
    @Nested
    class WithoutCuratedData {
        @BeforeEach
        void onlyTheGeneratedCards() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("content"))) {
                for (Path f : files.toList()) Files.deleteIfExists(content.resolve(f.getFileName()));
            }
            builder = new IncrementalBuilder(options, BuildProgress.NONE);
            assertSameAsFullBuild(builder.full());
        }

        @Test
        void valueEditsAndMovedLines() throws IOException {
            edit("part-00002.md", s -> replaceOnce(s, "| 68.2 (3.8) |", "| 61.5 (3.8) |"));
            edit("part-00002.md", s -> replaceOnce(s, "| 67.9 |", "| 67.9 (+2.0) |"));
            edit("part-00002.md", s -> s.replace("## Model Details\n", "## Model Details\n\nA new first sentence.\n"));
            edit("part-00004.md", s -> s.replaceFirst("\\| (\\d+)\\.(\\d) \\|", "| $1.9 |"));
            edit("part-00002.md", s -> replaceOnce(s, "| 61.5 (3.8) |", "| - |"));
            edit("part-00002.md", s -> s.replace("\nA new first sentence.\n", ""));
        }

        /**
         * A table cell naming a dataset mentions it on the dataset's page, with the row it is in: the same mention in a
         * renamed row (the page's other mentions kept as they were) shows the new row.
         */
        @Test
        void aMentionInATableRowThatIsRenamed() throws IOException {
            String table = "\n| Stage | Data |\n|---|---|\n| Pretraining | LibriSpeech |\n";
            edit("part-00002.md", s -> replaceOnce(s, "## Model Details\n", "## Model Details\n" + table));
            IncrementalBuilder.Outcome renamed = edit("part-00002.md",
                    s -> replaceOnce(s, "| Pretraining | LibriSpeech |", "| Fine-tuning | LibriSpeech |"));
            assertTrue(renamed.result().files().stream().anyMatch(f -> f.path().startsWith("datasets/")
                    && f.asText().contains("Fine-tuning")), "the dataset page lists the mention in its new row");
        }
    }

    private IncrementalBuilder.Outcome edit(String file, UnaryOperator<String> change) throws IOException {
        Path p = content.resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        assertFalse(before.equals(after), "the edit changes " + file);
        Files.writeString(p, after);
        IncrementalBuilder.Outcome o = builder.rebuild(List.of(p));
        assertFalse(o.full());
        assertSameAsFullBuild(o);
        return o;
    }

    private void assertSameAsFullBuild(IncrementalBuilder.Outcome o) {
        BuildResult fresh = new SiteBuilder().render(options);
        assertEquals(fresh.diagnostics().formatted(), o.result().diagnostics().formatted());
        assertEquals(fresh.ok(), o.result().ok());
        if (!fresh.ok()) return;
        Map<String, byte[]> expected = bytes(fresh.files());
        Map<String, byte[]> actual = bytes(o.result().files());
        assertEquals(expected.keySet(), actual.keySet());
        for (var e : expected.entrySet()) assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
        assertTrue(expected.size() > 20);
    }

    private static String replaceOnce(String s, String what, String with) {
        int at = s.indexOf(what);
        assertTrue(at >= 0, what);
        return s.substring(0, at) + with + s.substring(at + what.length());
    }

    private static Map<String, byte[]> bytes(List<OutputFile> files) {
        Map<String, byte[]> m = new TreeMap<>();
        for (OutputFile f : files) assertEquals(null, m.put(f.path(), f.bytes()), "one file per path: " + f.path());
        return m;
    }
}
