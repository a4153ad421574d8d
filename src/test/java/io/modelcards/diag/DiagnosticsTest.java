package io.modelcards.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes (INFO) are counted apart from warnings and errors, and printed as "note". */
class DiagnosticsTest {
    private static final SourcePosition AT = SourcePosition.of("content/a.md", 3);

    @Test
    void notesAreNeitherWarningsNorErrors() {
        Diagnostics d = new Diagnostics();
        d.info(AT, "65.3 − 53.7 = 11.6, but the table states 11.7");
        d.warning(AT.withLine(4), "a real mismatch");
        assertEquals(1, d.infoCount());
        assertEquals(1, d.warningCount());
        assertEquals(0, d.errorCount());
        assertFalse(d.hasErrors());
    }

    @Test
    void aNoteIsPrintedAsNoteAndLeftOutOfTheProblems() {
        Diagnostics d = new Diagnostics();
        d.info(AT, "within rounding");
        d.error(AT.withLine(9), "broken");
        assertEquals(List.of("content/a.md:3: note: within rounding", "content/a.md:9: error: broken"), d.formatted());
        assertEquals(List.of("content/a.md:9: error: broken"), d.formattedProblems());
        assertEquals("note", Severity.INFO.label());
    }
}
