package io.modelcards.build;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Site;
import io.modelcards.render.OutputFile;
import java.util.List;

/**
 * What a build produced: the site model, its diagnostics, whether it was written, and its files when they were
 * kept in memory ({@code render}); a written build streams its files to disk and keeps only their count.
 */
public record BuildResult(Site site, List<OutputFile> files, Diagnostics diagnostics, boolean ok, int written,
                          int unchanged, long millis, long pageCount, long modelCount) {
    public BuildResult {
        files = List.copyOf(files);
    }

    /** A result whose files are all in memory (check, serve, tests); pages are counted from them. */
    public BuildResult(Site site, List<OutputFile> files, Diagnostics diagnostics, boolean ok, int written,
                       int unchanged, long millis) {
        this(site, files, diagnostics, ok, written, unchanged, millis, pages(files), site == null ? 0 : site.models().size());
    }

    /** How many of these files are pages (.html). */
    static long pages(List<OutputFile> files) {
        long n = 0;
        for (OutputFile f : files) if (f.isPage()) n++;
        return n;
    }
}
