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

    @Test
    void readInOrderOfPlaceEachOnceHoweverTheyCame() {
        Diagnostics d = new Diagnostics();
        d.warning(AT.withLine(9), "late");
        d.error(AT, "early");
        d.warning(AT.withLine(9), "late");
        d.info(SourcePosition.of("content/0.md", 1), "first file");
        assertEquals(List.of("content/0.md:1: note: first file", "content/a.md:3: error: early",
                "content/a.md:9: warning: late"), d.formatted());
        assertEquals(1, d.warningCount(), "a duplicate is one");
        List<Diagnostic> before = d.all();
        d.error(AT.withLine(2), "added after reading");
        assertEquals(3, before.size(), "what was read stays as it was");
        assertEquals(4, d.all().size());
        assertEquals("content/a.md:2: error: added after reading", d.all().get(1).format());
        Diagnostics copy = new Diagnostics();
        copy.addAll(d);
        copy.addAll(d);
        assertEquals(d.formatted(), copy.formatted());
    }
}
