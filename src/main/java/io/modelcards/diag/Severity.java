package io.modelcards.diag;

/**
 * How bad a diagnostic is: errors fail the build, warnings fail it only with --strict, and notes (INFO) never
 * do: they are information for whoever maintains the content (a stated change that differs from the computed
 * one only within the rounding of the printed numbers), listed in the report and by the CLI's --verbose.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The word printed before the message: error, warning, note (as compilers print notes). */
    public String label() {
        return this == INFO ? "note" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
