package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.CellValue;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.TableKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Markup of cards from the wild: front matter model-index, footnotes, GitHub alerts, math, details. */
class CardMarkupTest {
    private static Model one(String text, Diagnostics d) {
        List<Model> models = TestContent.parse("content/m.md", text, d);
        assertEquals(1, models.size());
        return models.get(0);
    }

    private static String html(Model m) {
        return m.blocks().stream().map(b -> b instanceof Block.Prose p ? p.html()
                : b instanceof Block.ListBlock l ? String.join("\n", l.items()) : "").collect(Collectors.joining("\n"));
    }

    @Nested
    @DisplayName("front matter model-index")
    class ModelIndex {
        private static final String CARD = """
                ---
                license: mit
                model-index:
                - name: tiny_model
                  results:
                  - task:
                      type: text-classification
                      name: Text Classification
                    dataset:
                      name: GLUE SST-2
                      type: glue
                      config: sst2
                      split: validation
                    metrics:
                    - type: accuracy
                      value: 91.3
                      name: Accuracy
                    - type: f1
                      value: n/a
                  - task: {type: text-classification}
                    dataset: {name: IMDB}
                    metrics:
                    - {type: accuracy, value: "88.0"}
                  - dataset: {}
                    metrics: [{type: accuracy, value: 1}]
                  - just text
                ---
                # Tiny Model

                A tiny classifier.
                """;

        @Test
        void becomesTypedResultsOfTheModel() {
            var d = new Diagnostics();
            Model m = one(CARD, d);
            assertFalse(m.frontMatter().other().containsKey("model-index"), "no raw JSON in other");
            List<Result> results = m.results();
            assertEquals(2, results.size(), results.toString());
            Result sst = results.get(0);
            assertEquals("", sst.variant(), "the model's own result");
            assertFalse(sst.baseline());
            assertEquals("Text Classification", sst.task());
            assertEquals("GLUE SST-2", sst.dataset());
            assertEquals("sst2 validation", sst.setting());
            assertEquals("Accuracy", sst.metric());
            assertEquals(new BigDecimal("91.3"), sst.value());
            assertEquals("content/m.md:3", sst.source().toString());
            assertEquals(List.of(Result.Kind.MODEL_INDEX), sst.origins().stream().map(Result.Origin::kind).toList());
            assertEquals(new BigDecimal("88.0"), results.get(1).value());
        }

        @Test
        void malformedEntriesAreWarningsWithTheirLine() {
            var d = new Diagnostics();
            one(CARD, d);
            List<String> out = d.formatted();
            assertFalse(d.hasErrors(), out.toString());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("content/m.md:3: warning: model-index entry 1, result 1 "
                    + "(GLUE SST-2 f1): expected a number as value, got \"n/a\"")), out.toString());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("content/m.md:3: warning: model-index entry 1, result 3:"
                    + " the dataset has no name")), out.toString());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("content/m.md:3: warning: model-index entry 1, result 4:"
                    + " expected a mapping")), out.toString());
        }

        @Test
        void notAListIsAWarning() {
            var d = new Diagnostics();
            Model m = one("---\nmodel-index: 42\n---\n# M\n\nText.\n", d);
            assertTrue(m.results().isEmpty());
            assertTrue(d.formatted().stream().anyMatch(l -> l.startsWith("content/m.md:2: warning: model-index:")),
                    d.formatted().toString());
        }
    }

    @Nested
    @DisplayName("footnotes")
    class Footnotes {
        @Test
        void referencesLinkToAListAtTheEndOfTheSection() {
            var d = new Diagnostics();
            Model m = one("# M\n\nClaim one[^1] and two[^note].\n\n[^1]: First source.\n[^note]: Second, *emphasised*.\n\n"
                    + "## Later\n\nAgain[^1].\n", d);
            String html = html(m);
            assertTrue(html.contains("<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>"), html);
            assertTrue(html.contains("<sup id=\"fnref-2\"><a class=\"footnote-ref\" href=\"#fn-2\">2</a></sup>"), html);
            assertTrue(html.contains("<sup id=\"fnref-1-1\">"), html);
            Block last = m.blocks().get(m.blocks().size() - 1);
            String notes = ((Block.Prose) last).html();
            assertTrue(notes.startsWith("<div class=\"footnotes\"><ol><li id=\"fn-1\" value=\"1\"><p>First source."), notes);
            assertTrue(notes.contains("href=\"#fnref-1\"") && notes.contains("href=\"#fnref-1-1\""), notes);
            assertTrue(notes.contains("<li id=\"fn-2\" value=\"2\"><p>Second, <em>emphasised</em>."), notes);
            assertFalse(html.contains("[^"), html);
            assertFalse(d.hasErrors());
        }

        @Test
        void aCardCannotForgeOtherIdsOrClasses() {
            Model m = one("# M\n\n<p class=\"evil alert\" id=\"top\"><sup id=\"x\">1</sup></p>\n", new Diagnostics());
            String html = html(m);
            assertFalse(html.contains("evil") || html.contains("id=\"top\"") || html.contains("id=\"x\""), html);
        }
    }

    @Nested
    @DisplayName("GitHub alerts")
    class Alerts {
        @Test
        void quoteWithAMarkerBecomesAnAlert() {
            Model m = one("# M\n\n> [!WARNING]\n> Can produce *wrong* output.\n\n> [!tip]\n> Use fp16.\n\n> Plain quote.\n",
                    new Diagnostics());
            String html = html(m).replace("\n", "");
            assertTrue(html.contains("<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Warning</p>"
                    + "<p>Can produce <em>wrong</em> output.</p>"), html);
            assertTrue(html.contains("<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Tip</p>"), html);
            assertTrue(html.contains("<blockquote>") && html.contains("Plain quote."), html);
            assertFalse(html.contains("[!"), html);
        }
    }

    @Nested
    @DisplayName("math")
    class Math {
        @Test
        void inlineAndDisplayMathKeepTheirSource() {
            var d = new Diagnostics();
            Model m = one("# M\n\nLoss $\\mathcal{L} = x_1 + y_1$ at 5\\% and $a*b*c$.\n\n$$\n\\frac{a}{b} \\\\ 100\\%\n$$\n\n"
                    + "Costs $5 and $10, `echo $HOME` and\n\n```bash\necho $A_B $C_D\n```\n\nAfter *math*.\n", d);
            String html = html(m);
            assertTrue(html.contains("<code class=\"math math-inline\">$\\mathcal{L} = x_1 + y_1$</code>"), html);
            assertTrue(html.contains("<code class=\"math math-inline\">$a*b*c$</code>"), html);
            assertTrue(html.contains("at 5% and"), html + " (outside math, Markdown escapes apply)");
            assertTrue(html.contains("<pre class=\"math math-display\">$$\n\\frac{a}{b} \\\\ 100\\%\n$$</pre>"), html);
            assertTrue(html.contains("Costs $5 and $10, <code>echo $HOME</code>"), html);
            assertEquals("echo $A_B $C_D\n", m.codeBlocks().get(0).code());
            assertTrue(html.contains("After <em>math</em>."), html);
            Block after = m.blocks().get(m.blocks().size() - 1);
            assertEquals(15, after.origin().line(), "lines after math are those of the source");
        }

        @Test
        void manyLoneDollarsOnOneLineTakeLinearTime() {
            String line = "$a ".repeat(400_000);
            long start = System.nanoTime();
            Model m = one("# M\n\n" + line + "\n", new Diagnostics());
            assertTrue(html(m).startsWith("<p>$a $a"), "no math: no closing dollar");
            // a guard against quadratic scanning, not a speed target: 400,000 dollars take seconds when linear and
            // hours when quadratic, so the bound is generous enough for a loaded CI machine (it took 20 s there)
            assertTrue(System.nanoTime() - start < 180_000_000_000L, "bounded time");
        }

        @Test
        void mathInATableCellAndAQuote() {
            Model m = one("# M\n\n| Model | Score |\n|---|---|\n| a | $81.2 \\pm 0.3$ |\n\n> $$\n> x_1 \\\\ y_1\n> $$\n",
                    new Diagnostics());
            var cell = m.tables().get(0).rows().get(0).cells().get(1);
            assertEquals("$81.2 \\pm 0.3$", cell.source());
            assertTrue(cell.html().contains("<code class=\"math math-inline\">$81.2 \\pm 0.3$</code>"), cell.html());
            assertTrue(html(m).contains("<pre class=\"math math-display\">$$\nx_1 \\\\ y_1\n$$</pre>"), html(m));
        }
    }

    @Nested
    @DisplayName("details")
    class Details {
        @Test
        void markdownAfterABlankLineStaysInsideTheElement() {
            var d = new Diagnostics();
            Model m = one("# M\n\n<details open>\n<summary><b>Scores</b></summary>\n\n| Set | Acc |\n|---|---|\n| A | 1.5 |\n\n"
                    + "```\ncode\n```\n\n</details>\n\nAfter.\n", d);
            List<Block> b = m.blocks();
            assertTrue(b.get(0) instanceof Block.DetailsStart s && s.open() && s.summaryHtml().equals("<b>Scores</b>"), b.toString());
            assertTrue(b.get(1) instanceof Block.TableBlock, b.toString());
            assertTrue(b.get(2) instanceof Block.Code, b.toString());
            assertTrue(b.get(3) instanceof Block.DetailsEnd e && e.origin().line() == 14, b.toString());
            assertTrue(b.get(4) instanceof Block.Prose p && p.text().equals("After."), b.toString());
            assertEquals(1, m.tables().size());
            assertFalse(d.hasErrors());
        }

        @Test
        void aDetailsElementLeftOpenEndsWithTheSection() {
            Model m = one("# M\n\n<details>\n<summary>More</summary>\n\nText.\n", new Diagnostics());
            List<Block> b = m.blocks();
            assertTrue(b.get(0) instanceof Block.DetailsStart s && !s.open(), b.toString());
            assertTrue(b.get(b.size() - 1) instanceof Block.DetailsEnd, b.toString());
        }

        @Test
        void aClosedDetailsElementStaysOneBlock() {
            Model m = one("# M\n\n<details><summary>S</summary>Inside.</details>\n", new Diagnostics());
            assertEquals(1, m.blocks().size(), m.blocks().toString());
            String html = ((Block.Prose) m.blocks().get(0)).html().replaceAll("\\s*\n\\s*", "");
            assertTrue(html.contains("<details><summary>S</summary>Inside.</details>"), html);
        }
    }
}
