package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --external} against a local server on 127.0.0.1: a 404 fails with the link's source line. */
class CheckExternalCommandTest {
    @TempDir
    Path tmp;

    @Test
    void brokenExternalLinkFailsWithItsSourceLine() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/ok") ? 200 : 404, -1);
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("cards.md"), "# Alpha\n\nSee [ok](" + base + "/ok).\n\nAnd [gone](" + base + "/gone).\n");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("check", "--external", "--content", content.toString(), "--timeout", "2000", "--retries", "0");
        } finally {
            System.setErr(old);
            server.stop(0);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CONTENT_ERRORS, code, printed);
        assertTrue(printed.contains("cards.md:5: error: external link " + base + "/gone is broken: HTTP 404"), printed);
        assertFalse(printed.contains(base + "/ok is broken"), printed);
        assertTrue(printed.contains("checked 2 external links: 1 broken"), printed);
    }
}
