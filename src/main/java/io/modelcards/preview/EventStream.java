package io.modelcards.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The open Server-Sent Events connections of the preview pages, and the events sent to them. */
final class EventStream {
    private final List<HttpExchange> clients = new ArrayList<>();

    /** Answers an event-stream request and keeps the connection open; returns at once. */
    synchronized void connect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        // the "hello" event tells a client (and the tests) that it is registered
        if (write(exchange, "retry: 1000\nevent: hello\ndata: connected\n\n")) clients.add(exchange);
    }

    /** Sends an event to every page; connections that fail are dropped. */
    synchronized void send(String event, String data) {
        broadcast("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** A comment line that finds connections the browser has closed. */
    synchronized void ping() {
        broadcast(": ping\n\n");
    }

    synchronized int size() {
        return clients.size();
    }

    synchronized void closeAll() {
        for (HttpExchange e : clients) e.close();
        clients.clear();
    }

    private void broadcast(String text) {
        clients.removeIf(e -> !write(e, text));
    }

    private static boolean write(HttpExchange exchange, String text) {
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            exchange.close();
            return false;
        }
    }
}
