package io.modelcards.render;

import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compare page needs of one model, as a script beside its page ({@code models/<slug>/results.js}): a
 * script, not JSON, because browsers refuse fetch() from file:// pages. Only the model's own results (scores a
 * card reports for other models are not its own), each as a short array:
 * {@code [benchmark, metric, setting, variant, value, printed, lowerIsBetter, row]}, where {@code row} is the id
 * of the table row on the model page that states it ("" when none).
 */
final class CompareData {
    private CompareData() {}

    static String path(String slug) {
        return "models/" + slug + "/results.js";
    }

    static OutputFile of(Model m, BenchmarkVocabulary vocabulary) {
        List<List<Object>> rows = new ArrayList<>();
        for (Result r : m.results()) {
            if (r.baseline() || r.benchmark().isEmpty()) continue;
            boolean lower = vocabulary.find(r.benchmark()).map(b -> !b.isHigherBetter(r.metric())).orElse(false);
            String row = "";
            for (Result.Origin o : r.origins()) {
                if (!o.row().isEmpty()) {
                    row = o.row();
                    break;
                }
            }
            rows.add(List.of(r.benchmark(), r.metric(), r.setting(), r.variant().isEmpty() ? m.name() : r.variant(),
                    r.value(), r.printed(), lower ? 1 : 0, row));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", m.name());
        data.put("results", rows);
        String script = "window.MODELCARDS_RESULTS = window.MODELCARDS_RESULTS || {};\n"
                + "window.MODELCARDS_RESULTS[" + ModelsJson.writeCompact(m.slug()) + "] = " + ModelsJson.writeCompact(data) + ";\n";
        return OutputFile.text(path(m.slug()), script);
    }
}
