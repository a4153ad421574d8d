package io.modelcards.cli;

import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import io.modelcards.publish.OutputFolderException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site from the content folder into the output folder.",
        footer = {"", "Exit codes: 0 built; 1 content errors (nothing written); 2 usage error or unusable --out; 3 internal error."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "target/site")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "JSON report of errors, warnings and fix-ups (default: ${DEFAULT-VALUE}).", defaultValue = "target/site-report.json")
    Path report;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where the build keeps its state for up-to-date checks, never published (default: .modelcards-cache next to --out).")
    Path cacheDir;

    @Option(names = "--timings", description = "Print how long each stage took (read, parse, link, render, write).")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = System.err;
        BuildResult r;
        try {
            var progress = TerminalProgress.forConsole(common.quiet);
            r = new SiteBuilder(timings ? new StageTimings(progress, err) : progress).build(common.toBuildOptions(out, report).withCacheDir(cacheDir));
        } catch (OutputFolderException e) {
            err.println("modelcards: error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Console.printDiagnostics(r, err, common.notes());
        if (!r.ok()) {
            err.println(Console.summary(r, "build failed") + "; nothing was written to " + out);
            return ExitCodes.CONTENT_ERRORS;
        }
        if (!common.quiet) {
            err.println(Console.summary(r, "built " + out) + " (" + r.written() + " files written, "
                    + r.unchanged() + " unchanged)");
        }
        return ExitCodes.OK;
    }
}
