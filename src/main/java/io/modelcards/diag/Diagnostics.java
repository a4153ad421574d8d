package io.modelcards.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a build; the only mutable thing passed between stages. Thread-safe. Kept as a list
 * that is sorted (and rid of duplicates) when read: diagnostics mostly arrive in order, file by file, and serve
 * gathers a catalogue's again on every edit (10,000 notes at 10,000 cards), which a sorted set paid for with a
 * search per diagnostic.
 */
public final class Diagnostics {
    private final ArrayList<Diagnostic> items = new ArrayList<>();
    /** Whether {@code items} is sorted without duplicates (as compareTo tells them apart). */
    private boolean settled = true;
    /** What {@link #all()} last returned, while nothing was added. */
    private List<Diagnostic> view;

    public synchronized void add(Diagnostic diagnostic) {
        append(diagnostic);
        view = null;
    }

    /** Adds one at the end, noting whether the list is still in order; the caller holds the lock. */
    private void append(Diagnostic diagnostic) {
        java.util.Objects.requireNonNull(diagnostic, "diagnostic");
        if (settled && !items.isEmpty() && items.get(items.size() - 1).compareTo(diagnostic) >= 0) settled = false;
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

    /** Adds each of {@code list}, in its order (room is made once: serve adds a catalogue's on every edit). */
    public synchronized void addAll(List<Diagnostic> list) {
        if (list.isEmpty()) return;
        items.ensureCapacity(items.size() + list.size());
        for (Diagnostic d : list) append(d);
        view = null;
    }

    /** Adds all of {@code other}'s (read before this one is locked, so two never wait on each other). */
    public void addAll(Diagnostics other) {
        addAll(other.all());
    }

    /** Sorted by file, line, column; no duplicates. */
    public synchronized List<Diagnostic> all() {
        if (view == null) view = List.copyOf(settle());
        return view;
    }

    public synchronized boolean hasErrors() {
        for (Diagnostic d : settle()) if (d.isError()) return true;
        return false;
    }

    public synchronized long errorCount() {
        return settle().stream().filter(Diagnostic::isError).count();
    }

    public synchronized long warningCount() {
        return settle().stream().filter(Diagnostic::isWarning).count();
    }

    public synchronized long infoCount() {
        return settle().stream().filter(Diagnostic::isInfo).count();
    }

    /** Errors and warnings, without the notes. */
    public synchronized List<String> formattedProblems() {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : settle()) if (!d.isInfo()) lines.add(d.format());
        return lines;
    }

    public synchronized List<String> formatted() {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : settle()) lines.add(d.format());
        return lines;
    }

    /** The items sorted, each once: a sort that is nearly free on what came in order, then equal neighbours dropped. */
    private List<Diagnostic> settle() {
        if (!settled) {
            items.sort(null);
            int kept = 0;
            for (int i = 0; i < items.size(); i++) {
                if (kept == 0 || items.get(kept - 1).compareTo(items.get(i)) != 0) items.set(kept++, items.get(i));
            }
            items.subList(kept, items.size()).clear();
            settled = true;
        }
        return items;
    }
}
