package io.modelcards.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;

/**
 * Benchmark, not a test: loads a built site in headless Chromium and times search queries typed into the box
 * (from the input event to the result list being filled), printing the index size and the median and worst
 * query times. Run by src/bench/run.sh on the 10,000-card site:
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.modelcards.browser.SearchTiming -Dexec.args=DIR}
 */
public final class SearchTiming {
    private static final String[] QUERIES = {"n", "nova", "nova 7b", "whisper", "vqav2", "orca 9b", "zz-no-match",
            "kestrel 17", "ember", "a"};

    private SearchTiming() {}

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args.length > 0 ? args[0] : "target/site").toAbsolutePath();
        long indexBytes = Files.size(site.resolve("search-index.js"));
        try (Browser b = Browser.start()) {
            b.driver().get(site.resolve("index.html").toUri().toString());
            b.driver().findElement(By.id("search-input")).click();
            long deadline = System.currentTimeMillis() + 30_000;
            while (b.js("return Array.isArray(window.MODELCARDS_SEARCH) ? window.MODELCARDS_SEARCH.length : -1;")
                    .toString().equals("-1")) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("index did not load");
                Thread.sleep(50);
            }
            Object entries = b.js("return window.MODELCARDS_SEARCH.length;");
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String q : QUERIES) {
                    Object ms = b.js("var input = document.getElementById('search-input');"
                            + "var t0 = performance.now(); input.value = arguments[0];"
                            + "input.dispatchEvent(new Event('input', {bubbles: true}));"
                            + "document.getElementById('search-results').childElementCount;"
                            + "return performance.now() - t0;", q);
                    times.add(((Number) ms).doubleValue());
                }
            }
            Collections.sort(times);
            System.out.printf("search: %s entries, index %.0f KiB, %d queries: median %.1f ms, worst %.1f ms%n",
                    entries, indexBytes / 1024.0, times.size(), times.get(times.size() / 2), times.get(times.size() - 1));
        }
    }
}
