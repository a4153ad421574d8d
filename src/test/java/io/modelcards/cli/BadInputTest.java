package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad content gives `path:line: error: ...`, every problem at once, a documented exit code, no trace. */
class BadInputTest {
    @TempDir
    Path tmp;

    private CliRun build(Path content) {
        return CliRun.of("build", "--content", content.toString(), "--out", tmp.resolve("out").toString(),
                "--report", tmp.resolve("report.json").toString());
    }

    private Path content(String... nameAndText) throws Exception {
        Path dir = tmp.resolve("content");
        Files.createDirectories(dir);
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        return dir;
    }

    private static void noTrace(CliRun r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingContentFolderIsAnError() {
        CliRun r = build(tmp.resolve("nope"));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nope: error: content folder not found"), r.err());
        noTrace(r);
    }

    @Test
    void emptyContentFolderIsAnError() throws Exception {
        CliRun r = build(content());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error: no Markdown files (.md) in the content folder"), r.err());
    }

    @Test
    void nonUtf8FileIsAnErrorNamingFileAndLine() throws Exception {
        Path dir = content("good.md", "# Good\n\nText.\n");
        Files.write(dir.resolve("latin1.md"), "# Caf\u00e9\n\nline two\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("latin1.md:1: error: not valid UTF-8 text"), r.err());
        noTrace(r);
    }

    @Test
    void duplicateModelNamesNameBothLocations() throws Exception {
        Path dir = content("a.md", "# Whisper\n\nOne.\n", "b.md", "\n\n# Whisper\n\nTwo.\n");
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("a.md:1: error: duplicate model name \"Whisper\"; defined again at "), r.err());
        assertTrue(r.err().contains("b.md:3: error: duplicate model name \"Whisper\"; first defined at "), r.err());
    }

    @Test
    void allProblemsAreReportedAtOnceAndSorted() throws Exception {
        Path dir = content("a.md", "---\nlicense: [x\n---\n# A\n\nText.\n", "b.md", "# B\n\nB.\n\n# C\n\nAgain.\n",
                "c.md", "# C\n\nOnce more.\n");
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[0].matches(".*a\\.md:2: error: invalid YAML front matter.*"), r.err());
        assertTrue(lines[1].contains("b.md:5: error: duplicate"), r.err());
        assertTrue(lines[2].contains("c.md:1: error: duplicate"), r.err());
    }

    @Test
    void emptySectionIsAWarningAndTheModelStillGetsAPage() throws Exception {
        Path dir = content("a.md", "# Lonely\n\n# Other\n\nText.\n");
        CliRun r = build(dir);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("a.md:1: warning: model \"Lonely\" has no content below its heading"), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/models/lonely/index.html")));
    }

    @Test
    void strictTurnsWarningsIntoFailure() throws Exception {
        Path dir = content("a.md", "# Lonely\n\n# Other\n\nText.\n");
        CliRun r = CliRun.of("build", "--strict", "--content", dir.toString(), "--out", tmp.resolve("out").toString(),
                "--report", tmp.resolve("report.json").toString());
        assertEquals(1, r.exit());
    }

    @Test
    void failedBuildLeavesThePreviousSiteAsItWas() throws Exception {
        Path dir = content("a.md", "# Good\n\nFirst version.\n");
        assertEquals(0, build(dir).exit());
        Path page = tmp.resolve("out/models/good/index.html");
        byte[] before = Files.readAllBytes(page);
        Files.writeString(dir.resolve("a.md"), "# Good\n\nSecond version.\n");
        Files.write(dir.resolve("bad.md"), new byte[] {'#', ' ', (byte) 0xff, '\n'});
        CliRun r = build(dir);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(page)));
        assertTrue(Files.isRegularFile(tmp.resolve("report.json")), "the report is written when the build fails");
    }

    @Test
    void outputFolderWithOtherFilesIsRefusedAndUntouched() throws Exception {
        Path dir = content("a.md", "# Good\n\nText.\n");
        Path out = tmp.resolve("home");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.txt"), "precious");
        CliRun r = CliRun.of("build", "--content", dir.toString(), "--out", out.toString(), "--report",
                tmp.resolve("r.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is not empty and was not written by modelcards"), r.err());
        assertEquals("precious", Files.readString(out.resolve("thesis.txt")));
        assertEquals(1, Files.list(out).count());
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRun r = CliRun.of("build", "--no-such-flag");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRun r = CliRun.of("build", "--help");
        assertEquals(0, r.exit());
        for (String opt : new String[] {"--content", "--out", "--templates", "--assets", "--report", "--base-url", "--strict"}) {
            assertTrue(r.out().contains(opt), opt + " in " + r.out());
        }
    }
}
