package io.modelcards.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads content/curated.yaml: {@code aliases}, {@code corrections}, {@code results} and {@code links}
 * (force/forbid). Absent file: nothing curated. Problems are reported with the file's line.
 */
public final class CuratedLoader {
    public static final String FILE_NAME = "curated.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final BenchmarkVocabularyLoader vocabulary = new BenchmarkVocabularyLoader();

    /** content/curated.yaml, with the benchmark vocabulary (bundled, and content/benchmarks.yaml). */
    public Curated load(Path contentDir, String displayDir, Diagnostics diagnostics) {
        return curated(contentDir, displayDir, diagnostics)
                .withBenchmarks(vocabulary.load(contentDir, displayDir, diagnostics));
    }

    private Curated curated(Path contentDir, String displayDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Curated.EMPTY;
        String shown = displayDir + "/" + FILE_NAME;
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            diagnostics.error(SourcePosition.of(shown, line), "invalid YAML: " + e.getOriginalMessage());
            return Curated.EMPTY;
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
            return Curated.EMPTY;
        }
        if (root == null || root.isNull()) return Curated.EMPTY;
        LineIndex lines = new LineIndex(text);
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        JsonNode a = root.path("aliases");
        a.fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(n -> names.add(n.asText()));
            else names.add(e.getValue().asText());
            aliases.put(e.getKey(), names);
        });
        Map<String, String> corrections = new LinkedHashMap<>();
        root.path("corrections").fields().forEachRemaining(e -> corrections.put(e.getKey(), e.getValue().asText()));
        List<Curated.Result> results = new ArrayList<>();
        for (JsonNode r : root.path("results")) {
            SourcePosition at = SourcePosition.of(shown, lineOf(text, lines, r.path("model").asText()));
            String model = r.path("model").asText("");
            String dataset = r.path("dataset").asText("");
            String metric = r.path("metric").asText("");
            JsonNode value = r.path("value");
            if (model.isEmpty() || dataset.isEmpty() || metric.isEmpty() || !value.isNumber() && !value.isTextual()) {
                diagnostics.error(at, "a result needs model, dataset, metric and a numeric value");
                continue;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(value.asText());
            } catch (NumberFormatException e) {
                diagnostics.error(at, "result value is not a number: " + value.asText());
                continue;
            }
            results.add(new Curated.Result(model, r.path("task").asText(""), dataset, r.path("split").asText(""),
                    metric, v, r.path("source").asText(""), at));
        }
        List<Curated.LinkOverride> overrides = new ArrayList<>();
        for (String action : List.of("force", "forbid")) {
            for (JsonNode o : root.path("links").path(action)) {
                String href = o.path("href").asText("");
                SourcePosition at = SourcePosition.of(shown, lineOf(text, lines, href));
                if (href.isEmpty() || action.equals("force") && o.path("to").asText("").isEmpty()) {
                    diagnostics.error(at, "links." + action + " entries need href" + (action.equals("force") ? " and to" : ""));
                    continue;
                }
                overrides.add(new Curated.LinkOverride(action, href, o.path("to").asText(""), o.path("line").asInt(0),
                        o.path("why").asText(""), at));
            }
        }
        return new Curated(aliases, corrections, results, overrides);
    }

    /** The line where a value first appears in the file (Jackson's tree keeps no positions). */
    private static int lineOf(String text, LineIndex lines, String value) {
        if (value.isEmpty()) return 1;
        int i = text.indexOf(value);
        return i < 0 ? 1 : lines.line(i);
    }
}
