package io.modelcards.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The hrefs of an HTML fragment's anchors, in order, as jsoup's {@code select("a[href]")} gives them (each unescaped),
 * read without building a document where {@link InlineFragment} can read the fragment (most prose paragraphs and list
 * items of a card); else null, and the caller asks jsoup. For the links stage, which looks at every link of every
 * paragraph and changes few.
 */
public final class AnchorHrefs {
    private AnchorHrefs() {}

    /** The hrefs of {@code html}'s anchors, or null when it is not a fragment {@link InlineFragment} reads. */
    public static List<String> of(String html) {
        InlineFragment fragment = InlineFragment.of(html);
        if (fragment == null) return null;
        List<String> hrefs = new ArrayList<>(fragment.anchors().size());
        for (InlineFragment.Anchor a : fragment.anchors()) hrefs.add(a.href());
        return hrefs;
    }
}
