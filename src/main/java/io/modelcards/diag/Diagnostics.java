package io.modelcards.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects every problem of a build; the only mutable thing passed between stages. Thread-safe. */
public final class Diagnostics {
    private final TreeSet<Diagnostic> items = new TreeSet<>();

    public synchronized void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void error(SourcePosition at, String message) {
        add(Diagnostic.error(at, message));
    }

    public void warning(SourcePosition at, String message) {
        add(Diagnostic.warning(at, message));
    }

    /** A note: information that is no problem (see {@link Severity#INFO}). */
    public void info(SourcePosition at, String message) {
        add(Diagnostic.info(at, message));
    }

    public synchronized void addAll(Diagnostics other) {
        items.addAll(other.all());
    }

    /** Sorted by file, line, column; no duplicates. */
    public synchronized List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public synchronized long warningCount() {
        return items.stream().filter(Diagnostic::isWarning).count();
    }

    public synchronized long infoCount() {
        return items.stream().filter(Diagnostic::isInfo).count();
    }

    /** Errors and warnings, without the notes. */
    public synchronized List<String> formattedProblems() {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : items) if (!d.isInfo()) lines.add(d.format());
        return lines;
    }

    public synchronized List<String> formatted() {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : items) lines.add(d.format());
        return lines;
    }
}
