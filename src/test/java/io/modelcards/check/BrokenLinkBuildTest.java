package io.modelcards.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content link that resolves nowhere fails the build with its file:line; a same-file heading link resolves. */
class BrokenLinkBuildTest {
    @TempDir
    Path tmp;

    private String build(String markdown, int expectedCode) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("cards.md"), markdown);
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("build", "--content", content.toString(), "--out", tmp.resolve("out").toString(),
                    "--report", tmp.resolve("report.json").toString());
        } finally {
            System.setErr(old);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, printed);
        return printed;
    }

    @Test
    void anAnchorFoundNowhereOnItsPageIsAWarningWithItsLine() throws IOException {
        String printed = build("# Alpha\n\nSome text.\n\nSee [the missing part](#nowhere).\n", 0);
        assertTrue(printed.contains("cards.md:5: warning: broken anchor #nowhere on models/alpha/index.html"), printed);
        assertTrue(Files.exists(tmp.resolve("out/index.html")), "the page is whole: the site is written");
    }

    @Test
    void anAnchorOnAnotherPageThatIsNotThereFailsWithItsLine() throws IOException {
        String printed = build("# Alpha\n\nSee [beta's part](../beta/index.html#nowhere).\n\n# Beta\n\nText.\n", 1);
        assertTrue(printed.contains("cards.md:3: error: broken link ../beta/index.html#nowhere on models/alpha/index.html"),
                printed);
        assertFalse(Files.exists(tmp.resolve("out/index.html")), "nothing is written");
    }

    @Test
    void linkToAPageThatDoesNotExistFailsWithItsLine() throws IOException {
        String printed = build("# Alpha\n\nText.\n\n- one\n- see [beta](../beta/index.html)\n", 1);
        assertTrue(printed.contains("cards.md:6: error: broken link ../beta/index.html on models/alpha/index.html: "
                + "no file models/beta/index.html in the site"), printed);
    }

    @Test
    void headingLinkToAnotherModelOfTheSameFileGoesToItsPage() throws IOException {
        build("# Alpha\n\nCompare with [Beta](#beta) and [its results](#results).\n\n# Beta\n\nText.\n\n## Results\n\nMore.\n", 0);
        String alpha = Files.readString(tmp.resolve("out/models/alpha/index.html"));
        assertTrue(alpha.contains("href=\"../beta/index.html\""), alpha);
        assertTrue(alpha.contains("href=\"../beta/index.html#results\""), alpha);
    }

    @Test
    void brokenLinkInATableHeaderNamesTheCardNotATemplate() throws IOException {
        String printed = build("# Alpha\n\nText.\n\n| Model | Boost<a href='#benchmarks'> |\n|---|---|\n| a | 1 |\n", 0);
        assertTrue(printed.contains("cards.md:5: warning: broken anchor #benchmarks on models/alpha/index.html"), printed);
        assertFalse(printed.contains("templates/"), printed);
    }
}
