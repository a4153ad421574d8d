package io.modelcards.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table column. {@code benchmark}/{@code metric} are read from headers such as
 * {@code VQAv2<br>OE VQA acc.}; {@code parts} names composite values (group/text/image);
 * {@code annotations} carry rows that describe columns rather than models. {@code better} is "higher" or "lower"
 * when the page needs to know which way a change is an improvement (a column with stated changes) and the
 * benchmark vocabulary or the metric says; else "".
 */
public record Column(String html, String text, String benchmark, String metric, List<String> parts,
                     Map<String, String> annotations, String better) {
    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";

    public Column {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        benchmark = benchmark == null ? "" : benchmark;
        metric = metric == null ? "" : metric;
        parts = List.copyOf(parts);
        // most columns have no annotations: one shared empty map, not a tree map and its view per column (240,000
        // columns at 10,000 cards)
        annotations = annotations.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(annotations));
        better = better == null ? "" : better;
    }

    public Column(String html, String text, String benchmark, String metric, List<String> parts,
                  Map<String, String> annotations) {
        this(html, text, benchmark, metric, parts, annotations, "");
    }

    public static Column plain(String html, String text) {
        return new Column(html, text, "", "", List.of(), Map.of());
    }

    public Column withAnnotation(String key, String value) {
        var copy = new java.util.TreeMap<>(annotations);
        copy.put(key, value);
        return new Column(html, text, benchmark, metric, parts, copy, better);
    }

    public Column withBetter(String direction) {
        return new Column(html, text, benchmark, metric, parts, annotations, direction);
    }
}
