package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list item names a variant in a code span before its colon; an item without one is not read as HTML. */
class VariantListTest {
    @Test
    void findsCodeTagsInAnyCase() {
        assertTrue(VariantExtractor.hasCode("<code>vit_h</code>: <a href=\"u\">ViT-H</a>"));
        assertTrue(VariantExtractor.hasCode("x <CODE>vit_h</CODE>"));
        assertFalse(VariantExtractor.hasCode("<a href=\"https://h.co/m\">Model 7B</a>: 7B parameters"));
        assertFalse(VariantExtractor.hasCode("&lt;code&gt; is escaped"));
    }

    @Test
    void readsVariantsOfListItemsWithCodeOnly() {
        SourcePosition at = SourcePosition.of("card.md", 3);
        Block.ListBlock list = new Block.ListBlock(false, List.of(
                "<code>vit_h</code>: <a href=\"https://x.org/h.pth\">ViT-H model.</a>",
                "<a href=\"https://h.co/m-7b\">M 7B</a>: 7B parameters, bf16 weights"), at, List.of(3, 4));
        Model m = new Model("m", "M", null, at, "", null, List.of(list), List.of(), List.of());
        List<String> names = VariantExtractor.extract(m).stream().map(Variant::name).toList();
        assertEquals(List.of("vit_h"), names);
    }
}
