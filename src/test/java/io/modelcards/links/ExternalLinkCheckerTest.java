package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server on 127.0.0.1 only; never the internet. */
class ExternalLinkCheckerTest {
    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/ok", ex -> respond(ex, 200));
        server.createContext("/missing", ex -> respond(ex, 404));
        server.createContext("/slow", ex -> {
            await(release);
            respond(ex, 200);
        });
        server.createContext("/flaky", ex -> respond(ex, flakyCalls.incrementAndGet() == 1 ? 503 : 200));
        server.createContext("/busy", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            sleep(50);
            inFlight.decrementAndGet();
            respond(ex, 200);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private ExternalLinkChecker checker(int concurrency, int retries) {
        return new ExternalLinkChecker(new ExternalLinkChecker.Options(concurrency, Duration.ofMillis(400), retries,
                Duration.ofMillis(10)));
    }

    @Test
    void reportsOkMissingTimeoutAndRetriedFlakyLinks() {
        List<ExternalLinkChecker.Result> results = checker(4, 1).check(
                List.of(base + "/ok", base + "/missing", base + "/slow", base + "/flaky"));
        Map<String, ExternalLinkChecker.Result> byPath = results.stream()
                .collect(Collectors.toMap(r -> r.url().substring(base.length()), Function.identity()));
        assertTrue(byPath.get("/ok").ok());
        assertEquals(200, byPath.get("/ok").status());

        assertFalse(byPath.get("/missing").ok());
        assertEquals(404, byPath.get("/missing").status());
        assertEquals(1, byPath.get("/missing").attempts(), "a 404 is final");

        assertFalse(byPath.get("/slow").ok());
        assertTrue(byPath.get("/slow").error().startsWith("timed out"), byPath.get("/slow").error());
        assertEquals(2, byPath.get("/slow").attempts(), "a timeout is retried");

        assertTrue(byPath.get("/flaky").ok(), byPath.get("/flaky").toString());
        assertEquals(2, byPath.get("/flaky").attempts());
    }

    @Test
    void neverRunsMoreRequestsAtOnceThanAllowed() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) urls.add(base + "/busy?n=" + i);
        List<ExternalLinkChecker.Result> results = checker(2, 0).check(urls);
        assertEquals(8, results.size());
        assertTrue(results.stream().allMatch(ExternalLinkChecker.Result::ok));
        assertTrue(maxInFlight.get() <= 2, "at most 2 at once, saw " + maxInFlight.get());
    }

    @Test
    void aRefusedConnectionIsABrokenLinkNotACrash() {
        server.stop(0);
        ExternalLinkChecker.Result r = checker(1, 0).check(List.of(base + "/ok")).get(0);
        assertFalse(r.ok());
        assertEquals(0, r.status());
    }

    private static void respond(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
