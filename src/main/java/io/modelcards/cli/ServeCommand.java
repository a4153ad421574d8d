package io.modelcards.cli;

import io.modelcards.build.BuildOptions;
import io.modelcards.publish.OutputFolderException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the site locally; rebuild and reload the open pages on every change.", "",
                "Watches content/, templates/ and site-assets/. When a change breaks the content, the last good",
                "site stays served and its pages show the errors."},
        footer = {"", "Exit codes: 0 stopped with Ctrl-C; 2 usage error, port in use or unusable --out; 3 internal error."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    String bind;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write each good build into this folder (default: serve from memory only).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        if (port < 0 || port > 65535) {
            err.println("modelcards: error: --port must be between 0 and 65535, not " + port);
            return ExitCodes.USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("modelcards: error: --bind: unknown address " + bind);
            return ExitCodes.USAGE;
        }
        BuildOptions options = options();
        ServeSession session;
        try {
            session = ServeSession.start(options, new InetSocketAddress(address, port), out, err, common.quiet,
                    TerminalProgress.forConsole(common.quiet));
        } catch (BindException e) {
            err.println("modelcards: error: " + (port == 0 ? "cannot listen on " + bind + ": " + e.getMessage()
                    : "port " + port + " is in use; try --port 0 or another port"));
            return ExitCodes.USAGE;
        } catch (OutputFolderException e) {
            err.println("modelcards: error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        err.println("Serving http://" + host + ":" + session.port() + "/ ; watching "
                + String.join(", ", session.watchedFolders().stream().map(Path::toString).toList())
                + "; press Ctrl-C to stop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            err.println("modelcards: stopped");
            stopped.countDown();
        }, "modelcards-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** The common options, with ./templates and ./site-assets as live-editable overrides when they exist. */
    private BuildOptions options() {
        Path templates = common.templates;
        if (templates == null && Files.isDirectory(Path.of("templates"))) templates = Path.of("templates");
        Path assets = common.assets;
        if (assets == null && Files.isDirectory(Path.of("site-assets"))) assets = Path.of("site-assets");
        BuildOptions given = common.toBuildOptions(out == null ? Path.of("target/site") : out, null);
        return new BuildOptions(given.contentDir(), given.outputDir(), templates, assets, null, given.baseUrl(),
                given.strict(), given.settings());
    }
}
