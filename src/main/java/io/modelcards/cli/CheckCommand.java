package io.modelcards.cli;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.Report;
import io.modelcards.build.SiteBuilder;
import io.modelcards.render.ModelsJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse, normalize and link-check the content without writing a site.",
        footer = {"", "Exit codes: 0 no errors; 1 content errors (or warnings, with --strict); 2 usage error; 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (diagnostics and a summary on stderr) or json (the report on stdout, for CI tools). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--external", description = "Also check external links over HTTP (opt-in; the build never does).")
    boolean external;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "External requests at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000", description = "Timeout per external request in ms (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2", description = "Retries after a timeout, 429 or 5xx (default: ${DEFAULT-VALUE}).")
    int retries;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        // nothing is written: the output folder is only a required part of the options
        BuildOptions options = common.toBuildOptions(Path.of("target/site"), null);
        if (external) return ExternalCheck.run(options, ExternalCheck.options(concurrency, timeout, retries), err);
        BuildResult r = new SiteBuilder(TerminalProgress.forConsole(common.quiet || format == Format.json)).render(options);
        if (format == Format.json) {
            System.out.print(ModelsJson.write(Report.of(r)));
            System.out.flush();
        } else {
            Console.printDiagnostics(r, err, common.notes());
            if (!r.ok() || !common.quiet) err.println(Console.summary(r, r.ok() ? "checked" : "check failed"));
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.CONTENT_ERRORS;
    }
}
