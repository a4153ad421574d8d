package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.BenchmarkVocabulary;
import io.modelcards.model.Block;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parse stage, second step: the parsed site → the typed site. Applies content/curated.yaml (name corrections,
 * benchmark aliases, results stated in prose), makes row ids unique on each model page, finds each model's
 * variants, checks stated deltas against the tables they compare with and reads its results.
 */
public final class SiteNormalizer {
    /** Ids the page uses itself; a row id never takes one. */
    private static final Set<String> PAGE_IDS = Set.of("main", "top", "facts", "facts-title", "toc", "contents", "content");

    public Site normalize(Site site, Diagnostics diagnostics) {
        // what the models' results repeat of each other is held once
        Interner interner = new Interner();
        return normalize(site, diagnostics, m -> interner, java.util.function.UnaryOperator.identity());
    }

    /**
     * Like {@link #normalize(Site, Diagnostics)}, with each model as {@code keep} holds it (see ModelCardParser#parse).
     * The models' results are not shared across models: {@code keep} holds each model's results on its own (encoded).
     */
    public Site normalize(Site site, Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep) {
        return normalize(site, diagnostics, m -> Interner.forOneModel(), keep);
    }

    private Site normalize(Site site, Diagnostics diagnostics, java.util.function.Function<Model, Interner> interners,
                           java.util.function.UnaryOperator<Model> keep) {
        // each model is normalized on its own: use every core, keep the order
        List<Model> models = curate(site.models(), site.curated(), diagnostics).parallelStream()
                .map(m -> keep.apply(type(m, site.curated().benchmarks(), interners.apply(m), diagnostics))).toList();
        return site.withModels(models);
    }

    /**
     * Whether content/curated.yaml changes any model (names, benchmark aliases, results); when it does not, the first
     * step keeps every model and each model can be typed alone as soon as it is parsed.
     */
    public static boolean curates(Curated curated) {
        return !(curated.corrections().isEmpty() && curated.aliases().isEmpty() && curated.results().isEmpty());
    }

    /** The first step, over the whole catalogue: content/curated.yaml applied; a model it does not change is kept. */
    public static List<Model> curate(List<Model> models, Curated curated, Diagnostics diagnostics) {
        return CuratedApplier.apply(models, curated, diagnostics);
    }

    /** The second step, on one model alone: unique row ids, variants, spreads, the delta check, results. */
    public static Model type(Model m, BenchmarkVocabulary vocabulary, Diagnostics diagnostics) {
        return type(m, vocabulary, Interner.forOneModel(), diagnostics);
    }

    static Model type(Model m, BenchmarkVocabulary vocabulary, Interner interner, Diagnostics diagnostics) {
        Model typed = m.withBlocks(uniqueRowIds(m.blocks()));
        typed = typed.withVariants(VariantExtractor.extract(typed));
        typed = Spreads.apply(typed);
        typed = DeltaChecker.check(typed, vocabulary, diagnostics);
        return typed.withResults(ResultExtractor.extract(typed, vocabulary, interner));
    }

    /** Row ids are unique per table; on the page they must not meet each other, a heading or a figure. */
    static List<Block> uniqueRowIds(List<Block> blocks) {
        Set<String> used = new HashSet<>(PAGE_IDS);
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) used.add(h.id());
            if (b instanceof Block.TableBlock t) {
                used.add(t.table().id());
                used.add("fig-" + t.table().id());
            }
        }
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!(b instanceof Block.TableBlock tb)) {
                out.add(b);
                continue;
            }
            Table t = tb.table();
            List<Row> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                String id = r.id();
                if (!used.add(id)) {
                    String base = id.startsWith(t.id() + "-") ? id : t.id() + "-" + id;
                    id = base;
                    for (int n = 2; !used.add(id); n++) id = base + "-" + n;
                }
                rows.add(new Row(id, r.group(), r.cells(), r.origin(), r.deltaBase()));
            }
            out.add(new Block.TableBlock(t.withRows(rows)));
        }
        return out;
    }
}
