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
                     Iterable<Fix> fixes, Iterable<ExternalLink> externalLinks) {
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
        List<Model> all = r.site() == null ? List.of() : r.site().models();
        int tables = 0;
        int links = 0;
        for (Model m : all) {
            tables += m.tableCount();
            links += m.links().size();
        }
        // the fixes and external links are read from the models as the report is written (a list of them held 3.4 million
        // external links, about 440 MB, at 100,000 synthetic cards: the build ran out of a 512 MB heap there)
        Iterable<Fix> fixes = new io.modelcards.render.JsonPieces<>(all, m -> fixes(m.links()));
        Iterable<ExternalLink> external = new io.modelcards.render.JsonPieces<>(all, m -> external(m.links()));
        int models = (int) r.modelCount();
        return new Report(r.ok(), new Counts(models, r.pageCount(), tables, links, errors.size(), warnings.size(),
                notes.size()), errors, warnings, notes, fixes, external);
    }

    /** A model's fixed links, as the report lists them. */
    static List<Fix> fixes(List<Link> links) {
        List<Fix> out = new ArrayList<>(0);
        for (Link l : links) {
            if (l.isFixed()) out.add(new Fix(l.origin().path(), l.origin().line(), l.text(), l.originalHref(), l.href(), l.note()));
        }
        return out;
    }

    /** A model's external links, as the report lists them. */
    static List<ExternalLink> external(List<Link> links) {
        List<ExternalLink> out = new ArrayList<>();
        for (Link l : links) if (l.isExternal()) out.add(new ExternalLink(l.origin().path(), l.origin().line(), l.href()));
        return out;
    }
}
