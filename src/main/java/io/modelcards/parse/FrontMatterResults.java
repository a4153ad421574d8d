package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.List;


/**
 * The results of a file's front matter {@code model-index} → its models: each result goes to the model of the file
 * whose name matches the entry's name (else to the file's first model), into {@link Model#results()} with the origin
 * {@code model-index}; then those of the Hub's {@code .eval_results} files beside it, to its first model, with the
 * origin {@code eval-results}. The model page shows them in its Results table, with those read from the card's text.
 */
final class FrontMatterResults {
    private FrontMatterResults() {}

    static List<Model> attach(List<Model> models, SourceFile file, Diagnostics diagnostics) {
        FrontMatter frontMatter = file.frontMatter();
        if (models.isEmpty() || frontMatter.results().isEmpty() && file.evalResults().isEmpty()) return models;
        List<List<Result>> byModel = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) byModel.add(new ArrayList<>());
        for (Curated.Result r : frontMatter.results()) {
            int target = 0;
            for (int i = 0; i < models.size(); i++) {
                if (sameName(models.get(i).name(), r.model())) {
                    target = i;
                    break;
                }
            }
            byModel.get(target).add(DeclaredResults.of(r, Result.Kind.MODEL_INDEX, "", false));
        }
        for (Curated.Result r : file.evalResults()) {
            byModel.get(0).add(DeclaredResults.of(r, Result.Kind.EVAL_RESULTS, "", false));
        }
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            List<Result> results = byModel.get(i);
            if (results.isEmpty()) {
                out.add(m);
                continue;
            }
            List<Result> all = new ArrayList<>(m.results());
            all.addAll(results);
            out.add(m.withResults(all));
        }
        return out;
    }

    /** "orca_mini_3b" names "Orca Mini 3B": names compare by their slugs. */
    private static boolean sameName(String a, String b) {
        return !b.isBlank() && Slugs.slug(a).equals(Slugs.slug(b));
    }
}
