package io.modelcards.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the Hugging Face {@code model-index} block of a card's front matter ({@code [{name, results: [{task,
 * dataset, metrics: [{type, value, name}]}]}]}) into typed results. A malformed entry or a value that is not a
 * number is a warning at the {@code model-index} line and is left out; nothing here throws on content.
 */
final class ModelIndexReader {
    private static final Pattern KEY = Pattern.compile("(?m)^[\"']?model-index[\"']?\\s*:");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private ModelIndexReader() {}

    /** The 1-based line of the {@code model-index} key in the file, from the YAML text and its first line. */
    static int line(String yaml, int yamlStartLine) {
        var m = KEY.matcher(yaml);
        if (!m.find()) return yamlStartLine;
        return yamlStartLine + (int) yaml.substring(0, m.start()).chars().filter(c -> c == '\n').count();
    }

    static List<Curated.Result> read(JsonNode index, SourcePosition at, Diagnostics diagnostics) {
        List<Curated.Result> out = new ArrayList<>();
        if (!index.isArray()) {
            diagnostics.warning(at, "model-index: expected a list of entries (name, results), got "
                    + kind(index) + "; it is ignored");
            return out;
        }
        int entryNo = 0;
        for (JsonNode entry : index) {
            entryNo++;
            String where = "model-index entry " + entryNo;
            if (!entry.isObject()) {
                diagnostics.warning(at, where + ": expected a mapping with name and results, got " + kind(entry));
                continue;
            }
            String name = text(entry.get("name"));
            JsonNode results = entry.get("results");
            if (results == null || results.isNull()) continue;
            if (!results.isArray()) {
                diagnostics.warning(at, where + ": results must be a list, got " + kind(results));
                continue;
            }
            int resultNo = 0;
            for (JsonNode r : results) {
                resultNo++;
                readResult(r, name, where + ", result " + resultNo, at, diagnostics, out);
            }
        }
        return out;
    }

    private static void readResult(JsonNode r, String model, String where, SourcePosition at, Diagnostics diagnostics,
                                   List<Curated.Result> out) {
        if (!r.isObject()) {
            diagnostics.warning(at, where + ": expected a mapping with task, dataset and metrics, got " + kind(r));
            return;
        }
        JsonNode task = r.path("task");
        JsonNode dataset = r.path("dataset");
        String taskName = firstOf(text(task.get("name")), text(task.get("type")), task.isValueNode() ? task.asText() : "");
        String datasetName = firstOf(text(dataset.get("name")), text(dataset.get("type")),
                dataset.isValueNode() ? dataset.asText() : "");
        if (datasetName.isEmpty()) {
            diagnostics.warning(at, where + ": the dataset has no name or type; the result is left out");
            return;
        }
        String config = text(dataset.get("config"));
        String split = text(dataset.get("split"));
        if (!config.isEmpty() && !config.equals("default") && !datasetName.contains(config)) {
            split = (config + " " + split).strip();
        }
        JsonNode metrics = r.get("metrics");
        if (metrics == null || !metrics.isArray()) {
            diagnostics.warning(at, where + " (" + datasetName + "): metrics must be a list, got " + kind(metrics));
            return;
        }
        for (JsonNode metric : metrics) {
            String metricName = firstOf(text(metric.get("name")), text(metric.get("type")));
            JsonNode valueNode = metric.get("value");
            BigDecimal value = number(valueNode);
            if (value == null) {
                diagnostics.warning(at, where + " (" + datasetName + (metricName.isEmpty() ? "" : " " + metricName)
                        + "): expected a number as value, got " + (valueNode == null || valueNode.isNull() ? "nothing"
                        : valueNode.isValueNode() ? "\"" + shorten(valueNode.asText()) + "\"" : kind(valueNode))
                        + "; the metric is left out");
                continue;
            }
            out.add(new Curated.Result(model, taskName, datasetName, split,
                    metricName.isEmpty() ? "score" : metricName, value, Curated.Result.FRONT_MATTER, at));
        }
    }

    /** A number, or a number written as text ("41.55", "91.3%"); null for anything else. Shared with .eval_results. */
    static BigDecimal number(JsonNode node) {
        if (node == null) return null;
        if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) return null; // .nan, .inf
            return new BigDecimal(node.asText()); // the number as YAML wrote it (Jackson's shortest form)
        }
        if (!node.isTextual()) return null;
        String t = node.asText().strip();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
        return NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? "" : node.asText().strip();
    }

    private static String firstOf(String... values) {
        for (String v : values) if (!v.isEmpty()) return v;
        return "";
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "nothing";
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a mapping";
        return "\"" + shorten(node.asText()) + "\"";
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}
