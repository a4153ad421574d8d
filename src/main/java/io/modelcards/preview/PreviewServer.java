package io.modelcards.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcards.diag.Diagnostic;
import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local server of {@code serve}: the last good site from memory, with a reload script injected into HTML
 * responses only (the site on disk never has it), an event stream that tells pages to reload, and the errors
 * of the last failed build as JSON for the script's overlay.
 */
public final class PreviewServer implements AutoCloseable {
    /** URL prefix of the server's own resources; no site file lives under it. */
    public static final String PREFIX = "/__modelcards/";
    public static final String SCRIPT_TAG = "<script src=\"" + PREFIX + "reload.js\"></script>";

    private static final byte[] RELOAD_JS = readScript();
    private static final String NOT_BUILT = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Not built yet</title></head><body><h1>The site has not been built yet</h1>"
            + "<p>Fix the errors shown; this page reloads by itself.</p></body></html>\n";

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService pings;
    private final EventStream events = new EventStream();
    private volatile Map<String, OutputFile> site;
    /** The errors JSON of the last build, written when first asked for (a large catalogue has many warnings). */
    private volatile OutputFile errorsJson = errors(true, List.of());

    private PreviewServer(HttpServer http, ExecutorService handlers, ScheduledExecutorService pings) {
        this.http = http;
        this.handlers = handlers;
        this.pings = pings;
    }

    /** Binds the address (a {@link java.net.BindException} when the port is taken) and starts serving. */
    public static PreviewServer start(InetSocketAddress address) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("modelcards-http"));
        ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(daemon("modelcards-ping"));
        PreviewServer server = new PreviewServer(http, handlers, pings);
        http.setExecutor(handlers);
        http.createContext("/", server::handle);
        http.start();
        pings.scheduleAtFixedRate(server.events::ping, 15, 15, TimeUnit.SECONDS);
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Serves a new good site (path relative to the root → bytes) and tells the open pages to reload. */
    public void publish(Map<String, byte[]> files, List<Diagnostic> diagnostics) {
        List<OutputFile> list = new java.util.ArrayList<>();
        files.forEach((path, bytes) -> list.add(new OutputFile(path, bytes)));
        publish(list, diagnostics);
    }

    /**
     * Serves a new good site and tells the open pages to reload. A file whose bytes are not made yet (the errors overlay's data)
     * is made when first requested.
     */
    public void publish(List<OutputFile> files, List<Diagnostic> diagnostics) {
        Map<String, OutputFile> byPath = new java.util.HashMap<>();
        for (OutputFile f : files) byPath.put(f.path(), f);
        site = byPath;
        errorsJson = errors(true, diagnostics);
        events.send("reload", "site");
    }

    /** Keeps the last good site and tells the open pages to show these errors. */
    public void fail(List<Diagnostic> diagnostics) {
        errorsJson = errors(false, diagnostics);
        events.send("errors", "failed");
    }

    private static OutputFile errors(boolean ok, List<Diagnostic> diagnostics) {
        List<Diagnostic> copy = List.copyOf(diagnostics);
        return OutputFile.lazy(PREFIX.substring(1) + "errors",
                () -> ErrorsJson.of(ok, copy).getBytes(StandardCharsets.UTF_8));
    }

    /** Number of pages listening for reloads. */
    public int listeners() {
        return events.size();
    }

    @Override
    public void close() {
        events.closeAll();
        http.stop(0);
        pings.shutdownNow();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path;
        try {
            path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals(PREFIX + "events")) {
            events.connect(exchange);
            return;
        }
        if (path.equals(PREFIX + "reload.js")) {
            send(exchange, 200, "text/javascript; charset=utf-8", RELOAD_JS);
        } else if (path.equals(PREFIX + "errors")) {
            send(exchange, 200, "application/json", errorsJson.bytes());
        } else {
            serveSiteFile(exchange, path);
        }
    }

    private void serveSiteFile(HttpExchange exchange, String path) throws IOException {
        Map<String, OutputFile> files = site;
        if (files == null) {
            send(exchange, 503, "text/html; charset=utf-8", inject(NOT_BUILT.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.isEmpty() || rel.endsWith("/")) rel += "index.html";
        OutputFile file = files.get(rel);
        byte[] body = file == null ? null : file.bytes();
        if (body == null && files.containsKey(rel + "/index.html")) {
            // a folder without its slash: redirect, so that the page's relative links resolve
            exchange.getResponseHeaders().set("Location", path + "/");
            send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        int status = 200;
        if (body == null) {
            status = 404;
            rel = "404.html";
            OutputFile notFound = files.get(rel);
            body = notFound == null ? "not found\n".getBytes(StandardCharsets.UTF_8) : notFound.bytes();
        }
        String type = files.containsKey(rel) ? ContentTypes.of(rel) : "text/plain; charset=utf-8";
        send(exchange, status, type, type.startsWith("text/html") ? inject(body) : body);
    }

    /** Inserts the reload script before the last {@code </body>}, or at the end when there is none. */
    static byte[] inject(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int at = text.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? text + SCRIPT_TAG + "\n" : text.substring(0, at) + SCRIPT_TAG + "\n" + text.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) exchange.getResponseBody().write(body);
        }
    }

    private static byte[] readScript() {
        try (InputStream in = PreviewServer.class.getResourceAsStream("reload.js")) {
            if (in == null) throw new IllegalStateException("reload.js is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
