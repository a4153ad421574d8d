package io.modelcards.cli;

import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: every build check without writing; {@code --external} also checks external links over HTTP. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the content and every internal link of the site without writing it.",
        footer = {"", "Exit codes: 0 no errors; 1 content errors or broken links; 2 usage error; 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

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
        var options = common.toBuildOptions(java.nio.file.Path.of("target/site"), null);
        if (external) return ExternalCheck.run(options, ExternalCheck.options(concurrency, timeout, retries), System.err);
        BuildResult r = new SiteBuilder().render(options);
        Console.printDiagnostics(r, System.err);
        System.err.println(Console.summary(r, r.ok() ? "checked" : "check failed"));
        return r.ok() ? ExitCodes.OK : ExitCodes.CONTENT_ERRORS;
    }
}
