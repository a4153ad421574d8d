package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and huge content gives a `path:line` message and a documented exit code: never a stack trace, and
 * never a hang (the class-wide timeout is a hang guard, not a speed target).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokenContentTest {
    @TempDir
    Path tmp;

    private Path content(String... nameAndText) throws Exception {
        Path dir = tmp.resolve("content");
        Files.createDirectories(dir);
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        return dir;
    }

    private CliRun build(Path content, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", tmp.resolve("out").toString(),
            "--report", tmp.resolve("report.json").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in") || r.err().contains("Error:"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        return r;
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(tmp.resolve("out").resolve(path).toFile(), "UTF-8");
    }

    @Test
    void emptyFileIsAWarning() throws Exception {
        CliRun r = build(content("empty.md", "", "good.md", "# Good\n\nText.\n"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("empty.md:1: warning: empty file: no model section"), r.err());
    }

    @Test
    void fileOfOnlyFrontMatterIsOneModelNamedAfterTheFile() throws Exception {
        CliRun r = build(content("only-front.md", "---\nlicense: mit\n---\n"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("only-front.md:1: warning: card \"only-front\" has no text"), r.err());
    }

    @Test
    void invalidYamlFrontMatterIsAnErrorAtItsLine() throws Exception {
        CliRun r = build(content("a.md", "---\nlicense: mit\ntags: [a, b\n---\n# A\n\nText.\n"));
        assertEquals(1, r.exit());
        assertTrue(r.err().matches("(?s).*a\\.md:[34]: error: invalid YAML front matter.*"), r.err());
    }

    @Test
    void binaryFileIsAnErrorAtItsLine() throws Exception {
        Path dir = content("good.md", "# Good\n\nText.\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(dir.resolve("image.md"), png);
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("image.md:1: error: not valid UTF-8 text"), r.err());
        Files.write(dir.resolve("image.md"), new byte[] {'#', ' ', 'A', '\n', 'x', 0, 'y', '\n'});
        r = build(dir);
        assertTrue(r.err().contains("image.md:2: error: binary file (contains NUL bytes)"), r.err());
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithoutReadingIt() throws Exception {
        Path dir = content("good.md", "# Good\n\nText.\n");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // sparse: costs no disk and no time
        }
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("huge.md:1: error: file is larger than 16 MiB; split it into several files"), r.err());
    }

    @Test
    void tableOfTenThousandRowsBuilds() throws Exception {
        StringBuilder md = new StringBuilder("# Big\n\n| Step | Loss |\n|---|---|\n");
        for (int i = 0; i < 10_000; i++) md.append("| ").append(i).append(" | ").append(i % 97).append(".5 |\n");
        CliRun r = build(content("big.md", md.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals(10_000, page("models/big/index.html").select("table.data-table tbody tr").size());
    }

    @Test
    void rowsWithDifferentCellCountsStillBuild() throws Exception {
        CliRun r = build(content("a.md", "# A\n\n| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n| x | y | z |\n"));
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
        if (r.exit() == 1) assertTrue(r.err().matches("(?s).*a\\.md:[3-7](:\\d+)?: error: .*"), r.err());
        else assertTrue(page("models/a/index.html").text().contains("z"));
    }

    @Test
    void tenThousandNestedBlockQuotesAreAnErrorAtTheirLine() throws Exception {
        CliRun r = build(content("good.md", "# Good\n\nText.\n", "deep.md", "# Deep\n\nText.\n\n" + ">".repeat(10_000) + " hi\n"));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("deep.md:5: error: nesting too deep: 10000 levels of block quotes or lists"
                + " (at most 100)"), r.err());
    }

    @Test
    void tenThousandNestedListsAreAnErrorAtTheirLine() throws Exception {
        CliRun r = build(content("deep.md", "# Deep\n\n" + "- ".repeat(10_000) + "x\n"));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("deep.md:3: error: nesting too deep: 10000 levels"), r.err());
    }

    @Test
    void lineTooLongForTheMarkdownParserIsAnErrorAtThatLine() throws Exception {
        CliRun r = build(content("dash.md", "# Dash\n\nText.\n\n" + "-".repeat(50_000) + "\n"));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dash.md:5: error: cannot parse this file: nesting too deep or a line too long"), r.err());
    }

    @Test
    void headingOfOnlyPunctuationGetsAFallbackSlug() throws Exception {
        CliRun r = build(content("a.md", "# ?!*-+.,;:\n\nText.\n"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/models/model/index.html")), r.err());
    }

    @Test
    void fiveThousandCharacterHeadingGetsACappedSlug() throws Exception {
        String name = "Very long model name ".repeat(250);
        CliRun r = build(content("a.md", "# " + name + "\n\nText.\n"));
        assertEquals(0, r.exit(), r.err());
        try (var models = Files.list(tmp.resolve("out/models"))) {
            String slug = models.findFirst().orElseThrow().getFileName().toString();
            assertTrue(slug.length() <= 80 && slug.startsWith("very-long-model-name"), slug);
        }
    }

    @Test
    void templateReferringToAMissingVariableNamesTemplateAndLine() throws Exception {
        Path templates = tmp.resolve("templates/pages");
        Files.createDirectories(templates);
        String model = Files.readString(Path.of("templates/pages/model.html"));
        Files.writeString(templates.resolve("model.html"), model.replace("${model.name()}", "${missingVariable.name()}"));
        int line = model.substring(0, model.indexOf("${model.name()}")).split("\n", -1).length;
        CliRun r = build(content("a.md", "# A\n\nText.\n"), "--templates", tmp.resolve("templates").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("pages/model.html:" + line + ": error: template error"), r.err());
        assertTrue(r.err().contains("missingVariable"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/models")), "nothing written");
    }
}
