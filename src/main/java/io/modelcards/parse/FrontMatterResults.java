package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Column;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * The results of a file's front matter {@code model-index} → its models: each result goes to the model of the file
 * whose name matches the entry's name (else to the file's first model), into {@link Model#results()} and as a
 * typed benchmark table (Task, Dataset, Split, Metric, Value) at the end of the model's text.
 */
final class FrontMatterResults {
    static final String TABLE_ID = "model-index";
    private static final List<String> HEADERS = List.of("Task", "Dataset", "Split", "Metric", "Value");

    private FrontMatterResults() {}

    static List<Model> attach(List<Model> models, FrontMatter frontMatter, Diagnostics diagnostics) {
        if (models.isEmpty() || frontMatter.results().isEmpty()) return models;
        List<List<Curated.Result>> byModel = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) byModel.add(new ArrayList<>());
        for (Curated.Result r : frontMatter.results()) {
            int target = 0;
            for (int i = 0; i < models.size(); i++) {
                if (sameName(models.get(i).name(), r.model())) {
                    target = i;
                    break;
                }
            }
            byModel.get(target).add(r.withModel(models.get(target).name()));
        }
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            List<Curated.Result> results = byModel.get(i);
            if (results.isEmpty()) {
                out.add(m);
                continue;
            }
            List<Curated.Result> all = new ArrayList<>(m.results());
            all.addAll(results);
            out.add(m.withBlocks(withTable(m.blocks(), table(results, m.blocks()))).withResults(all));
        }
        return out;
    }

    /** "orca_mini_3b" names "Orca Mini 3B": names compare by their slugs. */
    private static boolean sameName(String a, String b) {
        return !b.isBlank() && Slugs.slug(a).equals(Slugs.slug(b));
    }

    /** The table goes after the model's text, before its footnotes (which end the section). */
    private static List<Block> withTable(List<Block> blocks, Table table) {
        List<Block> out = new ArrayList<>(blocks);
        int at = out.size();
        if (at > 0 && out.get(at - 1) instanceof Block.Prose p && Footnotes.isFootnotes(p.html())) at--;
        out.add(at, new Block.TableBlock(table));
        return out;
    }

    static Table table(List<Curated.Result> results, List<Block> blocks) {
        Set<String> used = new HashSet<>();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) used.add(h.id());
            if (b instanceof Block.TableBlock t) used.add(t.table().id());
        }
        String id = TABLE_ID;
        for (int n = 2; used.contains(id) || used.contains(id + "-r1"); n++) id = TABLE_ID + "-" + n;
        List<Column> columns = new ArrayList<>();
        for (String h : HEADERS) columns.add(Column.plain(h, h));
        List<Row> rows = new ArrayList<>();
        for (Curated.Result r : results) {
            List<Cell> cells = new ArrayList<>();
            for (String text : List.of(r.task(), r.dataset(), r.split(), r.metric(), r.value().toPlainString())) {
                cells.add(new Cell(text, Entities.escape(text), text, CellTyper.type(text, List.of()), List.of()));
            }
            rows.add(new Row(id + "-r" + (rows.size() + 1), "", cells, r.origin()));
        }
        SourcePosition origin = results.get(0).origin();
        return new Table(id, "Evaluation results (front matter model-index)", TableKind.BENCHMARK, columns, rows, origin);
    }
}
