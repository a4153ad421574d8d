package io.modelcards.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a leading {@code ---} YAML block off a content file and reads the Hugging Face model-card fields
 * (license, tags, datasets, base_model, pipeline_tag, language, and the results of model-index) with Jackson. Leading blank
 * lines are allowed.
 */
final class FrontMatterReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Split(String yaml, int yamlStartLine, int bodyOffset) {}

    /** Finds the front matter block; null when the file has none. */
    static Split split(String text) {
        int i = 0;
        int line = 1;
        while (true) { // skip blank lines before the opening fence
            int eol = text.indexOf('\n', i);
            String l = (eol < 0 ? text.substring(i) : text.substring(i, eol)).strip();
            if (!l.isEmpty() || eol < 0) break;
            i = eol + 1;
            line++;
        }
        if (!text.startsWith("---", i)) return null;
        int eol = text.indexOf('\n', i);
        if (eol < 0 || !text.substring(i, eol).strip().equals("---")) return null;
        int start = eol + 1;
        int pos = start;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = (end < 0 ? text.substring(pos) : text.substring(pos, end)).strip();
            if (l.equals("---") || l.equals("...")) {
                return new Split(text.substring(start, pos), line + 1, end < 0 ? text.length() : end + 1);
            }
            if (end < 0) break;
            pos = end + 1;
        }
        return null; // no closing fence: not front matter, a thematic break
    }

    static FrontMatter read(String path, Split split, Diagnostics diagnostics) {
        JsonNode root;
        try {
            root = split.yaml().isBlank() ? null : YAML.readTree(split.yaml());
        } catch (Exception e) {
            int line = split.yamlStartLine();
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                line += Math.max(0, jpe.getLocation().getLineNr() - 1);
            }
            diagnostics.error(SourcePosition.of(path, line), "invalid YAML front matter: " + msg);
            return FrontMatter.EMPTY;
        }
        if (root == null || root.isNull()) return FrontMatter.EMPTY;
        if (!root.isObject()) {
            diagnostics.error(SourcePosition.of(path, split.yamlStartLine()),
                    "front matter must be a YAML mapping of keys to values");
            return FrontMatter.EMPTY;
        }
        Map<String, String> other = new TreeMap<>();
        List<Curated.Result> results = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "license", "tags", "datasets", "base_model", "pipeline_tag", "language" -> { }
                case "model-index" -> results.addAll(ModelIndexReader.read(e.getValue(),
                        SourcePosition.of(path, ModelIndexReader.line(split.yaml(), split.yamlStartLine())), diagnostics));
                default -> other.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return new FrontMatter(text(root.get("license")), list(root.get("tags")), list(root.get("datasets")),
                list(root.get("base_model")), text(root.get("pipeline_tag")), results, other, modelIndexName(root),
                list(root.get("language")));
    }

    /** {@code model-index: [{name: …}]}: the name the card gives its model, when it is plain text. */
    private static String modelIndexName(JsonNode root) {
        JsonNode index = root.get("model-index");
        if (index == null || !index.isArray() || index.isEmpty()) return "";
        JsonNode name = index.get(0).get("name");
        return name != null && name.isValueNode() && !name.isNull() ? name.asText().strip() : "";
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) return "";
        return node.isValueNode() ? node.asText() : list(node).toString();
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (node.isArray()) {
            for (JsonNode n : node) if (n.isValueNode()) out.add(n.asText());
        } else if (node.isValueNode()) {
            out.add(node.asText());
        }
        return out;
    }
}
