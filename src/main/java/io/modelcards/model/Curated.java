package io.modelcards.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.modelcards.diag.SourcePosition;

/**
 * What content/curated.yaml adds to the cards without touching them: aliases (other names of a model,
 * benchmark or dataset), corrections of names as written, results that live only in prose (Hugging Face
 * model-index style), and link overrides that force or forbid a fix; with the benchmark vocabulary (bundled, and
 * content/benchmarks.yaml) that result extraction reads benchmark names with.
 */
public record Curated(Map<String, List<String>> aliases, Map<String, String> corrections, List<Result> results,
                      List<LinkOverride> linkOverrides, BenchmarkVocabulary benchmarks) {
    public static final Curated EMPTY = new Curated(Map.of(), Map.of(), List.of(), List.of());

    public Curated {
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        corrections = Collections.unmodifiableMap(new TreeMap<>(corrections));
        results = List.copyOf(results);
        linkOverrides = List.copyOf(linkOverrides);
        benchmarks = benchmarks == null ? BenchmarkVocabulary.EMPTY : benchmarks;
    }

    /** Without a benchmark vocabulary (benchmarks are then known by the names cards write). */
    public Curated(Map<String, List<String>> aliases, Map<String, String> corrections, List<Result> results,
                   List<LinkOverride> linkOverrides) {
        this(aliases, corrections, results, linkOverrides, BenchmarkVocabulary.EMPTY);
    }

    public Curated withBenchmarks(BenchmarkVocabulary vocabulary) {
        return new Curated(aliases, corrections, results, linkOverrides, vocabulary);
    }

    /**
     * A result stated in prose (or in a card's front matter {@code model-index}): model, task, dataset, metric,
     * value, where it is said.
     */
    public record Result(String model, String task, String dataset, String split, String metric, BigDecimal value,
                         String source, SourcePosition origin) {
        /** The {@code source} of a result read from a card's YAML front matter. */
        public static final String FRONT_MATTER = "front matter model-index";

        public Result {
            Objects.requireNonNull(model, "model");
            task = task == null ? "" : task;
            Objects.requireNonNull(dataset, "dataset");
            split = split == null ? "" : split;
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(value, "value");
            source = source == null ? "" : source;
            Objects.requireNonNull(origin, "origin");
        }

        /** Read from a card's front matter (not named isX: JSON writers would take it for a property). */
        public boolean fromFrontMatter() {
            return source.equals(FRONT_MATTER);
        }

        public Result withModel(String newModel) {
            return new Result(newModel, task, dataset, split, metric, value, source, origin);
        }
    }

    /**
     * A decision inference cannot make: {@code force} a link (matched by its href, optionally only on one
     * source line) to {@code to}, or {@code forbid} any automatic fix of that href.
     */
    public record LinkOverride(String action, String href, String to, int line, String why, SourcePosition origin) {
        public LinkOverride {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(href, "href");
            to = to == null ? "" : to;
            why = why == null ? "" : why;
            Objects.requireNonNull(origin, "origin");
        }

        public boolean isForce() {
            return action.equals("force");
        }
    }
}
