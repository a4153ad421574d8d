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

    @Option(names = "--title", paramLabel = "TEXT", description = "Site title (overrides title in content/site.yaml).")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Site description (overrides site.yaml).")
    String description;

    @Option(names = "--repo-url", paramLabel = "URL", description = "Source repository URL for \"edit this page\" links, e.g. https://github.com/o/r/blob/main/ (overrides site.yaml).")
    String repoUrl;

    @Option(names = "--footer", paramLabel = "TEXT", description = "Footer text (overrides site.yaml).")
    String footer;

    @Option(names = "--model-json", description = "Also write each model's machine-readable files, models/<slug>/model.json and model-index.json (as modelJson: true in site.yaml).")
    boolean modelJson;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--quiet", description = "Print only errors and warnings.")
    boolean quiet;

    @Option(names = "--verbose", description = "Also list the notes: information that is no problem, such as a stated change that differs from the computed one only within the rounding of the printed numbers.")
    boolean verbose;

    @Option(names = "--debug", description = "Print the stack trace of an internal failure.")
    boolean debug;

    /** Each note with --verbose, none with --quiet, else their count. */
    Console.Notes notes() {
        return verbose ? Console.Notes.LIST : quiet ? Console.Notes.NONE : Console.Notes.COUNT;
    }

    BuildOptions toBuildOptions(Path out, Path report) {
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        if (title != null) settings.put("title", title);
        if (description != null) settings.put("description", description);
        if (repoUrl != null) settings.put("repoUrl", repoUrl);
        if (footer != null) settings.put("footer", footer);
        if (modelJson) settings.put("modelJson", "true");
        return new BuildOptions(content, out, templates, assets, report, baseUrl, strict, settings);
    }
}
