package io.modelcards.maven;

import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import io.modelcards.publish.OutputFolderException;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the site from the content folder into the output folder, like {@code modelcards build}. Bound to the
 * {@code site} phase: {@code mvn site} builds the catalogue. Errors (and warnings, with strict) fail the build, and
 * then nothing is written.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class BuildMojo extends AbstractModelcardsMojo {
    /** The JSON report of errors, warnings and link fix-ups ({@code --report}); written even when the build fails. */
    @Parameter(property = "modelcards.reportFile", defaultValue = "${project.build.directory}/site-report.json")
    File reportFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) return;
        requireContent();
        BuildResult r;
        try {
            r = new SiteBuilder().build(options(outputDirectory, reportFile));
        } catch (OutputFolderException e) {
            throw new MojoExecutionException("modelcards: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("modelcards: internal error: " + e + " (please report it)", e);
        }
        log(r);
        if (!r.ok()) throw failure(r, "nothing was written to " + shown(outputDirectory));
        getLog().info("modelcards: built " + shown(outputDirectory) + ": " + counts(r) + " (" + r.written()
                + " files written, " + r.unchanged() + " unchanged)");
    }
}
