package io.modelcards.cli;

import io.modelcards.build.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags shared by build, check and serve. */
final class CommonOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Folder of templates overriding the bundled ones, file by file.")
    Path templates;

    @Option(names = "--assets", paramLabel = "DIR", description = "Folder of site assets overriding the bundled ones, file by file.")
    Path assets;

    @Option(names = "--base-url", paramLabel = "URL", description = "Public URL of the site; used only for canonical links, sitemap and Open Graph.")
    String baseUrl;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--quiet", description = "Print only errors and warnings.")
    boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of an internal failure.")
    boolean debug;

    BuildOptions toBuildOptions(Path out, Path report) {
        return new BuildOptions(content, out, templates, assets, report, baseUrl, strict);
    }
}
