package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class IndentationTest {
    @Test
    void indentationAfterALineBreakGoes() {
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", Indentation.trim("<ul>\n  <li>a</li>\n\t<li>b</li>\n</ul>\n"));
    }

    @Test
    void aPageWithoutIndentationIsReturnedAsItIs() {
        String html = "<p>one\ntwo</p>";
        assertSame(html, Indentation.trim(html));
    }

    @Test
    void preformattedTextScriptsStylesAndTextareasKeepTheirSpaces() {
        String html = "<div>\n<pre class=\"x\"><code>a\n    b\n</code></pre>\n<PRE>\n  c</PRE>\n<textarea>\n  d</textarea>\n"
                + "<script type=\"application/json\">{\n  \"a\": 1}</script>\n<style>\n  p {}</style>\n</div>";
        assertEquals(html, Indentation.trim(html));
        assertEquals("<pre>\n  a</pre>\nb", Indentation.trim("<pre>\n  a</pre>\n  b"));
    }

    @Test
    void attributeValuesAndCommentsKeepTheirSpaces() {
        String html = "<p title=\"a\n   b > c\" data-x='\n  y'>t</p><!-- a\n   b -->";
        assertEquals(html, Indentation.trim(html));
    }

    @Test
    void elementsWhoseNameOnlyStartsLikeAKeptOneAreTrimmed() {
        assertEquals("<prefix>\na</prefix>", Indentation.trim("<prefix>\n  a</prefix>"));
    }

    @Test
    void anUnclosedPreKeepsTheRestOfThePage() {
        assertEquals("<pre>\n  a\n  b", Indentation.trim("<pre>\n  a\n  b"));
    }
}
