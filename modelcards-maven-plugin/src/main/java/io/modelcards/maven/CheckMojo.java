package io.modelcards.maven;

import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Parses, normalizes and link-checks the content without writing anything, like {@code modelcards check}. Bound
 * to the {@code verify} phase; errors (and warnings, with strict) fail the build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractModelcardsMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) return;
        requireContent();
        BuildResult r;
        try {
            r = new SiteBuilder().render(options(outputDirectory, null));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("modelcards: internal error: " + e + " (please report it)", e);
        }
        log(r);
        if (!r.ok()) throw failure(r, "check failed");
        getLog().info("modelcards: checked " + shown(contentDirectory) + ": " + counts(r));
    }
}
