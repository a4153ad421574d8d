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
 * fetch() from file:// pages; split into files of at most {@link #PART_BYTES} ({@link #files}), so that it never
 * grows into one file too large to host.
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
        List<Variant> variants = m.variants();
        // the tables read once for all variants (a model's blocks are held encoded: each m.tables() decodes them)
        List<Table> tables = variants.isEmpty() ? List.of() : m.tables();
        for (Variant v : variants) {
            String row = rowOf(tables, v.name());
            entries.add(new Entry(v.name(), "variant", row.isEmpty() ? url : url + "#" + row,
                    m.name() + (v.parametersText().isEmpty() ? "" : ", " + v.parametersText())));
        }
        return entries;
    }

    /** The id of the first body row whose label (first cell) is {@code name}, or "". */
    private static String rowOf(List<Table> tables, String name) {
        for (Table t : tables) {
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
            if (p.view() instanceof CatalogueViews.TopicPageView v && !v.aliases().isEmpty()) {
                summary.append(" Also: ").append(v.aliases()).append('.');
            }
            if (p.view() instanceof CatalogueViews.LeaderboardPageView v && !v.boards().isEmpty()) {
                // each leaderboard's title names its metrics ("OE VQA accuracy"), so a metric finds its benchmarks
                java.util.Set<String> boards = new java.util.LinkedHashSet<>();
                for (CatalogueViews.BoardView b : v.boards()) boards.add(b.title());
                summary.append(" Leaderboards: ").append(String.join("; ", boards)).append('.');
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

    /** The entries as the items of a JSON array, without its brackets ("" for none): parts of {@link #joined}. */
    static String items(List<Entry> entries) {
        String json = ModelsJson.writeCompact(entries);
        return json.substring(1, json.length() - 1);
    }

    /** The first file of the index; the others are named in it ({@link #files}). */
    static final String PATH = "search-index.js";
    /**
     * A file of the index holds at most this many bytes of entries, unless one model's alone are more: 8 MiB. The
     * synthetic 10,000 cards fit in one file (7.8 MB); 100,000 cards made one of 80 MB before the index was split.
     */
    static final int PART_BYTES = 8 << 20;

    /**
     * The same script as {@link #script} of all the entries whose {@link #items}, as UTF-8 bytes, are {@code parts},
     * in order; one array of the exact size (serve joins the 8 MB index of 10,000 cards when a card's entries change).
     */
    static byte[] joined(List<byte[]> parts) {
        return OutputFile.joined("window.MODELCARDS_SEARCH = [", parts, "];\n");
    }

    /**
     * The files of the index whose {@link #items}, as UTF-8 bytes, are {@code parts} (one a model, in order): the
     * parts are grouped in order into files of at most {@code partBytes} bytes of entries, never splitting a model's.
     * With one group the file is {@link #joined}. With more, {@value #PATH} sets {@code window.MODELCARDS_SEARCH} to
     * the first group's entries and {@code window.MODELCARDS_SEARCH_PARTS} to the paths of the other files
     * ({@code search-index-2.js}, …, relative to the site root), and each of those sets
     * {@code window.MODELCARDS_SEARCH_PART} to its entries: site.js loads them one after the other and appends them.
     */
    static List<OutputFile> files(List<byte[]> parts, int partBytes) {
        List<OutputFile> files = new ArrayList<>();
        files(parts, p -> p.length, p -> p, partBytes, files::add);
        return files;
    }

    /**
     * Like {@link #files(List, int)} from parts held {@link Packed packed}, each file made and given to {@code out}
     * in turn, so that only one file's parts are unpacked at a time.
     */
    static void filesFromPacked(List<byte[]> packed, int partBytes, java.util.function.Consumer<OutputFile> out) {
        files(packed, Packed::length, Packed::unpack, partBytes, out);
    }

    private static <T> void files(List<T> parts, java.util.function.ToIntFunction<T> length,
                                  java.util.function.Function<T, byte[]> bytes, int partBytes,
                                  java.util.function.Consumer<OutputFile> out) {
        List<List<T>> groups = OutputFile.groups(parts, length, partBytes);
        for (int n = 1; n <= groups.size(); n++) {
            List<byte[]> group = groups.get(n - 1).stream().map(bytes).toList();
            out.accept(n == 1
                    ? new OutputFile(PATH, OutputFile.joined("window.MODELCARDS_SEARCH = [", group, groups.size() == 1 ? "];\n"
                            : "];\nwindow.MODELCARDS_SEARCH_PARTS = " + OutputFile.pathList(groups.size(), SearchIndex::partPath) + ";\n"))
                    : new OutputFile(partPath(n), OutputFile.joined("window.MODELCARDS_SEARCH_PART = [", group, "];\n")));
        }
    }

    /** The path of the index's {@code n}th file, from 2 on. */
    static String partPath(int n) {
        return "search-index-" + n + ".js";
    }
}
