package io.modelcards.cli;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.build.BuildResult;
import io.modelcards.build.IncrementalBuilder;
import io.modelcards.preview.FolderWatcher;
import io.modelcards.preview.PreviewServer;
import io.modelcards.publish.OutputFolderException;
import io.modelcards.publish.SiteWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One run of {@code serve}: binds the server, builds, serves the last good site, and rebuilds when the
 * watched folders change. With an output folder, each good build is also written there.
 */
public final class ServeSession implements AutoCloseable {
    static final Duration DEBOUNCE = Duration.ofMillis(100);

    private final BuildOptions options;
    private final Path out;
    private final PrintStream log;
    private final boolean quiet;
    private final PreviewServer server;
    private final IncrementalBuilder builder;
    private final SiteWriter writer = new SiteWriter();
    private FolderWatcher watcher;

    private ServeSession(BuildOptions options, Path out, PrintStream log, boolean quiet, BuildProgress progress,
                         PreviewServer server) {
        this.options = options;
        this.out = out == null ? null : out.toAbsolutePath().normalize();
        this.log = log;
        this.quiet = quiet;
        this.server = server;
        this.builder = new IncrementalBuilder(options, progress);
    }

    /**
     * Binds first (a {@link java.net.BindException} when the port is taken), then builds and starts watching.
     *
     * @param out where to also write each good build, or null to serve from memory only
     */
    public static ServeSession start(BuildOptions options, InetSocketAddress address, Path out, PrintStream log,
                              boolean quiet, BuildProgress progress) throws IOException, OutputFolderException {
        if (out != null) new SiteWriter().checkUsable(out);
        PreviewServer server = PreviewServer.start(address);
        ServeSession s = new ServeSession(options, out, log, quiet, progress, server);
        try {
            s.apply(s.builder.full());
            s.watcher = FolderWatcher.start(s.watchedFolders(), DEBOUNCE, s::changed);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return server.port();
    }

    public List<Path> watchedFolders() {
        List<Path> folders = new ArrayList<>();
        folders.add(options.contentDir());
        if (options.templatesDir() != null) folders.add(options.templatesDir());
        if (options.assetsDir() != null) folders.add(options.assetsDir());
        folders.removeIf(f -> !Files.isDirectory(f));
        return folders;
    }

    private void changed(Set<Path> paths) {
        Collection<Path> relevant = new ArrayList<>();
        for (Path p : paths) if (out == null || !p.toAbsolutePath().normalize().startsWith(out)) relevant.add(p);
        if (relevant.isEmpty()) return;
        try {
            apply(builder.rebuild(relevant));
        } catch (RuntimeException e) {
            // keep serving the last good site; the next save tries again
            log.println("modelcards: internal error while rebuilding: " + e + " — please report it");
        }
    }

    private synchronized void apply(IncrementalBuilder.Outcome outcome) {
        BuildResult r = outcome.result();
        String what = outcome.full() ? "built" : "rebuilt (" + outcome.modelsRendered()
                + (outcome.modelsRendered() == 1 ? " model" : " models") + " rendered again)";
        if (!r.ok()) {
            Console.printDiagnostics(r, log);
            server.fail(r.diagnostics().all());
            log.println(Console.summary(r, outcome.full() ? "build failed" : "rebuild failed")
                    + "; still serving the last good site");
            return;
        }
        String written = "";
        if (out != null) {
            try {
                SiteWriter.Result w = writer.write(r.files(), out);
                written = " (" + w.written() + " files written to " + out + ")";
            } catch (OutputFolderException e) {
                log.println("modelcards: error: " + e.getMessage());
            }
        }
        // written first, so that a page reloading at the event finds the folder current too
        server.publish(r.files(), r.diagnostics().all());
        // printed after publishing: the new site is served while a long list of warnings is still being printed
        Console.printDiagnostics(r, log);
        if (!quiet || !outcome.full()) log.println(Console.summary(r, what) + written);
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        server.close();
    }
}
