package io.modelcards.cli;

import io.modelcards.build.BuildResult;
import java.io.PrintStream;

/** Prints diagnostics (sorted, one per line) and the summary line. */
final class Console {
    private Console() {}

    /** What to print of the notes (diagnostics of severity INFO): each one, their count, or nothing. */
    enum Notes { LIST, COUNT, NONE }

    /** Errors and warnings, and the notes' count on one line. */
    static void printDiagnostics(BuildResult r, PrintStream err) {
        printDiagnostics(r, err, Notes.COUNT);
    }

    static void printDiagnostics(BuildResult r, PrintStream err, Notes notes) {
        var d = r.diagnostics();
        for (String line : notes == Notes.LIST ? d.formatted() : d.formattedProblems()) err.println(line);
        long count = d.infoCount();
        if (notes == Notes.COUNT && count > 0) {
            // notes are information, not problems (--strict ignores them): one line, not one per note
            err.println("note: " + count + (count == 1 ? " note" : " notes")
                    + " (information, not problems; --verbose lists them, the report holds them)");
        }
    }

    static String summary(BuildResult r, String verb) {
        long models = r.modelCount();
        return String.format("%s: %d models, %d pages, %d warnings, %d errors in %d ms", verb, models,
                r.pageCount(), r.diagnostics().warningCount(), r.diagnostics().errorCount(), r.millis());
    }
}
