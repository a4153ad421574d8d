package io.modelcards.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * The search index, written as a script ({@code window.MODELCARDS_SEARCH = [...]}) because browsers refuse
 * fetch() from file:// pages.
 */
final class SearchIndex {
    private SearchIndex() {}

    record Entry(@JsonProperty("t") String title, @JsonProperty("k") String kind, @JsonProperty("u") String url,
                 @JsonProperty("s") String summary) {}

    /**
     * The entries of one model: the model, then its variants. A variant opens the first table row of the page
     * labelled with its name, when there is one.
     */
    static List<Entry> entries(Model m) {
        List<Entry> entries = new ArrayList<>();
        String url = SitePaths.model(m.slug());
        entries.add(new Entry(m.name(), "model", url, m.summary()));
        for (Variant v : m.variants()) {
            String row = rowOf(m, v.name());
            entries.add(new Entry(v.name(), "variant", row.isEmpty() ? url : url + "#" + row,
                    m.name() + (v.parametersText().isEmpty() ? "" : ", " + v.parametersText())));
        }
        return entries;
    }

    /** The id of the first body row whose label (first cell) is {@code name}, or "". */
    private static String rowOf(Model m, String name) {
        for (Table t : m.tables()) {
            for (Row r : t.rows()) {
                if (!r.cells().isEmpty() && !r.id().isEmpty() && r.cells().get(0).text().strip().equalsIgnoreCase(name)) {
                    return r.id();
                }
            }
        }
        return "";
    }

    /**
     * The entries of the benchmark and dataset pages (not their index pages): a search for "coco" or "vqa"
     * opens them; their description names the metrics, so a metric finds its benchmarks too.
     */
    static List<Entry> topicEntries(List<BenchmarkPages.Page> pages) {
        List<Entry> entries = new ArrayList<>();
        for (BenchmarkPages.Page p : pages) {
            String[] parts = p.path().split("/");
            if (parts.length != 3) continue; // benchmarks/index.html, datasets/index.html
            StringBuilder summary = new StringBuilder(p.description());
            if (p.view() instanceof CatalogueViews.TopicPageView v) {
                if (!v.aliases().isEmpty()) summary.append(" Also: ").append(v.aliases()).append('.');
                java.util.Set<String> metrics = new java.util.TreeSet<>();
                for (CatalogueViews.ResultView r : v.results()) if (!r.metric().isEmpty()) metrics.add(r.metric());
                if (!metrics.isEmpty()) summary.append(" Metrics: ").append(String.join(", ", metrics)).append('.');
            }
            entries.add(new Entry(p.title(), parts[0].equals("benchmarks") ? "benchmark" : "dataset", p.path(),
                    summary.toString()));
        }
        return entries;
    }

    static String script(List<Entry> entries) {
        // "</" cannot appear in JSON strings written by Jackson unescaped inside a script file: it is a separate file
        return "window.MODELCARDS_SEARCH = " + ModelsJson.writeCompact(entries) + ";\n";
    }
}
