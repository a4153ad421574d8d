package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Render, for serve: whether a model made again from its edited file gives the catalogue-wide pages what the model
 * before it gave. Those pages (catalogue, benchmarks and datasets, leaderboards, search index, models.json,
 * sitemap, the other models' related lists and ranks) read of a model its names, front matter, summary, variants,
 * results, tables, headings and links, whether it has math, and the names of benchmarks and datasets its text
 * mentions. When all of these are equal, only the model's own page can differ, and serve renders that page alone
 * instead of the whole catalogue (a prose edit at 10,000 cards). Equal here means equal as values, positions in
 * the file included, so an edit that moves a table down a line takes the whole render.
 */
public final class CatalogueInputs {
    private CatalogueInputs() {}

    /** True when the catalogue-wide pages made with {@code after} in place of {@code before} are the same. */
    public static boolean same(Model before, Model after, RenderCache cache) {
        if (before == after) return true;
        if (!before.slug().equals(after.slug()) || !before.id().equals(after.id()) || !before.name().equals(after.name())
                || !before.heading().equals(after.heading()) || !before.origin().equals(after.origin())
                || !before.summary().equals(after.summary()) || !before.frontMatter().equals(after.frontMatter())
                || !before.variants().equals(after.variants()) || !before.results().equals(after.results())
                || !before.links().equals(after.links())) {
            return false;
        }
        if (!structure(before).equals(structure(after))) return false;
        if (MathPages.hasMath(before) != MathPages.hasMath(after)) return false;
        if (!RelatedModels.linkedPages(before).equals(RelatedModels.linkedPages(after))) return false;
        if (!Cards.of(before).equals(Cards.of(after))) return false;
        if (!SearchIndex.entries(before).equals(SearchIndex.entries(after))) return false;
        TopicNames known = cache.topics.known();
        return known == null || Topics.namesInText(before, known).equals(Topics.namesInText(after, known));
    }

    /** The blocks other than prose, lists and code (headings, tables, details): as values. */
    private static List<Block> structure(Model m) {
        List<Block> kept = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (!(b instanceof Block.Prose) && !(b instanceof Block.ListBlock) && !(b instanceof Block.Code)) kept.add(b);
        }
        return kept;
    }
}
