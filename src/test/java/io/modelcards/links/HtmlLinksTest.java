package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Anchors are left as the card wrote them, except that one opening another window cannot reach this page. */
class HtmlLinksTest {
    @Test
    void aPlainLinkIsLeftAsItIs() {
        String html = "<a href=\"https://a.org/x\">Link</a>";
        assertSame(html, HtmlLinks.guardNewWindows(html), "no parse, no copy");
        String relative = "see <a href=\"../y/index.html\">y</a>";
        assertSame(relative, HtmlLinks.guardNewWindows(relative));
    }

    @Test
    void anAnchorWithATargetGetsNoopenerNoreferrer() {
        assertEquals("<a href=\"https://a.org/x\" target=\"_blank\" rel=\"noopener noreferrer\">Link</a> and <a href=\"https://b.org\">b</a>",
                HtmlLinks.guardNewWindows("<a href=\"https://a.org/x\" target=\"_blank\">Link</a> and <a href=\"https://b.org\">b</a>"));
        assertEquals("<a href=\"https://a.org/x\" target=\"w\" rel=\"noopener noreferrer\">Link</a>",
                HtmlLinks.guardNewWindows("<a href=\"https://a.org/x\" target=\"w\" rel=\"opener\">Link</a>"),
                "the card's own rel is replaced");
        String guarded = "<a href=\"https://a.org/x\" target=\"_blank\" rel=\"noopener noreferrer\">Link</a>";
        assertSame(guarded, HtmlLinks.guardNewWindows(guarded), "already guarded: unchanged");
        String text = "a target audience";
        assertSame(text, HtmlLinks.guardNewWindows(text));
    }
}
