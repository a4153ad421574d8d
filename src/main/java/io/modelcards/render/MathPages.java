package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import java.util.List;

/**
 * Which pages have math, and the assets that typeset it: KaTeX ({@code vendor/katex/}, unpacked from its webjar at
 * build time) and {@code js/math.js}. A page with math loads them (layout.html, {@code math} variable); a site
 * none of whose pages has math does not get them at all.
 */
public final class MathPages {
    /** What parse writes around a formula's source: {@code <code class="math …">} or {@code <pre class="math …">}. */
    private static final String MARK = "class=\"math ";
    private static final String KATEX = "vendor/katex/";
    private static final String SCRIPT = "js/math.js";

    private MathPages() {}

    /** True when the model's page shows a formula (in prose, a list, a details summary or a table). */
    public static boolean hasMath(Model m) {
        for (Block b : m.blocks()) {
            if (b instanceof Block.Prose p && p.html().contains(MARK)) return true;
            if (b instanceof Block.ListBlock l && l.items().stream().anyMatch(i -> i.contains(MARK))) return true;
            if (b instanceof Block.DetailsStart d && d.summaryHtml().contains(MARK)) return true;
            if (b instanceof Block.TableBlock t && hasMath(t.table())) return true;
        }
        return false;
    }

    private static boolean hasMath(Table t) {
        for (Column c : t.columns()) if (c.html().contains(MARK)) return true;
        for (Row r : t.rows()) for (Cell c : r.cells()) if (c.html().contains(MARK)) return true;
        return false;
    }

    /** The site's assets, without the math ones when no page of the site has math. */
    public static List<OutputFile> assets(List<OutputFile> assets, Site site) {
        return assets(assets, site, MathPages::hasMath);
    }

    /** Like {@link #assets(List, Site)}, asking {@code hasMath} (serve keeps the answer per model). */
    public static List<OutputFile> assets(List<OutputFile> assets, Site site, java.util.function.Predicate<Model> hasMath) {
        if (site.models().stream().anyMatch(hasMath)) return assets;
        return assets.stream().filter(f -> !isMathAsset(f.path())).toList();
    }

    static boolean isMathAsset(String path) {
        return path.startsWith(KATEX) || path.equals(SCRIPT);
    }
}
