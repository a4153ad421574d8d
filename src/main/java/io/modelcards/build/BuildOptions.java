package io.modelcards.build;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build: folders, overrides and switches, as given on the command line. {@code cacheDir} holds the
 * build's own state (never published); null means {@code .modelcards-cache} beside the output folder.
 */
public record BuildOptions(Path contentDir, Path outputDir, Path templatesDir, Path assetsDir, Path reportFile,
                           String baseUrl, boolean strict, java.util.Map<String, String> settings, Path cacheDir) {
    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(outputDir, "outputDir");
        settings = settings == null ? java.util.Map.of() : java.util.Map.copyOf(settings);
    }

    public BuildOptions(Path contentDir, Path outputDir, Path templatesDir, Path assetsDir, Path reportFile,
                        String baseUrl, boolean strict, java.util.Map<String, String> settings) {
        this(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict, settings, null);
    }

    /** Where the build keeps its state: --cache-dir, else {@code .modelcards-cache} next to --out. */
    public Path cacheFolder() {
        if (cacheDir != null) return cacheDir;
        Path out = outputDir.toAbsolutePath().normalize();
        Path parent = out.getParent();
        return (parent == null ? out : parent).resolve(".modelcards-cache");
    }

    public BuildOptions withCacheDir(Path dir) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict, settings, dir);
    }

    public BuildOptions(Path contentDir, Path outputDir, Path templatesDir, Path assetsDir, Path reportFile,
                        String baseUrl, boolean strict) {
        this(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict, java.util.Map.of());
    }

    /** Site settings given on the command line (--title, --description, --repo-url, --footer) win over site.yaml. */
    public BuildOptions withSettings(java.util.Map<String, String> values) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict, values, cacheDir);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("target/site"), null, null,
                Path.of("target/site-report.json"), null, false);
    }

    public BuildOptions withContent(Path dir) {
        return new BuildOptions(dir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, strict, settings, cacheDir);
    }

    public BuildOptions withOutput(Path dir) {
        return new BuildOptions(contentDir, dir, templatesDir, assetsDir, reportFile, baseUrl, strict, settings, cacheDir);
    }

    public BuildOptions withReport(Path file) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, file, baseUrl, strict, settings, cacheDir);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(contentDir, outputDir, templatesDir, assetsDir, reportFile, baseUrl, value, settings, cacheDir);
    }
}
