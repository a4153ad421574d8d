package io.modelcards.build;

import io.modelcards.diag.Diagnostic;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The build report (target/site-report.json): every diagnostic and fix-up, with counts. {@code notes} are the
 * diagnostics of severity INFO: information, never a failure, not even with --strict.
 */
public record Report(boolean ok, Counts counts, List<Entry> errors, List<Entry> warnings, List<Entry> notes,
                     List<Fix> fixes, List<ExternalLink> externalLinks) {
    public record Counts(int models, long pages, int tables, int links, long errors, long warnings, long notes) {}

    public record Entry(String file, int line, int column, String message, String hint) {}

    public record Fix(String file, int line, String text, String from, String to, String why) {}

    public record ExternalLink(String file, int line, String href) {}

    public static Report of(BuildResult r) {
        List<Entry> errors = new ArrayList<>();
        List<Entry> warnings = new ArrayList<>();
        List<Entry> notes = new ArrayList<>();
        for (Diagnostic d : r.diagnostics().all()) {
            Entry e = new Entry(d.at().path(), d.at().line(), d.at().column(), d.message(), d.hint());
            (d.isError() ? errors : d.isInfo() ? notes : warnings).add(e);
        }
        List<Fix> fixes = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        int tables = 0;
        int links = 0;
        if (r.site() != null) {
            for (Model m : r.site().models()) {
                tables += m.tableCount();
                links += m.links().size();
                for (Link l : m.links()) {
                    if (l.isFixed()) fixes.add(new Fix(l.origin().path(), l.origin().line(), l.text(), l.originalHref(), l.href(), l.note()));
                    if (l.isExternal()) external.add(new ExternalLink(l.origin().path(), l.origin().line(), l.href()));
                }
            }
        }
        int models = (int) r.modelCount();
        return new Report(r.ok(), new Counts(models, r.pageCount(), tables, links, errors.size(), warnings.size(),
                notes.size()), errors, warnings, notes, fixes, external);
    }
}
