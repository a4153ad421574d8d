package io.modelcards.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark, not a test: opens a built site's catalogue in headless Chromium from file://, and times each filter and
 * sort change (from the change event to the page of cards, the status and the pager being in the document; the
 * data file already loaded), printing the sizes of index.html and catalogue-data.js, the data file's load time, and
 * the median and worst change times. For the 10,000-card site:
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.modelcards.browser.CatalogueTiming -Dexec.args=DIR}
 */
public final class CatalogueTiming {
    /** Control and value, applied in turn (each change keeps the earlier ones, as a reader narrows a list). */
    private static final String[][] CHANGES = {{"sort", "size"}, {"sort", "results"}, {"size", "7-14b"},
            {"sort", "size-asc"}, {"size", ""}, {"task", "unknown"}, {"license", "unknown"}, {"sort", "name"},
            {"size", "70b-"}, {"task", ""}, {"license", ""}, {"size", ""}};

    private CatalogueTiming() {}

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args.length > 0 ? args[0] : "target/site").toAbsolutePath();
        long indexBytes = Files.size(site.resolve("index.html"));
        long dataBytes = Files.size(site.resolve("catalogue-data.js"));
        long largestPage = 0;
        Path pages = site.resolve("page");
        if (Files.isDirectory(pages)) {
            try (var files = Files.walk(pages)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    largestPage = Math.max(largestPage, Files.size(p));
                }
            }
        }
        try (Browser b = Browser.start()) {
            b.driver().get(site.resolve("index.html").toUri().toString());
            // the first change loads the data file (and renders): timed apart
            Object load = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "var t0 = performance.now(); var s = document.getElementById('filter-sort');"
                    + "s.value = 'size'; s.dispatchEvent(new Event('change', {bubbles: true}));"
                    + "(function wait() { if (location.search === '?sort=size') done(performance.now() - t0);"
                    + " else setTimeout(wait, 2); })();");
            Object models = b.js("return window.MODELCARDS_CATALOGUE.models.length;");
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String[] change : CHANGES) {
                    Object ms = b.js("var el = document.getElementById('filter-' + arguments[0]);"
                            + "var t0 = performance.now(); el.value = arguments[1];"
                            + "el.dispatchEvent(new Event('change', {bubbles: true}));"
                            + "document.getElementById('catalogue-cards').getBoundingClientRect();" // layout included
                            + "return performance.now() - t0;", change[0], change[1]);
                    times.add(((Number) ms).doubleValue());
                }
            }
            Collections.sort(times);
            System.out.printf("catalogue: %s models, index.html %.1f KiB, largest page/N %.1f KiB, "
                            + "catalogue-data.js %.0f KiB loaded and first shown in %.0f ms; %d filter/sort changes:"
                            + " median %.1f ms, worst %.1f ms%n",
                    models, indexBytes / 1024.0, largestPage / 1024.0, dataBytes / 1024.0,
                    ((Number) load).doubleValue(), times.size(), times.get(times.size() / 2),
                    times.get(times.size() - 1));
        }
    }
}
