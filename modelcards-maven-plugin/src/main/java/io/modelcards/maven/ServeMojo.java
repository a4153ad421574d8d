package io.modelcards.maven;

import io.modelcards.cli.Main;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves the site on this computer, rebuilds what a change touches and reloads the open pages, like
 * {@code modelcards serve}; Ctrl-C stops it. The output folder is not written: the site is served from memory.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractModelcardsMojo {
    /** Port to listen on; 0 picks a free one ({@code --port}). */
    @Parameter(property = "modelcards.port", defaultValue = "8000")
    int port;

    /** Address to listen on ({@code --bind}); the default is this computer only. */
    @Parameter(property = "modelcards.bind", defaultValue = "127.0.0.1")
    String bind;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) return;
        requireContent();
        int code = Main.run(arguments().toArray(String[]::new));
        if (code != 0) throw new MojoFailureException("modelcards serve stopped with exit code " + code + " (see above)");
    }

    /** The command line of {@code modelcards serve} with these parameters. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("serve", "--content", contentDirectory.getPath(),
                "--port", Integer.toString(port), "--bind", bind));
        if (templatesDirectory != null) args.addAll(List.of("--templates", templatesDirectory.getPath()));
        if (assetsDirectory != null) args.addAll(List.of("--assets", assetsDirectory.getPath()));
        if (baseUrl != null && !baseUrl.isBlank()) args.addAll(List.of("--base-url", baseUrl.strip()));
        if (strict) args.add("--strict");
        return args;
    }
}
