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

    @Test
    void rewritingAsksForEachAnchorsHrefOnceInOrder() {
        for (String html : java.util.List.of(
                "<p>See <a href=\"https://a.org/x?a=1&amp;b=2\">x</a>, <em>and</em> <a href=\"#y\">y</a>.</p>",
                "<a href=\"u\"><code>u</code></a> and <a name=\"n\">no href</a> and <a href=\"v\" title=\"t\">v</a>",
                "<div><a href=\"u\">in a block</a></div><p><a href=\"w\">w</a></p>",
                "<a href=\"u\"><a href=\"v\">nested</a></a>")) {
            java.util.List<String> asked = new java.util.ArrayList<>();
            assertSame(html, HtmlLinks.rewriteHrefs(html, h -> {
                asked.add(h);
                return null;
            }), "unchanged: no parse, no copy");
            java.util.List<String> hrefs = org.jsoup.Jsoup.parseBodyFragment(html).select("a[href]").eachAttr("href");
            assertEquals(hrefs, asked, () -> "asked for " + html);
            // a change: each href asked once still, the changed one written, the others as they were
            java.util.List<String> again = new java.util.ArrayList<>();
            String changed = HtmlLinks.rewriteHrefs(html, h -> {
                again.add(h);
                return h.equals(hrefs.get(0)) ? "https://fixed.org/" : null;
            });
            assertEquals(hrefs, again, () -> "asked once each for " + html);
            java.util.List<String> written = org.jsoup.Jsoup.parseBodyFragment(changed).select("a[href]").eachAttr("href");
            assertEquals("https://fixed.org/", written.get(0));
            assertEquals(hrefs.subList(1, hrefs.size()), written.subList(1, written.size()));
        }
    }
}
