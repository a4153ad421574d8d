package io.modelcards.build;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Site;
import io.modelcards.render.OutputFile;
import java.util.List;

/** What a build produced: the site model, its files, its diagnostics, and whether it was written. */
public record BuildResult(Site site, List<OutputFile> files, Diagnostics diagnostics, boolean ok, int written,
                          int unchanged, long millis) {
    public BuildResult {
        files = List.copyOf(files);
    }

    public long pageCount() {
        return files.stream().filter(f -> f.path().endsWith(".html")).count();
    }
}
