package io.modelcards.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.BenchmarkVocabulary.Benchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the benchmark vocabulary: the list bundled in the jar ({@value #BUNDLED}), then content/benchmarks.yaml if
 * present. A user entry whose name is a bundled name (compared by {@link BenchmarkVocabulary#key}) replaces that
 * entry; any other user entry is added. Problems are reported with the file's line; a bad entry is skipped.
 */
public final class BenchmarkVocabularyLoader {
    public static final String FILE_NAME = "benchmarks.yaml";
    public static final String BUNDLED = "io/modelcards/benchmarks.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("name", "aliases", "dataset", "task", "metrics", "higherIsBetter", "of",
            "derivedFrom");

    /** The bundled vocabulary alone; its problems (there should be none) are reported against {@value #BUNDLED}. */
    public BenchmarkVocabulary loadBundled(Diagnostics diagnostics) {
        return new BenchmarkVocabulary(read(bundledText(), BUNDLED, diagnostics));
    }

    /** The bundled vocabulary with content/benchmarks.yaml's additions and replacements. */
    public BenchmarkVocabulary load(Path contentDir, String displayDir, Diagnostics diagnostics) {
        List<Benchmark> bundled = read(bundledText(), BUNDLED, diagnostics);
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return new BenchmarkVocabulary(bundled);
        String shown = displayDir + "/" + FILE_NAME;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
            return new BenchmarkVocabulary(bundled);
        }
        return new BenchmarkVocabulary(merge(bundled, read(text, shown, diagnostics), diagnostics));
    }

    /**
     * Bundled entries in order, each replaced in place by a user entry of the same name, then the other user entries.
     * A user spelling that another entry already answers to is warned: the earlier entry keeps it.
     */
    private static List<Benchmark> merge(List<Benchmark> bundled, List<Benchmark> user, Diagnostics diagnostics) {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark b : bundled) byName.put(BenchmarkVocabulary.key(b.name()), b);
        for (Benchmark b : user) byName.put(BenchmarkVocabulary.key(b.name()), b);
        List<Benchmark> merged = List.copyOf(byName.values());
        Map<String, Benchmark> owner = new HashMap<>();
        for (Benchmark b : merged) {
            for (String s : b.spellings()) {
                Benchmark other = owner.putIfAbsent(BenchmarkVocabulary.key(s), b);
                if (other != null && other != b && user.contains(b)) {
                    diagnostics.warning(b.origin(), "benchmark \"" + b.name() + "\": \"" + s + "\" already names \""
                            + other.name() + "\" (" + other.origin() + "); lookups of it find \"" + other.name() + "\"");
                }
            }
        }
        return merged;
    }

    private static String bundledText() {
        try (InputStream in = BenchmarkVocabularyLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUNDLED);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BUNDLED, e);
        }
    }

    /** The entries of one file, each with the line where it starts; duplicate spellings within the file warned. */
    static List<Benchmark> read(String text, String shown, Diagnostics diagnostics) {
        List<Benchmark> entries = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return entries;
            if (first != JsonToken.START_ARRAY) {
                diagnostics.error(SourcePosition.of(shown, p.getTokenLocation().getLineNr()),
                        "expected a list of benchmarks (- name: ..., task: ..., metrics: [...])");
                return entries;
            }
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                SourcePosition at = SourcePosition.of(shown, p.getTokenLocation().getLineNr());
                JsonNode node = YAML.readTree(p);
                Benchmark b = entry(node, at, diagnostics);
                if (b != null) entries.add(b);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            diagnostics.error(SourcePosition.of(shown, line), "invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
        }
        Map<String, Benchmark> owner = new HashMap<>();
        for (Benchmark b : entries) {
            for (String s : b.spellings()) {
                Benchmark other = owner.putIfAbsent(BenchmarkVocabulary.key(s), b);
                if (other != null && other != b) {
                    diagnostics.warning(b.origin(), "benchmark \"" + b.name() + "\": \"" + s + "\" already names \""
                            + other.name() + "\" (line " + other.origin().line() + "); lookups of it find \""
                            + other.name() + "\"");
                }
            }
        }
        return entries;
    }

    private static Benchmark entry(JsonNode node, SourcePosition at, Diagnostics diagnostics) {
        if (node == null || !node.isObject()) {
            diagnostics.error(at, "a benchmark must be a mapping with name, task and metrics; skipped");
            return null;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                diagnostics.warning(at, "unknown key '" + k
                        + "' (known: name, aliases, dataset, task, metrics, higherIsBetter, of, derivedFrom)");
            }
        });
        String name = text(node.get("name"));
        String task = text(node.get("task"));
        List<String> metrics = strings(node.get("metrics"));
        if (name.isEmpty() || task.isEmpty() || metrics.isEmpty()) {
            diagnostics.error(at, "benchmark \"" + name + "\": needs name, task and at least one metric; skipped");
            return null;
        }
        JsonNode aliasNode = node.get("aliases");
        if (aliasNode != null && !aliasNode.isArray() && !aliasNode.isNull()) {
            diagnostics.warning(at, "benchmark \"" + name + "\": aliases should be a list; read as one alias");
        }
        List<String> lowerIsBetter = new ArrayList<>();
        JsonNode hib = node.get("higherIsBetter");
        if (hib != null && !hib.isNull()) {
            if (!hib.isObject()) {
                diagnostics.warning(at, "benchmark \"" + name + "\": higherIsBetter should map metrics to true or"
                        + " false, e.g. {wer: false}; ignored");
            } else {
                hib.fields().forEachRemaining(e -> {
                    if (!e.getValue().isBoolean()) {
                        diagnostics.warning(at, "benchmark \"" + name + "\": higherIsBetter." + e.getKey()
                                + ": expected true or false, got \"" + e.getValue().asText() + "\"; ignored");
                    } else if (metrics.stream().noneMatch(m -> BenchmarkVocabulary.key(m)
                            .equals(BenchmarkVocabulary.key(e.getKey())))) {
                        diagnostics.warning(at, "benchmark \"" + name + "\": higherIsBetter names \"" + e.getKey()
                                + "\", which is not one of its metrics " + metrics);
                    } else if (!e.getValue().asBoolean()) {
                        lowerIsBetter.add(e.getKey());
                    }
                });
            }
        }
        return new Benchmark(name, strings(aliasNode), text(node.get("dataset")), task, metrics, lowerIsBetter,
                text(node.get("of")), text(node.get("derivedFrom")), at);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? "" : n.asText().strip();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            n.forEach(x -> {
                String s = text(x);
                if (!s.isEmpty()) out.add(s);
            });
        } else if (!text(n).isEmpty()) {
            out.add(text(n));
        }
        return out;
    }
}
