package io.modelcards.model;

import java.util.List;
import java.util.Map;

/** The Hugging Face model-card fields of a file's YAML front matter; {@code other} keeps the rest as text. */
public record FrontMatter(String license, List<String> tags, List<String> datasets, List<String> baseModels,
                          String pipelineTag, Map<String, String> other) {
    public static final FrontMatter EMPTY = new FrontMatter("", List.of(), List.of(), List.of(), "", Map.of());

    public FrontMatter {
        license = license == null ? "" : license;
        tags = List.copyOf(tags);
        datasets = List.copyOf(datasets);
        baseModels = List.copyOf(baseModels);
        pipelineTag = pipelineTag == null ? "" : pipelineTag;
        other = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(other));
    }

    public boolean isEmpty() {
        return license.isEmpty() && tags.isEmpty() && datasets.isEmpty() && baseModels.isEmpty()
                && pipelineTag.isEmpty() && other.isEmpty();
    }
}
