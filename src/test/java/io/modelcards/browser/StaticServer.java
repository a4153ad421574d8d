package io.modelcards.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a folder over HTTP on 127.0.0.1 and a free port, under a path prefix such as
 * {@code /repo/} (as a GitHub Pages project site would). Test use only: GET, no caching.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final Path root;
    private final String prefix;
    private final boolean notFoundPage;

    private StaticServer(HttpServer server, Path root, String prefix, boolean notFoundPage) {
        this.server = server;
        this.root = root;
        this.prefix = prefix;
        this.notFoundPage = notFoundPage;
    }

    /** @param prefix the URL path the folder appears under; "/" or e.g. "/repo/" */
    static StaticServer start(Path folder, String prefix) throws IOException {
        return start(folder, prefix, false);
    }

    /**
     * Like GitHub Pages: a missing path under the prefix is answered with status 404 and the folder's
     * 404.html as the body, at any depth (e.g. /repo/no/such/page).
     */
    static StaticServer startWithNotFoundPage(Path folder, String prefix) throws IOException {
        return start(folder, prefix, true);
    }

    private static StaticServer start(Path folder, String prefix, boolean notFoundPage) throws IOException {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start and end with '/': " + prefix);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StaticServer s = new StaticServer(http, folder.toAbsolutePath().normalize(), prefix, notFoundPage);
        http.createContext("/", s::handle);
        http.start();
        return s;
    }

    /** The absolute URL of a path relative to the served folder, e.g. {@code url("index.html")}. */
    String url(String relative) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix + relative;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            if (!path.startsWith(prefix)) {
                send(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            Path file = root.resolve(path.substring(prefix.length())).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                Path page = root.resolve("404.html");
                if (notFoundPage && Files.isRegularFile(page)) {
                    send(exchange, 404, TYPES.get("html"), Files.readAllBytes(page));
                } else {
                    send(exchange, 404, "text/plain", new byte[0]);
                }
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
