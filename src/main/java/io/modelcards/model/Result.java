package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One result a card reports: {@code value} of {@code metric} on {@code benchmark}, under {@code setting} (shots,
 * split, language, CoT…), scored by {@code variant} (the model, one of its variants, or, when {@code baseline}, another
 * model the card compares with). {@code benchmark} is the vocabulary's canonical name when {@code known}, else the
 * header text as written. {@code printed} is the value as the card prints it (a model-index value: as the YAML
 * writes it). Every result says where it comes from: one {@link Origin} per place that states it (a table cell, a
 * list item, the front matter model-index, a Hub {@code .eval_results} file, content/curated.yaml), the first one
 * being the place shown.
 */
public record Result(String benchmark, boolean known, String dataset, String task, String metric, BigDecimal value,
                     String printed, String setting, String variant, boolean baseline, List<Origin> origins) {
    public Result {
        // a catalogue states a million results in a few hundred benchmarks, metrics, settings and variants (and a
        // few thousand printed values): each text is held once (String.intern: the JVM's table, which lets go of
        // a text no one holds any more; through Texts, which keeps the texts interned last)
        benchmark = Texts.intern(Objects.requireNonNull(benchmark, "benchmark"));
        dataset = dataset == null ? "" : Texts.intern(dataset);
        task = task == null ? "" : Texts.intern(task);
        metric = metric == null ? "" : Texts.intern(metric);
        Objects.requireNonNull(value, "value");
        printed = Texts.intern(printed == null || printed.isBlank() ? value.toPlainString() : printed);
        setting = setting == null ? "" : Texts.intern(setting);
        variant = variant == null ? "" : Texts.intern(variant);
        origins = List.copyOf(origins);
        if (origins.isEmpty()) throw new IllegalArgumentException("a result needs an origin");
    }

    /** Where a result is stated. */
    public enum Kind {
        TABLE, LIST, PROSE, MODEL_INDEX, EVAL_RESULTS, CURATED;

        /** As written in models.json and on pages: "table", "model-index", "eval-results"… */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Read from the card's text (a value printed in it), rather than declared in data beside it. */
        public boolean isPrinted() {
            return this == TABLE || this == LIST || this == PROSE;
        }
    }

    /**
     * One place stating a result: {@code source} is its file and line; for a table cell, {@code table} and {@code row}
     * are the ids the page gives them and {@code column} the grid column (else "" and -1); {@code headers} are the
     * row and column header texts (or the sentence and list label) that made the result; {@code text} is the text of
     * the cell or list item as written.
     */
    public record Origin(Kind kind, SourcePosition source, String table, String row, int column, List<String> headers,
                         String text) {
        public Origin {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            table = table == null ? "" : table;
            row = row == null ? "" : row;
            headers = List.copyOf(headers);
            text = text == null ? "" : text;
        }

        /** A place outside tables (a list item, model-index, an .eval_results file, curated.yaml). */
        public static Origin at(Kind kind, SourcePosition source, List<String> headers, String text) {
            return new Origin(kind, source, "", "", -1, headers, text);
        }
    }

    /** Where the result is shown from: its first origin. */
    public SourcePosition source() {
        return origins.get(0).source();
    }

    public boolean hasOrigin(Kind kind) {
        for (Origin o : origins) if (o.kind() == kind) return true;
        return false;
    }

    /** This result, also stated at {@code more} (kept in order, each place once). */
    public Result withOrigins(List<Origin> more) {
        List<Origin> all = new ArrayList<>(origins);
        for (Origin o : more) if (!all.contains(o)) all.add(o);
        return new Result(benchmark, known, dataset, task, metric, value, printed, setting, variant, baseline, all);
    }
}
