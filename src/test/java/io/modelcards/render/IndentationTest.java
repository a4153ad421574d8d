package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndentationTest {
    /** The page trimmed, as text (the tests' pages have no lone surrogates, which UTF-8 cannot hold). */
    private static String trim(String html) {
        return new String(Indentation.trim(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
    @Test
    void indentationAfterALineBreakGoes() {
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", trim("<ul>\n  <li>a</li>\n\t<li>b</li>\n</ul>\n"));
    }

    @Test
    void aPageWithoutIndentationIsReturnedAsItIs() {
        byte[] page = "<p>one\ntwo</p>".getBytes(StandardCharsets.UTF_8);
        assertSame(page, Indentation.trim(page));
    }

    @Test
    void charactersOutsideAsciiAreKeptAndNamesMatchedAsStringsMatchThem() {
        assertEquals("<p>é\n😀 ü</p>\n<pre>\n  ä</pre>", trim("<p>é\n  😀 ü</p>\n<pre>\n  ä</pre>"));
        // "scrıpt" (dotless i) is "SCRIPT" in upper case, so String.regionMatches(true, …) reads it as script
        assertEquals("<scrıpt>\n  a</SCRİPT>\nb", trim("<scrıpt>\n  a</SCRİPT>\n  b"));
    }

    @Test
    void preformattedTextScriptsStylesAndTextareasKeepTheirSpaces() {
        String html = "<div>\n<pre class=\"x\"><code>a\n    b\n</code></pre>\n<PRE>\n  c</PRE>\n<textarea>\n  d</textarea>\n"
                + "<script type=\"application/json\">{\n  \"a\": 1}</script>\n<style>\n  p {}</style>\n</div>";
        assertEquals(html, trim(html));
        assertEquals("<pre>\n  a</pre>\nb", trim("<pre>\n  a</pre>\n  b"));
    }

    @Test
    void attributeValuesAndCommentsKeepTheirSpaces() {
        String html = "<p title=\"a\n   b > c\" data-x='\n  y'>t</p><!-- a\n   b -->";
        assertEquals(html, trim(html));
    }

    @Test
    void elementsWhoseNameOnlyStartsLikeAKeptOneAreTrimmed() {
        assertEquals("<prefix>\na</prefix>", trim("<prefix>\n  a</prefix>"));
    }

    @Test
    void anUnclosedPreKeepsTheRestOfThePage() {
        assertEquals("<pre>\n  a\n  b", trim("<pre>\n  a\n  b"));
    }

    @Test
    void readsGeneratedPagesAsTheCharacterByCharacterScanDid() {
        String[] pieces = {"<pre>", "</pre>", "<PRE class=\"x\">", "<script>", "</script >", "<style\n>", "</STYLE>",
                "<textarea>", "</textarea>", "<!--", "-->", "<p>", "</p>", "<a href=\"x>y\">", "<b title='a\"b'>", "<",
                ">", "\"", "'", "\n", "\n  ", "\n\t ", " ", "\t", "a", "text", "<pres>", "</pr", "<!-", "=", "/",
                // characters of two, three and four bytes, a lone surrogate (written as '?'), and ones that
                // String.regionMatches(true, …) matches with a kept element's letters (ſ is S, ı is I, İ is i)
                "é", "€", "😀", "\uD800", "ſ", "ı", "İ", "K", "<ſcript>", "</ſcript>", "<scrıpt>", "</SCRİPT>", "<tеxtarea>",
                "<stylé>", "<ſtyle>", "<pré>", "</prE", "<pre", "<sCript", "<textarea", "<style"};
        Random random = new Random(25);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) sb.append(pieces[random.nextInt(pieces.length)]);
            String html = sb.toString();
            assertArrayEquals(CharacterScan.trim(html).getBytes(StandardCharsets.UTF_8),
                    Indentation.trim(html.getBytes(StandardCharsets.UTF_8)), () -> "trim of " + html);
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
