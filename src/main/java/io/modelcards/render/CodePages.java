package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;

/**
 * Which pages have code for highlight.js to colour: a code block with a language, written as a block of the card
 * or inside its prose, lists or details ({@code <code class="language-…">}). Only those pages load highlight.js
 * and its two themes (layout.html, {@code code} variable): on the seed site it was three quarters of the bytes of
 * every first page load, for one page with code.
 */
final class CodePages {
    private static final String MARK = "class=\"language-";

    private CodePages() {}

    static boolean hasCode(Model m) {
        for (Block b : m.blocks()) {
            if (b instanceof Block.Code c && !c.language().isEmpty()) return true;
            if (b instanceof Block.Prose p && p.html().contains(MARK)) return true;
            if (b instanceof Block.ListBlock l && l.items().stream().anyMatch(i -> i.contains(MARK))) return true;
            if (b instanceof Block.DetailsStart d && d.summaryHtml().contains(MARK)) return true;
        }
        return false;
    }
}
