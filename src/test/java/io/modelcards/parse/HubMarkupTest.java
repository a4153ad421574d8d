package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the Hub renders, on excerpts of real cards (src/test/resources/io/modelcards/parse/hub/, each naming the
 * card and lines it was copied from): math, emoji shortcodes, task lists, doc-builder tags.
 */
class HubMarkupTest {
    private static final Path HUB = Path.of("src/test/resources/io/modelcards/parse/hub");

    private static Model card(String file, Diagnostics d) {
        try {
            String text = Files.readString(HUB.resolve(file), StandardCharsets.UTF_8);
            List<Model> models = TestContent.parse("content/" + file, text, d);
            assertEquals(1, models.size(), file);
            return models.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model text(String markdown, Diagnostics d) {
        List<Model> models = TestContent.parse("content/m.md", markdown, d);
        assertEquals(1, models.size());
        return models.get(0);
    }

    private static String html(Model m) {
        return m.blocks().stream().map(b -> b instanceof Block.Prose p ? p.html()
                : b instanceof Block.ListBlock l ? String.join("\n", l.items()) : "").collect(Collectors.joining("\n"));
    }

    @Nested
    @DisplayName("math")
    class Math {
        @Test
        void doubleBackslashParenthesesAreInlineMath() {
            var d = new Diagnostics();
            String html = html(card("bert-base-uncased.md", d));
            assertTrue(html.contains("<code class=\"math math-inline\">\\\\(\\beta_{1} = 0.9\\\\)</code> and "
                    + "<code class=\"math math-inline\">\\\\(\\beta_{2} = 0.999\\\\)</code>"), html);
            assertTrue(d.all().isEmpty(), d.all().toString());
        }

        @Test
        void displayDollarsAndInlineParenthesesInOneCard() {
            var d = new Diagnostics();
            String html = html(card("distilcamembert-base-sentiment.md", d));
            assertTrue(html.contains("<pre class=\"math math-display\">$$\\mathrm{top\\!-\\!2\\; acc}=\\frac{1}{|\\mathcal{O}|}"
                    + "\\sum_{i\\in\\mathcal{O}}\\sum_{0\\leq l &lt; 2}\\mathbb{1}(\\hat{f}_{i,l}=y_i)$$</pre>"), html);
            assertTrue(html.contains("where <code class=\"math math-inline\">\\\\(\\hat{f}_l\\\\)</code> is the l-th"), html);
            assertTrue(html.contains("<code class=\"math math-inline\">\\\\(\\mathbb{1}\\\\)</code> is the indicator"), html);
            assertTrue(d.all().isEmpty(), d.all().toString());
        }

        @Test
        void mathInTableHeadersAndListItems() {
            var d = new Diagnostics();
            Model m = card("LongLM-base.md", d);
            var table = m.tables().get(0);
            assertEquals("<code class=\"math math-inline\">$d_m$</code>", table.columns().get(1).html());
            assertEquals("<code class=\"math math-inline\">$n_e/n_d$</code>", table.columns().get(5).html());
            assertTrue(html(m).contains("<code class=\"math math-inline\">$d_{ff}$</code>: the dimension of feed forward"),
                    html(m));
        }

        @Test
        void escapedBracketsStayText() {
            var d = new Diagnostics();
            String html = html(card("rubert-base-cased.md", d));
            assertFalse(html.contains("math"), html);
            assertTrue(html.contains("RuBERT (Russian, cased, 12‑layer, 768‑hidden, 12‑heads, 180M parameters) was"), html);
            assertTrue(html.contains("[1]: Kuratov, Y., Arkhipov, M. (2019)."), html);
            assertTrue(html.contains("2104.08671 \\[cs.CL\\]</a>"), html + " (an arXiv category in a link is not display math)");
        }

        @Test
        void pricesAreNotMath() {
            String html = html(card("prices.md", new Diagnostics()));
            assertFalse(html.contains("math"), html);
            assertTrue(html.contains("[$0, $2]"), html);
            assertTrue(html.contains("$0.94/$4.69 (USD)"), html);
            assertTrue(html.contains("a $50,000 or even $150,000 a year deal"), html);
        }

        @Test
        void displayBracketsOnTheirOwnLines() {
            Model m = text("# M\n\nThe loss:\n\n\\\\[\nL = -\\sum_i y_i \\log p_i\n\\\\]\n\nand `\\\\(x\\\\)` in code.\n",
                    new Diagnostics());
            String html = html(m);
            assertTrue(html.contains("<pre class=\"math math-display\">\\\\[\nL = -\\sum_i y_i \\log p_i\n\\\\]</pre>"), html);
            assertTrue(html.contains("<code>\\\\(x\\\\)</code> in code"), html + " (no math inside code)");
        }
    }

    @Nested
    @DisplayName("emoji shortcodes")
    class Emoji {
        @Test
        void githubAndHubShortcodesBecomeUnicode() {
            var d = new Diagnostics();
            Model m = card("emoji.md", d);
            String html = html(m);
            assertTrue(html.startsWith("<p>\u26A0\uFE0F <em>You may want to use the"), html);
            assertTrue(html.contains("performance</em> \u26A0\uFE0F</p>"), html);
            assertTrue(html.contains("converted to \uD83E\uDD17 format."), html);
            assertTrue(d.all().isEmpty(), d.all().toString());
            Block.Heading heading = (Block.Heading) m.blocks().get(m.blocks().size() - 1);
            assertEquals("How to use \uD83E\uDD17", heading.text(), "HooshvareLab's heading");
        }

        @Test
        void notInCodeOrAddressesAndUnknownOnesStay() {
            Model m = text("# M\n\n:rocket: fast, `:rocket:` and :no_such_emoji: at "
                    + "[docs](https://example.com/a:rocket:b) or https://example.com/x:rocket:y\n\n```\n:rocket:\n```\n",
                    new Diagnostics());
            String html = html(m);
            assertTrue(html.startsWith("<p>\uD83D\uDE80 fast, <code>:rocket:</code> and :no_such_emoji: at "), html);
            assertTrue(html.contains("href=\"https://example.com/a:rocket:b\""), html);
            assertTrue(html.contains("https://example.com/x:rocket:y"), html);
            assertEquals(":rocket:\n", m.codeBlocks().get(0).code());
        }
    }

    @Nested
    @DisplayName("task lists")
    class TaskLists {
        @Test
        void itemsGetDisabledCheckboxes() {
            var d = new Diagnostics();
            Model m = card("transformer-vae.md", d);
            List<String> items = m.blocks().stream().filter(b -> b instanceof Block.ListBlock)
                    .flatMap(b -> ((Block.ListBlock) b).items().stream()).toList();
            assertEquals("<input type=\"checkbox\" disabled aria-label=\"to do\"> Basic training script working. (Fraser + Theo)", items.get(0));
            assertTrue(items.stream().allMatch(i -> i.contains("<input type=\"checkbox\" disabled aria-label=\"to do\">")), items.toString());
            assertTrue(d.all().isEmpty(), d.all().toString());
        }

        @Test
        void doneItemsAreCheckedAndNestedOnesToo() {
            var d = new Diagnostics();
            Model m = text("# M\n\n- [x] done\n- [ ] todo\n  - [X] nested done\n", d);
            String html = html(m);
            assertTrue(html.contains("<input type=\"checkbox\" disabled checked aria-label=\"done\"> done"), html);
            assertTrue(html.contains("<li><input type=\"checkbox\" disabled checked aria-label=\"done\"> nested done</li>"), html);
            assertTrue(d.all().isEmpty(), d.all().toString());
        }

        @Test
        void aCardsOwnInputKeepsOnlyADisabledCheckbox() {
            var d = new Diagnostics();
            Model m = text("# M\n\n<p><input type=\"checkbox\" checked=\"x\" name=\"n\"> a <input type=\"text\"></p>\n", d);
            assertEquals("<p><input type=\"checkbox\" checked disabled aria-label=\"done\"> a </p>", html(m));
        }
    }

    @Nested
    @DisplayName("doc-builder tags")
    class DocBuilder {
        @Test
        void showTheirContentNeverTheTags() {
            var d = new Diagnostics();
            Model m = card("doc-builder.md", d);
            List<Block> b = m.blocks();
            String all = b.toString();
            assertTrue(d.all().isEmpty(), d.all().toString());
            assertFalse(all.toLowerCase(java.util.Locale.ROOT).matches("(?s).*&lt;/?(hfoption|tip|youtube).*"), all);
            assertFalse(all.contains("[[open-in-colab]]") || all.contains("[[autodoc]]"), all);
            List<String> kinds = b.stream().map(x -> x.getClass().getSimpleName()).toList();
            assertEquals(List.of("Prose", "DetailsStart", "Code", "DetailsEnd", "DetailsStart", "Code", "DetailsEnd",
                    "CalloutStart", "Prose", "CalloutEnd", "CalloutStart", "Prose", "CalloutEnd", "Prose", "Heading",
                    "Prose"), kinds);
            assertEquals("Pipeline", ((Block.DetailsStart) b.get(1)).summaryHtml());
            assertTrue(((Block.DetailsStart) b.get(1)).open());
            assertEquals("AutoModel", ((Block.DetailsStart) b.get(4)).summaryHtml());
            assertEquals("warning", ((Block.CalloutStart) b.get(7)).kind());
            assertEquals(28, b.get(7).origin().line());
            assertEquals(33, b.get(9).origin().line());
            assertEquals("tip", ((Block.CalloutStart) b.get(10)).kind());
            assertTrue(((Block.Prose) b.get(11)).html().contains("Check out the <a href=\"https://huggingface.co/docs/tokenizers\">"
                    + "Tokenizers</a> library."), b.get(11).toString());
            assertEquals("<a href=\"https://www.youtube.com/watch?v=VFp38yj8h3A\">Video on YouTube</a>",
                    ((Block.Prose) b.get(13)).html());
            assertEquals("<p>API reference: <code>BertModel</code> (<code>forward</code>)</p>", ((Block.Prose) b.get(15)).html());
        }

        @Test
        void tagsInsideOneFragmentAndACalloutLeftOpen() {
            var d = new Diagnostics();
            Model m = text("# M\n\nSee <Tip>inline</Tip> and <hfoption id=\"JAX\">x</hfoption>.\n\n<Tip warning={true}>\n\nOpen.\n", d);
            String html = html(m);
            assertTrue(html.contains("<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Tip</p>inline</div>"), html);
            assertTrue(html.contains("<details open><summary>JAX</summary>x</details>"), html);
            assertTrue(d.all().isEmpty(), d.all().toString());
            Block last = m.blocks().get(m.blocks().size() - 1);
            assertTrue(last instanceof Block.CalloutEnd, m.blocks().toString());
        }
    }
}
