package io.modelcards.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the Hugging Face Hub's evaluation results beside a card: each {@code .eval_results/*.yaml} file in the card's
 * folder holds a list of entries (or one entry) {@code {dataset: {id, task_id}, value, metric, source: {url, name},
 * notes}}. Files are read in sorted name order, entries in file order, each keeping the line where it starts. An
 * entry without a dataset id or a numeric value is a warning and is left out; nothing here throws on content.
 */
final class EvalResultsReader {
    /** The Hub's folder of evaluation results, beside a repository's README.md. */
    static final String FOLDER = ".eval_results";
    /** The {@code source} of a result whose entry names none. */
    static final String DEFAULT_SOURCE = "eval-results";
    /** Notes at most this long are the result's setting ("5-shot"); longer ones are prose and are dropped. */
    static final int MAX_SETTING_CHARS = 40;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EvalResultsReader() {}

    /**
     * The results of every {@code .eval_results/*.yaml} file in {@code cardFolder}; none when it has no such folder.
     *
     * @param shownFolder how {@code cardFolder} is named in messages (e.g. "content/acme/nova-7b")
     */
    static List<Curated.Result> read(Path cardFolder, String shownFolder, Diagnostics diagnostics) {
        List<Curated.Result> out = new ArrayList<>();
        Path dir = cardFolder.resolve(FOLDER);
        if (!Files.isDirectory(dir)) return out;
        String shownDir = (shownFolder.isEmpty() ? "" : shownFolder + "/") + FOLDER;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(EvalResultsReader::isYaml).filter(Files::isRegularFile)
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            diagnostics.warning(SourcePosition.file(shownDir), "cannot list the folder: " + e.getMessage());
            return out;
        }
        for (Path f : files) {
            String shown = shownDir + "/" + f.getFileName();
            String text;
            try {
                if (Files.size(f) > ContentScanner.MAX_FILE_BYTES) {
                    diagnostics.warning(SourcePosition.file(shown), "file is larger than "
                            + (ContentScanner.MAX_FILE_BYTES >> 20) + " MiB; its results are left out");
                    continue;
                }
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                diagnostics.warning(SourcePosition.file(shown), "cannot read: " + e.getMessage());
                continue;
            }
            out.addAll(read(text, shown, diagnostics));
        }
        return out;
    }

    /** The entries of one file's text, shown as {@code shown} in messages and origins. */
    static List<Curated.Result> read(String text, String shown, Diagnostics diagnostics) {
        List<Curated.Result> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return out; // an empty file
            if (first == JsonToken.START_OBJECT) { // one entry, not in a list
                SourcePosition at = SourcePosition.of(shown, p.getTokenLocation().getLineNr());
                entry(YAML.readTree(p), "entry 1", at, diagnostics, out);
                return out;
            }
            if (first != JsonToken.START_ARRAY) {
                diagnostics.warning(SourcePosition.of(shown, p.getTokenLocation().getLineNr()),
                        "expected a list of results (- dataset: {id: ...}, value: ...), got "
                                + ModelIndexReader.kind(YAML.readTree(p)) + "; the file is ignored");
                return out;
            }
            int entryNo = 0;
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                entryNo++;
                SourcePosition at = SourcePosition.of(shown, p.getTokenLocation().getLineNr());
                entry(YAML.readTree(p), "entry " + entryNo, at, diagnostics, out);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String msg = e.getOriginalMessage() == null ? "unreadable"
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            diagnostics.warning(SourcePosition.of(shown, line), "invalid YAML: " + msg
                    + "; the rest of the file is ignored");
        } catch (IOException e) {
            diagnostics.warning(SourcePosition.file(shown), "cannot read: " + e.getMessage());
        }
        return out;
    }

    private static void entry(JsonNode e, String where, SourcePosition at, Diagnostics diagnostics,
                              List<Curated.Result> out) {
        if (e == null || !e.isObject()) {
            diagnostics.warning(at, where + ": expected a mapping with dataset and value, got " + ModelIndexReader.kind(e)
                    + "; it is left out");
            return;
        }
        JsonNode dataset = e.get("dataset");
        String id;
        String task = "";
        if (dataset != null && dataset.isObject()) {
            id = ModelIndexReader.text(dataset.get("id"));
            task = ModelIndexReader.text(dataset.get("task_id"));
            if (task.equals("default")) task = ""; // the Hub's name for a dataset's only task
        } else {
            id = ModelIndexReader.text(dataset);
        }
        if (id.isEmpty()) {
            diagnostics.warning(at, where + ": expected a dataset id (dataset: {id: org/name}), got "
                    + (dataset != null && dataset.isObject() ? "a mapping without id" : ModelIndexReader.kind(dataset))
                    + "; the result is left out");
            return;
        }
        String named = where + " (" + id + ")";
        JsonNode valueNode = e.get("value");
        BigDecimal value = ModelIndexReader.number(valueNode);
        if (value == null) {
            diagnostics.warning(at, named + ": expected a number as value, got " + ModelIndexReader.kind(valueNode)
                    + "; the result is left out");
            return;
        }
        String metric = metric(e, named, at, diagnostics);
        String source = source(e.get("source"), named, at, diagnostics);
        String setting = setting(e.get("notes"), named, at, diagnostics);
        out.add(new Curated.Result("", task, id, setting, metric, value, source, at));
    }

    /** {@code metric} or {@code metric_name}: text, or a mapping with a name or type; "" when there is none. */
    private static String metric(JsonNode e, String where, SourcePosition at, Diagnostics diagnostics) {
        String key = e.has("metric") ? "metric" : "metric_name";
        JsonNode m = e.get(key);
        if (m == null || m.isNull()) return "";
        if (m.isValueNode()) return m.asText().strip();
        if (m.isObject()) {
            String name = ModelIndexReader.text(m.get("name"));
            if (name.isEmpty()) name = ModelIndexReader.text(m.get("type"));
            if (!name.isEmpty()) return name;
        }
        diagnostics.warning(at, where + ": expected the metric's name as " + key + ", got " + ModelIndexReader.kind(m)
                + "; the result has no metric");
        return "";
    }

    /** Short notes are the setting ("5-shot", "0-shot CoT"); long ones describe the run and are dropped. */
    private static String setting(JsonNode notes, String where, SourcePosition at, Diagnostics diagnostics) {
        if (notes == null || notes.isNull()) return "";
        if (!notes.isValueNode()) {
            diagnostics.warning(at, where + ": expected text as notes, got " + ModelIndexReader.kind(notes) + "; they are ignored");
            return "";
        }
        String t = notes.asText().replaceAll("\\s+", " ").strip();
        return t.length() <= MAX_SETTING_CHARS ? t : "";
    }

    /** The source's name, else its url, else {@value #DEFAULT_SOURCE}. */
    private static String source(JsonNode source, String where, SourcePosition at, Diagnostics diagnostics) {
        if (source == null || source.isNull()) return DEFAULT_SOURCE;
        if (source.isValueNode()) return source.asText().isBlank() ? DEFAULT_SOURCE : source.asText().strip();
        if (source.isObject()) {
            String name = ModelIndexReader.text(source.get("name"));
            if (!name.isEmpty()) return name;
            String url = ModelIndexReader.text(source.get("url"));
            return url.isEmpty() ? DEFAULT_SOURCE : url;
        }
        diagnostics.warning(at, where + ": expected source as a mapping (url, name), got " + ModelIndexReader.kind(source)
                + "; it is ignored");
        return DEFAULT_SOURCE;
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
