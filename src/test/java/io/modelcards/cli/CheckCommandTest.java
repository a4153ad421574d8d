package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check: exit codes with and without --strict, the JSON report, and one-line internal errors. */
class CheckCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path contentWithAWarning() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("x.md"), "# Alpha\n\nAlpha text.\n\n# Empty\n");
        return content;
    }

    @Test
    void aWarningPassesWithoutStrict() throws Exception {
        Run r = run("check", "--content", contentWithAWarning().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("x.md:5: warning: model \"Empty\" has no content below its heading\n"), r.err());
        assertTrue(r.err().contains("checked: 2 models, "), r.err());
        assertTrue(r.err().contains(" 1 warnings, 0 errors in "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void strictFailsOnAWarning() throws Exception {
        Run r = run("check", "--strict", "--content", contentWithAWarning().toString());
        assertEquals(ExitCodes.CONTENT_ERRORS, r.code(), r.err());
        assertTrue(r.err().contains("check failed: 2 models, "), r.err());
    }

    /** Two tables: the second states changes against the first, one off by rounding only. */
    private Path contentWithANote() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("m.md"), "# M\n\nScores.\n\n| Model | VQAv2<br>acc. |\n|---|---|\n| M 9B | 50.9 |\n\n"
                + "| Model | VQAv2<br>acc. |\n|---|---|\n| M 9B Instruct | 65.8 (15.0) |\n");
        return content;
    }

    @Test
    void aNoteIsCountedOnOneLineAndStrictPasses() throws Exception {
        Run r = run("check", "--strict", "--content", contentWithANote().toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("within the rounding"), r.err());
        assertTrue(r.err().contains("note: 1 note (information, not problems; --verbose lists them"), r.err());
        assertTrue(r.err().contains(" 0 warnings, 0 errors in "), r.err());
    }

    @Test
    void verboseListsTheNotes() throws Exception {
        Run r = run("check", "--verbose", "--content", contentWithANote().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(": note: delta check: M 9B Instruct, VQAv2 acc.: 65.8 − 50.9 ("), r.err());
        assertTrue(r.err().contains(" = 14.9, but the table states 15.0 (within the rounding of the printed numbers)\n"), r.err());
        assertFalse(r.err().contains("--verbose lists them"), r.err());
    }

    @Test
    void theJsonReportHoldsTheNotesApart() throws Exception {
        Run r = run("check", "--format", "json", "--content", contentWithANote().toString());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(0, report.get("counts").get("warnings").asInt(), r.out());
        assertEquals(1, report.get("counts").get("notes").asInt(), r.out());
        assertEquals(0, report.get("warnings").size());
        assertTrue(report.get("notes").get(0).get("message").asText().contains("within the rounding"), r.out());
    }

    @Test
    void strictFailsOnTheSeedOnlyForItsRealProblems() {
        Run r = run("check", "--strict", "--content", io.modelcards.TestContent.SEED.toString());
        assertEquals(ExitCodes.CONTENT_ERRORS, r.code(), r.err());
        long warnings = r.err().lines().filter(l -> l.contains(": warning: ")).count();
        assertEquals(4, warnings, r.err()); // Winoground's delta, two corrected links, one corrected name
        assertEquals(1, r.err().lines().filter(l -> l.contains(": warning: delta check")).count(), r.err());
        assertTrue(r.err().contains("note: 38 notes"), r.err());
    }

    @Test
    void jsonFormatPrintsTheReportOnStdout() throws Exception {
        Run r = run("check", "--format", "json", "--content", contentWithAWarning().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertTrue(report.get("ok").asBoolean());
        assertEquals(2, report.get("counts").get("models").asInt());
        assertEquals(1, report.get("counts").get("warnings").asInt());
        assertEquals(0, report.get("counts").get("errors").asInt());
        assertEquals(5, report.get("warnings").get(0).get("line").asInt());
        assertFalse(r.err().contains("warning:"), "JSON mode keeps stderr free of the text report: " + r.err());
    }

    @Test
    void errorsAreSortedByFileAndLineWithoutDuplicates() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("b.md"), "# Alpha\n\nOne.\n\n# Beta\n\nTwo.\n");
        Files.writeString(content.resolve("c.md"), "# Gamma\n\nThree.\n\n# Alpha\n\nFour.\n");
        Files.writeString(content.resolve("a.md"), "# Solo\n\nFine.\n\n# Hollow\n");
        Run r = run("check", "--content", content.toString());
        assertEquals(ExitCodes.CONTENT_ERRORS, r.code());
        String a = content.resolve("a.md").toString();
        String b = content.resolve("b.md").toString();
        String c = content.resolve("c.md").toString();
        assertEquals(a + ":5: warning: model \"Hollow\" has no content below its heading\n"
                + b + ":1: error: duplicate model name \"Alpha\"; defined again at " + c + ":5\n"
                + c + ":5: error: duplicate model name \"Alpha\"; first defined at " + b + ":1\n",
                r.err().substring(0, r.err().indexOf("check failed")));
    }

    @Test
    void anInternalFailureIsOneLineWithoutATrace() throws Exception {
        Path content = contentWithAWarning();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Run r = run("build", "--content", content.toString(), "--out", dir.resolve("out").toString(),
                "--report", notAFolder.resolve("report.json").toString());
        assertEquals(ExitCodes.INTERNAL, r.code());
        String last = r.err().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("modelcards: internal error: ") && last.endsWith("(run again with --debug for the trace)"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run debug = run("build", "--debug", "--content", content.toString(), "--out", dir.resolve("out").toString(),
                "--report", notAFolder.resolve("report.json").toString());
        assertTrue(debug.err().contains("\tat "), "--debug shows the trace");
    }
}
