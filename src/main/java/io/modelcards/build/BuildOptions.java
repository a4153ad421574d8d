package io.modelcards.build;

import java.nio.file.Path;
import java.util.Objects;

/** What to build: folders, overrides and switches, as given on the command line. */
public record BuildOptions(Path contentDir, Path outputDir, Path templatesDir, Path assetsDir, Path reportFile,
                           String baseUrl, boolean strict) {
    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(outputDir, "outputDir");
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("target/site"), null, null,
                Path.of("target/site-report.json"), null, false);
    }

    public BuildOptions withContent(Path dir) {
        return new BuildOptions(dir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict);
    }

    public BuildOptions withOutput(Path dir) {
        return new BuildOptions(contentDir, dir, templatesDir, assetsDir, reportFile, baseUrl, strict);
    }

    public BuildOptions withReport(Path file) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, file, baseUrl, strict);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, value);
    }
}
