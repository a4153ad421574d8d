package io.modelcards.render;

import java.util.regex.Pattern;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelcards.model.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model in the Hugging Face {@code model-index} shape so hub tools can read it: one entry per variant that
 * has scores (IDEFICS 9B, GroundingDINO-T), and one for the model's own results stated in prose; each result
 * names its task, dataset and metrics (settings such as shots go into the metric name). Results of other models
 * that the text only compares with are left out.
 */
record ModelIndexJson(@JsonProperty("model-index") List<Entry> modelIndex) {
    record Entry(String name, List<Result> results) {}

    record Result(Task task, Dataset dataset, List<Metric> metrics) {}

    record Task(String type) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Dataset(String name, String type, String split) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Metric(String name, String type, BigDecimal value) {}

    static ModelIndexJson of(Model m) {
        String task = m.frontMatter().pipelineTag().isEmpty() ? "other" : m.frontMatter().pipelineTag();
        Map<String, Map<String, Result>> byEntry = new LinkedHashMap<>();
        for (io.modelcards.model.Result r : m.results()) {
            if (r.baseline()) continue;
            String name = r.variant().isEmpty() ? m.name() : r.variant();
            String benchmark = r.benchmark().isEmpty() ? "unknown" : r.benchmark();
            boolean declared = r.origins().get(0).kind() == io.modelcards.model.Result.Kind.MODEL_INDEX;
            String split = declared ? r.setting() : "";
            Result result = byEntry.computeIfAbsent(name, k -> new LinkedHashMap<>()).computeIfAbsent(
                    r.task() + "\u0000" + benchmark + "\u0000" + split,
                    k -> new Result(new Task(r.task().isEmpty() ? task : type(r.task())),
                            new Dataset(benchmark, r.dataset().isEmpty() ? type(benchmark) : r.dataset(), split),
                            new ArrayList<>()));
            String metric = r.metric().isEmpty() ? "score" : r.metric();
            String shown = declared || r.setting().isEmpty() ? metric : metric + " (" + r.setting() + ")";
            result.metrics().add(new Metric(shown, type(metric), r.value()));
        }
        List<Entry> entries = new ArrayList<>();
        byEntry.forEach((name, results) -> entries.add(new Entry(name, List.copyOf(results.values()))));
        if (entries.isEmpty()) entries.add(new Entry(m.name(), List.of()));
        return new ModelIndexJson(entries);
    }

    /** A model-index type id: "OE VQA acc." → oe-vqa-acc, "ImageNet-1k" → imagenet-1k. */
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DASH_ENDS = Pattern.compile("^-|-$");

    static String type(String name) {
        String t = DASH_ENDS.matcher(NON_ALNUM.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("-")).replaceAll("");
        return t.isEmpty() ? "other" : t;
    }
}
