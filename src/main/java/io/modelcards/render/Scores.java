package io.modelcards.render;

import java.util.regex.Pattern;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scores of a model's tables, one per number under a benchmark column: who (the row's group), benchmark,
 * metric (with the part for group/text/image columns), settings (8 shots, fine-tune) and value. Shared by the
 * key facts and the model-index JSON.
 */
final class Scores {
    private Scores() {}

    private static final Pattern LOWER_IS_BETTER = Pattern.compile("\\b(wer|cer|error|loss|perplexity|ppl)\\b");

    /** {@code comparable}: false when the card notes under the column that the model's training data holds it. */
    record Score(String name, String benchmark, String metric, String settings, BigDecimal value, boolean comparable) {
        /** Error rates and losses are better when lower. */
        boolean lowerIsBetter() {
            return LOWER_IS_BETTER.matcher(metric.toLowerCase(Locale.ROOT)).find();
        }
    }

    static List<Score> of(Model m) {
        List<Score> scores = new ArrayList<>();
        for (Table t : m.tables()) {
            if (t.kind() != TableKind.BENCHMARK && t.kind() != TableKind.VARIANTS) continue;
            int first = t.firstBenchmarkColumn();
            if (first < 0) continue;
            for (Row r : t.rows()) {
                List<String> settings = new ArrayList<>();
                if (t.kind() == TableKind.BENCHMARK) {
                    for (int c = 1; c < first && c < r.cells().size(); c++) {
                        String s = setting(r.cells().get(c), t.columns().get(c).text());
                        if (!s.isEmpty()) settings.add(s);
                    }
                }
                for (int c = first; c < r.cells().size() && c < t.columns().size(); c++) {
                    Column col = t.columns().get(c);
                    if (col.benchmark().isEmpty()) continue;
                    add(scores, r.group(), col, settings, r.cells().get(c).value());
                }
            }
        }
        return scores;
    }

    private static void add(List<Score> scores, String name, Column col, List<String> settings, CellValue v) {
        boolean comparable = true;
        for (var note : col.annotations().entrySet()) {
            if (Leaderboards.Note.of(note.getKey(), note.getValue()).notComparable()) comparable = false;
        }
        if (v.wholeNumber() != null) {
            scores.add(new Score(name, col.benchmark(), col.metric(), String.join(", ", settings), v.wholeNumber(), comparable));
        } else if (v instanceof CellValue.Composite comp) {
            for (CellValue.Part p : comp.parts()) {
                List<String> s = new ArrayList<>(settings);
                String metric = col.metric();
                if (col.parts().contains(p.name())) metric = p.name();  // group/text/image: a metric each
                else s.add(p.name());                                  // zero-shot / fine-tune: a setting
                scores.add(new Score(name, col.benchmark(), metric, String.join(", ", s), p.value(), comparable));
            }
        }
    }

    /** "8" under "Shots" reads "8 shots"; a word such as "Random" stands for itself. */
    static String setting(Cell cell, String header) {
        if (cell.value() instanceof CellValue.Missing) return "";
        if (cell.value() instanceof CellValue.Number) return cell.text() + " " + header.toLowerCase(Locale.ROOT);
        return cell.text();
    }
}
