package io.modelcards.diag;

import java.util.Objects;

/** One problem found in the content, printed as {@code path:line:col: error: message}. */
public record Diagnostic(Severity severity, SourcePosition at, String message, String hint) implements Comparable<Diagnostic> {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(SourcePosition at, String message) {
        return new Diagnostic(Severity.ERROR, at, message, "");
    }

    public static Diagnostic warning(SourcePosition at, String message) {
        return new Diagnostic(Severity.WARNING, at, message, "");
    }

    /** Information that is no problem: never fails a build, not even with --strict. */
    public static Diagnostic info(SourcePosition at, String message) {
        return new Diagnostic(Severity.INFO, at, message, "");
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, at, message, newHint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isInfo() {
        return severity == Severity.INFO;
    }

    /** The one-line form; the hint, if any, follows on its own indented line. */
    public String format() {
        String line = at + ": " + severity.label() + ": " + message;
        return hint.isEmpty() ? line : line + "\n    hint: " + hint;
    }

    @Override
    public int compareTo(Diagnostic other) {
        // by place, then severity, then message; written out, since serve sorts every warning again after each edit
        int c = at.compareTo(other.at);
        if (c != 0) return c;
        c = severity.compareTo(other.severity);
        return c != 0 ? c : message.compareTo(other.message);
    }
}
