package io.modelcards.diag;

/** How bad a diagnostic is; errors fail the build, warnings fail it only with --strict. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
