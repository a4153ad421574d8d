package io.modelcards.render;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the compare page needs of one model, as a script beside its page ({@code models/<slug>/results.js}): a
 * script, not JSON, because browsers refuse fetch() from file:// pages. Only the model's own results (scores a
 * card reports for other models are not its own), in runs of the same variant and table row:
 * {@code results} is a list of {@code [variant, row, result, result, …]}, each result a short array
 * {@code [benchmark, metric, setting, printed]}. {@code benchmark}, {@code metric} and {@code setting} index the
 * data's {@code terms} (each text once: a synthetic card's 90 results name 14 benchmarks, and the names written out
 * were half of the file), {@code variant} indexes its {@code variants} (the model's name for its own results),
 * {@code row} its {@code rows}, the ids of the table rows on the model page that state them (-1 when none). A fifth
 * element, the value, is there only when it is not the printed text read as a number (the printed text is the value
 * as written, 65.0 for 65.0, mostly). {@code lower} lists the [benchmark, metric] pairs that are better when lower.
 */
final class CompareData {
    private CompareData() {}

    static String path(String slug) {
        return "models/" + slug + "/results.js";
    }

    static OutputFile of(Model m, BenchmarkVocabulary vocabulary) {
        List<List<Object>> runs = new ArrayList<>();
        List<Object> run = null;
        Map<String, Integer> variants = new LinkedHashMap<>();
        Map<String, Integer> rowIds = new LinkedHashMap<>();
        Map<String, Integer> terms = new LinkedHashMap<>();
        Set<List<Integer>> lower = new LinkedHashSet<>();
        Map<Long, Boolean> lowerOf = new java.util.HashMap<>();
        for (Result r : m.results()) {
            if (r.baseline() || r.benchmark().isEmpty()) continue;
            int row = -1;
            for (Result.Origin o : r.origins()) {
                if (!o.row().isEmpty()) {
                    row = rowIds.computeIfAbsent(o.row(), k -> rowIds.size());
                    break;
                }
            }
            int variant = variants.computeIfAbsent(r.variant().isEmpty() ? m.name() : r.variant(), k -> variants.size());
            if (run == null || (int) run.get(0) != variant || (int) run.get(1) != row) {
                run = new ArrayList<>(List.of(variant, row));
                runs.add(run);
            }
            int benchmark = term(terms, r.benchmark());
            int metric = term(terms, r.metric());
            // asked once per benchmark and metric of the model, not once per result (a card's 90 results name 14)
            if (lowerOf.computeIfAbsent((long) benchmark << 32 | metric, k -> vocabulary.find(r.benchmark())
                    .map(b -> !b.isHigherBetter(r.metric())).orElse(false))) {
                lower.add(List.of(benchmark, metric));
            }
            List<Object> result = new ArrayList<>(List.of(benchmark, metric, term(terms, r.setting()), r.printed()));
            if (!r.printed().equals(r.value().toPlainString())) result.add(r.value());
            run.add(result);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", m.name());
        data.put("terms", List.copyOf(terms.keySet()));
        data.put("variants", List.copyOf(variants.keySet()));
        data.put("rows", List.copyOf(rowIds.keySet()));
        if (!lower.isEmpty()) data.put("lower", List.copyOf(lower));
        data.put("results", runs);
        String script = "window.MODELCARDS_RESULTS = window.MODELCARDS_RESULTS || {};\n"
                + "window.MODELCARDS_RESULTS[" + ModelsJson.writeCompact(m.slug()) + "] = " + ModelsJson.writeCompact(data) + ";\n";
        return OutputFile.text(path(m.slug()), script);
    }

    private static int term(Map<String, Integer> terms, String text) {
        return terms.computeIfAbsent(text, k -> terms.size());
    }
}
