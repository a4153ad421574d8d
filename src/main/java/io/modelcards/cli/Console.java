package io.modelcards.cli;

import io.modelcards.build.BuildResult;
import java.io.PrintStream;

/** Prints diagnostics (sorted, one per line) and the summary line. */
final class Console {
    private Console() {}

    static void printDiagnostics(BuildResult r, PrintStream err) {
        for (String line : r.diagnostics().formatted()) err.println(line);
    }

    static String summary(BuildResult r, String verb) {
        long models = r.modelCount();
        return String.format("%s: %d models, %d pages, %d warnings, %d errors in %d ms", verb, models,
                r.pageCount(), r.diagnostics().warningCount(), r.diagnostics().errorCount(), r.millis());
    }
}
