package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages are {@code path:line:column: severity: text}, hints on their own line, sorted, no duplicates. */
class DiagnosticFormatTest {
    @Test
    void aDuplicateModelNameNamesBothPlaces() {
        Diagnostics d = new Diagnostics();
        new ModelCardParser().parse(List.of(SourceFile.of("content/x.md", "# A\n\nOne.\n"),
                SourceFile.of("content/y.md", "# B\n\nTwo.\n\n# A\n\nThree.\n")), d);
        assertEquals(List.of(
                "content/x.md:1: error: duplicate model name \"A\"; defined again at content/y.md:5",
                "content/y.md:5: error: duplicate model name \"A\"; first defined at content/x.md:1"), d.formatted());
    }

    @Test
    void invalidUtf8NamesTheLineOfTheFirstBadByte() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = "# A\n\nok \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        ContentScanner.decode(bytes, "content/x.md", d);
        assertEquals(List.of("content/x.md:3: error: not valid UTF-8 text; save the file as UTF-8"), d.formatted());
    }

    @Test
    void columnAndHintAreShownWhenKnown() {
        Diagnostic d = Diagnostic.error(new SourcePosition("content/x.md", 41, 5), "expected a percentage, got \"n/a\"")
                .withHint("write 45.2% or leave the cell empty");
        assertEquals("content/x.md:41:5: error: expected a percentage, got \"n/a\"\n"
                + "    hint: write 45.2% or leave the cell empty", d.format());
    }

    @Test
    void sortedByFileThenLineWithoutDuplicates() {
        Diagnostics d = new Diagnostics();
        d.warning(SourcePosition.of("content/b.md", 2), "second");
        d.error(SourcePosition.of("content/a.md", 9), "first");
        d.warning(SourcePosition.of("content/b.md", 2), "second");
        d.error(SourcePosition.of("content/b.md", 1), "between");
        assertEquals(List.of("content/a.md:9: error: first", "content/b.md:1: error: between",
                "content/b.md:2: warning: second"), d.formatted());
    }
}
