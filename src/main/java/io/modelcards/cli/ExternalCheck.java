package io.modelcards.cli;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import io.modelcards.diag.SourcePosition;
import io.modelcards.links.ExternalLinkChecker;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Variant;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code check --external}: builds the site in memory (nothing is written), then checks every external link of
 * the content over HTTP and prints each broken one at every source line that has it.
 */
final class ExternalCheck {
    private ExternalCheck() {}

    static int run(BuildOptions options, ExternalLinkChecker.Options http, PrintStream err) {
        BuildResult r = new SiteBuilder().render(options);
        Console.printDiagnostics(r, err);
        if (r.site() == null) return ExitCodes.CONTENT_ERRORS;
        Map<String, TreeSet<SourcePosition>> where = new TreeMap<>();
        for (Model m : r.site().models()) {
            for (Link l : m.links()) if (l.isExternal()) where.computeIfAbsent(l.href(), k -> new TreeSet<>()).add(l.origin());
            for (Variant v : m.variants()) {
                for (Link l : v.links()) if (l.isExternal()) where.computeIfAbsent(l.href(), k -> new TreeSet<>()).add(l.origin());
            }
        }
        List<ExternalLinkChecker.Result> results = new ExternalLinkChecker(http).check(where.keySet());
        int broken = 0;
        for (ExternalLinkChecker.Result res : results) {
            if (res.ok()) continue;
            broken++;
            for (SourcePosition at : where.get(res.url())) {
                err.println(at + ": error: external link " + res.url() + " is broken: " + res.error()
                        + " (" + res.attempts() + (res.attempts() == 1 ? " attempt)" : " attempts)"));
            }
        }
        err.println("checked " + results.size() + " external links: " + broken + " broken");
        return !r.ok() || broken > 0 ? ExitCodes.CONTENT_ERRORS : ExitCodes.OK;
    }

    static ExternalLinkChecker.Options options(int concurrency, long timeoutMillis, int retries) {
        return new ExternalLinkChecker.Options(concurrency, Duration.ofMillis(timeoutMillis), retries, Duration.ofMillis(500));
    }
}
