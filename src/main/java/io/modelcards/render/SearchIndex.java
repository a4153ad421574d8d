package io.modelcards.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcards.model.Model;
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

    /** The entries of one model: the model, then its variants. */
    static List<Entry> entries(Model m) {
        List<Entry> entries = new ArrayList<>();
        String url = SitePaths.model(m.slug());
        entries.add(new Entry(m.name(), "model", url, m.summary()));
        for (Variant v : m.variants()) {
            entries.add(new Entry(v.name(), "variant", url, m.name() + (v.parametersText().isEmpty() ? "" : ", " + v.parametersText())));
        }
        return entries;
    }

    static String script(List<Entry> entries) {
        // "</" cannot appear in JSON strings written by Jackson unescaped inside a script file: it is a separate file
        return "window.MODELCARDS_SEARCH = " + ModelsJson.writeCompact(entries) + ";\n";
    }
}
