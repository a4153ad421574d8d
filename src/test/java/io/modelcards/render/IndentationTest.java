package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
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

    @Test
    void readsGeneratedPagesAsTheCharacterByCharacterScanDid() {
        String[] pieces = {"<pre>", "</pre>", "<PRE class=\"x\">", "<script>", "</script >", "<style\n>", "</STYLE>",
                "<textarea>", "</textarea>", "<!--", "-->", "<p>", "</p>", "<a href=\"x>y\">", "<b title='a\"b'>", "<",
                ">", "\"", "'", "\n", "\n  ", "\n\t ", " ", "\t", "a", "text", "<pres>", "</pr", "<!-", "=", "/"};
        Random random = new Random(24);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) sb.append(pieces[random.nextInt(pieces.length)]);
            String html = sb.toString();
            assertEquals(CharacterScan.trim(html), Indentation.trim(html), () -> "trim of " + html);
        }
    }

    /** The scan Indentation made before it looked for characters with indexOf, one character at a time: the reference. */
    private static final class CharacterScan {
        private static final String[] KEPT = {"pre", "textarea", "script", "style"};

        private CharacterScan() {}

        static String trim(String html) {
            int n = html.length();
            StringBuilder out = null;
            int copied = 0;
            int i = 0;
            while (i < n) {
                char c = html.charAt(i);
                if (c == '<') {
                    String kept = keptElement(html, i);
                    int end = tagEnd(html, i);
                    if (kept != null) end = closeOf(html, end, kept);
                    i = end;
                } else if (c == '\n') {
                    int j = i + 1;
                    while (j < n && (html.charAt(j) == ' ' || html.charAt(j) == '\t')) j++;
                    if (j > i + 1) {
                        if (out == null) out = new StringBuilder(n);
                        out.append(html, copied, i + 1);
                        copied = j;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            if (out == null) return html;
            return out.append(html, copied, n).toString();
        }

        /** The name of the kept element whose start tag begins at {@code at}, or null. */
        private static String keptElement(String html, int at) {
            // most tags are none of them: told by their first letter (p, t, s) before any name is compared
            char first = at + 1 < html.length() ? (char) (html.charAt(at + 1) | 0x20) : 0;
            if (first != 'p' && first != 't' && first != 's') return null;
            for (String name : KEPT) {
                int end = at + 1 + name.length();
                if (html.regionMatches(true, at + 1, name, 0, name.length()) && end < html.length()) {
                    char after = html.charAt(end);
                    if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '/') return name;
                }
            }
            return null;
        }

        /** The index after the tag that starts at {@code at}, quoted attribute values skipped; a comment as a whole. */
        private static int tagEnd(String html, int at) {
            if (html.startsWith("<!--", at)) {
                int close = html.indexOf("-->", at + 4);
                return close < 0 ? html.length() : close + 3;
            }
            char quote = 0;
            for (int i = at + 1; i < html.length(); i++) {
                char c = html.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return html.length();
        }

        /** The index after the end tag of {@code name} at or after {@code from} (nesting of pre in pre is not HTML). */
        private static int closeOf(String html, int from, String name) {
            for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
                if (html.regionMatches(true, i + 2, name, 0, name.length())) return tagEnd(html, i);
            }
            return html.length();
        }
    }
}
