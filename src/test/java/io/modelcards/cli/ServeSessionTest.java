package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildProgress;
import io.modelcards.preview.PreviewServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve over HTTP: pages, the reload stream, rebuilds after edits, and the errors of a broken edit. */
class ServeSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CARDS = "# Alpha\n\nAlpha is a small model.\n\n# Beta\n\nBeta reads long documents.\n";

    @TempDir
    Path dir;

    private Path content;
    private Path out;
    private Path cards;
    private ServeSession session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        content = Files.createDirectories(dir.resolve("content"));
        out = dir.resolve("site");
        cards = content.resolve("cards.md");
        Files.writeString(cards, CARDS);
        BuildOptions options = BuildOptions.defaults().withContent(content).withOutput(out).withReport(null);
        session = ServeSession.start(options, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), out,
                new PrintStream(log, true, StandardCharsets.UTF_8), true, BuildProgress.NONE);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void servesPagesWithTheReloadScriptThatTheFilesOnDiskDoNotHave() throws Exception {
        HttpResponse<String> page = get("models/alpha/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("Alpha is a small model."), page.body());
        assertTrue(page.body().contains(PreviewServer.SCRIPT_TAG + "\n</body>"), page.body());
        String onDisk = Files.readString(out.resolve("models/alpha/index.html"));
        assertTrue(onDisk.contains("Alpha is a small model."));
        assertFalse(onDisk.contains("__modelcards"), "the built site must not load the reload script");

        HttpResponse<String> script = get("__modelcards/reload.js");
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("EventSource"));
        assertEquals("application/json", get("models.json").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aMissingPathGetsThe404PageAndAFolderWithoutItsSlashIsRedirected() throws Exception {
        HttpResponse<String> missing = get("no/such/page.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains(PreviewServer.SCRIPT_TAG));
        assertEquals(Files.readString(out.resolve("404.html")), missing.body().replace(PreviewServer.SCRIPT_TAG + "\n", ""));
        HttpResponse<String> folder = get("models/alpha");
        assertEquals(301, folder.statusCode());
        assertEquals("/models/alpha/", folder.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anEditRebuildsAndTellsOpenPagesToReload() throws Exception {
        listen();
        Files.writeString(cards, CARDS.replace("Alpha is a small model.", "Alpha is a tiny model now."));
        awaitEvent("reload");
        assertTrue(get("models/alpha/").body().contains("Alpha is a tiny model now."));
        assertTrue(Files.readString(out.resolve("models/alpha/index.html")).contains("Alpha is a tiny model now."));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("rebuilt (1 model rendered again)"), log.toString());
    }

    @Test
    void aBrokenEditKeepsTheLastGoodSiteAndListsItsErrorsUntilFixed() throws Exception {
        listen();
        Files.writeString(cards, "---\nlicense: [unclosed\n---\n" + CARDS);
        awaitEvent("errors");
        HttpResponse<String> page = get("models/alpha/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Alpha is a small model."));
        assertTrue(get("models/beta/").body().contains("Beta reads long documents."), "the old site stays served");
        String errors = get("__modelcards/errors").body();
        String shown = cards.toString().replace('\\', '/');
        assertTrue(errors.startsWith("{\"ok\":false,"), errors);
        assertTrue(errors.contains("\"text\":\"" + shown + ":2: error: invalid YAML front matter"), errors);

        Files.write(cards, "# Alpha\n\nStill fine.\n\nBroken: \u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        awaitEvent("errors");
        errors = get("__modelcards/errors").body();
        assertTrue(errors.contains("\"text\":\"" + shown + ":5: error: not valid UTF-8 text; save the file as UTF-8\""), errors);
        assertTrue(get("models/alpha/").body().contains("Alpha is a small model."));

        Files.writeString(cards, CARDS.replace("Beta reads", "Beta now reads"));
        awaitEvent("reload");
        assertEquals("{\"ok\":true,\"errors\":[]}\n", get("__modelcards/errors").body());
        assertTrue(get("models/beta/").body().contains("Beta now reads long documents."));
    }

    /** Opens the event stream and waits until the server has registered it. */
    private void listen() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri("__modelcards/events")).build();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(events::add));
        awaitEvent("hello");
    }

    private void awaitEvent(String name) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = events.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) continue;
            seen.add(line);
            if (line.equals("event: " + name)) return;
        }
        throw new AssertionError("no '" + name + "' event within " + WAIT + "; got " + seen + "; log:\n" + log);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + session.port() + "/" + path);
    }
}
