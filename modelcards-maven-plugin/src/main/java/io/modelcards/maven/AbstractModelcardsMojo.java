package io.modelcards.maven;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.diag.Diagnostic;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that build, check and serve share, named like the command line's flags, and the way every goal
 * reports: each diagnostic on the Maven log as {@code [ERROR]} or {@code [WARNING]} with its {@code file:line}.
 */
abstract class AbstractModelcardsMojo extends AbstractMojo {
    /** The folder of cards and site.yaml ({@code --content}). */
    @Parameter(property = "modelcards.contentDirectory", defaultValue = "${project.basedir}/content", required = true)
    File contentDirectory;

    /** Where the site is written ({@code --out}). */
    @Parameter(property = "modelcards.outputDirectory", defaultValue = "${project.build.directory}/site", required = true)
    File outputDirectory;

    /** Templates overriding the bundled ones, file by file ({@code --templates}); none by default. */
    @Parameter(property = "modelcards.templatesDirectory")
    File templatesDirectory;

    /** Site assets (CSS, JS, images) overriding the bundled ones, file by file ({@code --assets}); none by default. */
    @Parameter(property = "modelcards.assetsDirectory")
    File assetsDirectory;

    /**
     * The site's public address, for canonical links, the sitemap and Open Graph tags only ({@code --base-url});
     * empty: the baseUrl of site.yaml.
     */
    @Parameter(property = "modelcards.baseUrl")
    String baseUrl;

    /** Warnings fail the build too ({@code --strict}). */
    @Parameter(property = "modelcards.strict", defaultValue = "false")
    boolean strict;

    /** Skip this goal. */
    @Parameter(property = "modelcards.skip", defaultValue = "false")
    boolean skip;

    /** The options of a build writing into {@code out}, with its report in {@code report} (null: none). */
    BuildOptions options(File out, File report) {
        return new BuildOptions(contentDirectory.toPath(), out.toPath(), path(templatesDirectory), path(assetsDirectory),
                report == null ? null : report.toPath(), baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip(),
                strict);
    }

    /** True, after saying so, when this goal is skipped. */
    boolean skipped() {
        if (skip) getLog().info("modelcards: skipped (skip is true)");
        return skip;
    }

    /** A content folder that is not there is a mistake in the pom, not in the content. */
    void requireContent() throws MojoExecutionException {
        if (!contentDirectory.isDirectory()) {
            throw new MojoExecutionException("modelcards: the content folder " + shown(contentDirectory) + " does not exist;"
                    + " set contentDirectory, or create it (modelcards init writes a new catalogue)");
        }
    }

    /** Every diagnostic, sorted by file and line, at its level. */
    void log(BuildResult r) {
        for (Diagnostic d : r.diagnostics().all()) {
            String line = d.at() + ": " + d.message() + (d.hint().isEmpty() ? "" : "\n    hint: " + d.hint());
            if (d.isError()) getLog().error(line);
            else getLog().warn(line);
        }
    }

    /** {@code 1 models, 12 pages, 0 warnings, 0 errors in 812 ms}. */
    static String counts(BuildResult r) {
        return String.format("%d models, %d pages, %d warnings, %d errors in %d ms", r.modelCount(), r.pageCount(),
                r.diagnostics().warningCount(), r.diagnostics().errorCount(), r.millis());
    }

    /** The failure of a goal whose content has errors (or warnings, when strict). */
    MojoFailureException failure(BuildResult r, String what) {
        long errors = r.diagnostics().errorCount();
        long warnings = r.diagnostics().warningCount();
        String why = errors > 0 ? errors + (errors == 1 ? " error" : " errors")
                : warnings + (warnings == 1 ? " warning" : " warnings") + " (strict is true)";
        return new MojoFailureException("modelcards: " + why + " in " + shown(contentDirectory) + "; " + what
                + " (each is listed above with its file and line)");
    }

    /** A folder as messages name it: relative to the working folder when inside it, as the diagnostics' paths are. */
    static String shown(File f) {
        java.nio.file.Path abs = f.toPath().toAbsolutePath().normalize();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static java.nio.file.Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
