package io.modelcards.render;

import io.modelcards.model.Model;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The short texts of a catalogue card: variant sizes and counts of tables, benchmarks, checkpoints, links. */
final class Cards {
    private Cards() {}

    /**
     * The parameter counts of the model's variants; without any, the names of its variants when it has several
     * (Whisper tiny, base…), never the model's own name.
     */
    static String sizes(Model m) {
        Set<String> sizes = new LinkedHashSet<>();
        for (Variant v : m.variants()) if (!v.parametersText().isEmpty()) sizes.add(v.parametersText());
        if (sizes.isEmpty() && m.variants().size() > 1) for (Variant v : m.variants()) sizes.add(v.name());
        return String.join(", ", sizes);
    }

    static String stats(Model m) {
        Set<String> benchmarks = new LinkedHashSet<>();
        int checkpoints = 0;
        for (Table t : m.tables()) {
            if (t.kind() == TableKind.BENCHMARK) {
                t.columns().forEach(c -> { if (!c.benchmark().isEmpty()) benchmarks.add(c.benchmark()); });
            }
        }
        for (Variant v : m.variants()) checkpoints += v.links().size();
        int tables = m.tables().size();
        return plural(tables, "table") + " · " + plural(benchmarks.size(), "benchmark") + " · "
                + plural(checkpoints, "checkpoint") + " · " + plural(m.links().size(), "link");
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
