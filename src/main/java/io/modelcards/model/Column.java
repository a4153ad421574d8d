package io.modelcards.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table column. {@code benchmark}/{@code metric} are read from headers such as
 * {@code VQAv2<br>OE VQA acc.}; {@code parts} names composite values (group/text/image);
 * {@code annotations} carry rows that describe columns rather than models.
 */
public record Column(String html, String text, String benchmark, String metric, List<String> parts,
                     Map<String, String> annotations) {
    public Column {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        benchmark = benchmark == null ? "" : benchmark;
        metric = metric == null ? "" : metric;
        parts = List.copyOf(parts);
        annotations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(annotations));
    }

    public static Column plain(String html, String text) {
        return new Column(html, text, "", "", List.of(), Map.of());
    }

    public Column withAnnotation(String key, String value) {
        var copy = new java.util.TreeMap<>(annotations);
        copy.put(key, value);
        return new Column(html, text, benchmark, metric, parts, copy);
    }
}
