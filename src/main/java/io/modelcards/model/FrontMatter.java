package io.modelcards.model;

import java.util.List;
import java.util.Map;

/**
 * The Hugging Face model-card fields of a file's YAML front matter; {@code results} are the typed results of its
 * {@code model-index} block (their {@code model} is the entry's name as written); {@code other} keeps the rest
 * as text; {@code modelIndexName} is the name of its first {@code model-index} entry ("" without one);
 * {@code languages} the Hub's {@code language} (one code or a list).
 */
public record FrontMatter(String license, List<String> tags, List<String> datasets, List<String> baseModels,
                          String pipelineTag, List<Curated.Result> results, Map<String, String> other,
                          String modelIndexName, List<String> languages) {
    public static final FrontMatter EMPTY = new FrontMatter("", List.of(), List.of(), List.of(), "", Map.of());

    public FrontMatter(String license, List<String> tags, List<String> datasets, List<String> baseModels,
                       String pipelineTag, List<Curated.Result> results, Map<String, String> other,
                       String modelIndexName) {
        this(license, tags, datasets, baseModels, pipelineTag, results, other, modelIndexName, List.of());
    }

    public FrontMatter(String license, List<String> tags, List<String> datasets, List<String> baseModels,
                       String pipelineTag, List<Curated.Result> results, Map<String, String> other) {
        this(license, tags, datasets, baseModels, pipelineTag, results, other, "");
    }

    public FrontMatter(String license, List<String> tags, List<String> datasets, List<String> baseModels,
                       String pipelineTag, Map<String, String> other) {
        this(license, tags, datasets, baseModels, pipelineTag, List.of(), other);
    }

    public FrontMatter {
        license = license == null ? "" : license;
        tags = List.copyOf(tags);
        datasets = List.copyOf(datasets);
        baseModels = List.copyOf(baseModels);
        pipelineTag = pipelineTag == null ? "" : pipelineTag;
        results = List.copyOf(results);
        other = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(other));
        modelIndexName = modelIndexName == null ? "" : modelIndexName.strip();
        languages = List.copyOf(languages);
    }

    public boolean isEmpty() {
        return license.isEmpty() && tags.isEmpty() && datasets.isEmpty() && baseModels.isEmpty()
                && pipelineTag.isEmpty() && results.isEmpty() && other.isEmpty() && modelIndexName.isEmpty()
                && languages.isEmpty();
    }
}
