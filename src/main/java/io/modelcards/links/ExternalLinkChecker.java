package io.modelcards.links;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks external links over HTTP, opt-in ({@code check --external}); the build never calls it. At most
 * {@code concurrency} requests at a time, each with a timeout; timeouts, connection failures, 429 and 5xx are
 * retried with a growing pause, other 4xx answers are final.
 */
public final class ExternalLinkChecker {
    /** How hard to try. */
    public record Options(int concurrency, Duration timeout, int retries, Duration backoff) {
        public Options {
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
            if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(backoff, "backoff");
        }

        public static Options defaults() {
            return new Options(8, Duration.ofSeconds(10), 2, Duration.ofMillis(500));
        }
    }

    /** The outcome for one URL: its last HTTP status (0 when none came), attempts made, and the error if any. */
    public record Result(String url, int status, boolean ok, int attempts, String error) {}

    private final Options options;
    private final HttpClient client;

    public ExternalLinkChecker(Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Checks each distinct URL once; results are sorted by URL. */
    public List<Result> check(Collection<String> urls) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(urls));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), Math.max(1, distinct.size())), r -> {
            Thread t = new Thread(r, "external-link-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (String url : distinct) futures.add(pool.submit(() -> checkOne(url)));
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(new Result(distinct.get(i), 0, false, 0, String.valueOf(e.getCause())));
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking external links", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result checkOne(String url) throws InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(options.timeout()).GET()
                    .header("User-Agent", "modelcards-link-check").build();
        } catch (IllegalArgumentException e) {
            return new Result(url, 0, false, 0, "not a valid URL: " + e.getMessage());
        }
        int status = 0;
        String error = "";
        int attempt = 0;
        while (attempt <= options.retries()) {
            if (attempt > 0) Thread.sleep(options.backoff().toMillis() * attempt);
            attempt++;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 400) return new Result(url, status, true, attempt, "");
                error = "HTTP " + status;
                if (status != 429 && status < 500) break;
            } catch (HttpTimeoutException e) {
                status = 0;
                error = "timed out after " + options.timeout().toMillis() + " ms";
            } catch (IOException e) {
                status = 0;
                error = "cannot connect: " + e.getMessage();
            }
        }
        return new Result(url, status, false, attempt, error);
    }
}
