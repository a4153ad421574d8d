package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Column;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies content/curated.yaml on top of the parsed cards, leaving the cards' text as written: corrections of
 * model names (reported), aliases of benchmark names (Column.benchmark becomes the canonical name, the header
 * text stays; a real renaming is reported), and results stated only in prose (attached to the model they name, or
 * as a comparison to the model whose text states them).
 */
final class CuratedApplier {
    private CuratedApplier() {}

    static List<Model> apply(List<Model> models, Curated curated, Diagnostics diagnostics) {
        if (!SiteNormalizer.curates(curated)) return models;
        List<Model> out = correctNames(models, curated, diagnostics);
        Map<String, String> canonical = canonicalNames(curated);
        List<Model> aliased = new ArrayList<>();
        for (Model m : out) {
            List<Block> blocks = canonicalBenchmarks(m, canonical, diagnostics);
            aliased.add(blocks == m.blocks() ? m : m.withBlocks(blocks));
        }
        return attachResults(aliased, curated, canonical, diagnostics);
    }

    private static List<Model> correctNames(List<Model> models, Curated curated, Diagnostics diagnostics) {
        Set<String> slugs = new HashSet<>();
        for (Model m : models) slugs.add(m.slug());
        List<Model> out = new ArrayList<>();
        for (Model m : models) {
            String corrected = curated.corrections().get(m.name());
            if (corrected == null || corrected.equals(m.name())) {
                out.add(m);
                continue;
            }
            String base = Slugs.slug(corrected);
            String slug = base;
            for (int i = 2; !slug.equals(m.slug()) && slugs.contains(slug); i++) slug = base + "-" + i;
            slugs.add(slug);
            diagnostics.warning(m.origin(), "name \"" + m.name() + "\" corrected to \"" + corrected + "\" ("
                    + curatedFile(m) + ")");
            out.add(m.withName(corrected, slug));
        }
        return out;
    }

    /** Lower-case alias (and canonical name) → canonical name. */
    static Map<String, String> canonicalNames(Curated curated) {
        Map<String, String> canonical = new TreeMap<>();
        curated.aliases().forEach((name, aliases) -> {
            canonical.put(name.toLowerCase(Locale.ROOT), name);
            for (String a : aliases) canonical.putIfAbsent(a.toLowerCase(Locale.ROOT), name);
        });
        return canonical;
    }

    /** The model's blocks with canonical benchmark names; the very same list when no name changes. */
    private static List<Block> canonicalBenchmarks(Model m, Map<String, String> canonical, Diagnostics diagnostics) {
        List<Block> blocks = new ArrayList<>();
        boolean renamed = false;
        for (Block b : m.blocks()) {
            if (!(b instanceof Block.TableBlock tb)) {
                blocks.add(b);
                continue;
            }
            Table t = tb.table();
            List<Column> columns = new ArrayList<>();
            boolean tableRenamed = false;
            for (Column c : t.columns()) {
                String name = canonical.get(c.benchmark().toLowerCase(Locale.ROOT));
                if (c.benchmark().isEmpty() || name == null || name.equals(c.benchmark())) {
                    columns.add(c);
                    continue;
                }
                if (!Slugs.slug(name).replace("-", "").equals(Slugs.slug(c.benchmark()).replace("-", ""))) {
                    diagnostics.warning(t.origin(), "benchmark \"" + c.benchmark() + "\" read as \"" + name
                            + "\" (alias in " + curatedFile(m) + ")");
                }
                columns.add(new Column(c.html(), c.text(), name, c.metric(), c.parts(), c.annotations(), c.better()));
                tableRenamed = true;
            }
            blocks.add(tableRenamed ? new Block.TableBlock(t.withColumns(columns)) : b);
            renamed |= tableRenamed;
        }
        return renamed ? blocks : m.blocks();
    }

    private static List<Model> attachResults(List<Model> models, Curated curated, Map<String, String> canonical,
                                             Diagnostics diagnostics) {
        List<List<Result>> attached = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) attached.add(new ArrayList<>());
        for (Curated.Result r : curated.results()) {
            int target = byName(models, r.model(), canonical);
            if (target < 0) target = byText(models, r.source());
            if (target < 0 && !r.model().isBlank()) target = byText(models, r.model());
            if (target < 0) {
                diagnostics.warning(r.origin(), "result of \"" + r.model() + "\" (" + r.dataset() + " " + r.metric()
                        + " " + r.value().toPlainString() + ") names no model of the catalogue and no card states it");
                continue;
            }
            if (!r.source().isBlank() && !proseText(models.get(target)).contains(squeeze(r.source()))) {
                diagnostics.warning(r.origin(), "the quoted source of this result is not in the text of \""
                        + models.get(target).name() + "\"");
            }
            Model m = models.get(target);
            boolean own = r.model().isBlank() || byName(List.of(m), r.model(), canonical) == 0;
            attached.get(target).add(DeclaredResults.of(r, Result.Kind.CURATED, own ? "" : r.model(), !own));
        }
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            if (attached.get(i).isEmpty()) {
                out.add(m);
                continue;
            }
            List<Result> all = new ArrayList<>(m.results()); // the card's own model-index results first
            all.addAll(attached.get(i));
            out.add(m.withResults(all));
        }
        return out;
    }

    private static int byName(List<Model> models, String name, Map<String, String> canonical) {
        String wanted = canonical.getOrDefault(name.toLowerCase(Locale.ROOT), name).toLowerCase(Locale.ROOT);
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            for (String n : List.of(m.name(), m.heading())) {
                String c = canonical.getOrDefault(n.toLowerCase(Locale.ROOT), n).toLowerCase(Locale.ROOT);
                if (c.equals(wanted)) return i;
            }
        }
        return -1;
    }

    private static int byText(List<Model> models, String quote) {
        String q = squeeze(quote);
        if (q.isEmpty()) return -1;
        for (int i = 0; i < models.size(); i++) if (proseText(models.get(i)).contains(q)) return i;
        return -1;
    }

    private static String proseText(Model m) {
        StringBuilder sb = new StringBuilder();
        for (Block b : m.blocks()) if (b instanceof Block.Prose p) sb.append(p.text()).append(' ');
        return squeeze(sb.toString());
    }

    private static String squeeze(String s) {
        return Spaces.collapse(s);
    }

    /** content/curated.yaml, beside the model's file. */
    static String curatedFile(Model m) {
        String path = m.origin().path();
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + "curated.yaml";
    }
}
