package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card in the Hub's layout (content/org/name/README.md) whose links were written for its repository builds: its
 * links point to the source repository when site.yaml or the card names it, and are warnings otherwise; only
 * links between pages of the site fail the build. Whatever fails, every error comes in the one run.
 */
class SourceLinksBuildTest {
    /** Lines 6 to 13 each hold one kind of link, so the messages can pin them. */
    private static final String CARD = """
            ---
            license: apache-2.0
            ---
            # Nova 3B

            See the [license](LICENSE) and [results](./eval/../eval/results.txt#L3).
            ![plot](assets/plot.png)
            Vocabulary: [vocab](/acme/nova-3b/blob/main/config/vocab.txt).
            Made by [us](www.acme-labs.com) and [them](explosion.ai).
            Jump to [limits](#3-results--limits) or [training](#Training).

            | Checkpoint | Link |
            |---|---|
            | base | [weights](weights/base.bin) |

            ## 3. Results & Limits

            Fine.

            ## Training

            Done, as in [[1]](#paper-1).

            <a id="paper-1">[1]</a> A paper.
            """;

    @TempDir
    Path tmp;

    private String build(String siteYaml, int expectedCode, String... cards) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        if (siteYaml != null) Files.writeString(content.resolve("site.yaml"), siteYaml);
        for (int i = 0; i < cards.length; i += 2) {
            Path file = content.resolve(cards[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, cards[i + 1]);
        }
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("build", "--content", content.toString(), "--out", tmp.resolve("out").toString(),
                    "--report", tmp.resolve("report.json").toString());
        } finally {
            System.setErr(old);
        }
        String printed = err.toString(StandardCharsets.UTF_8).replace(content.toString(), "content");
        assertEquals(expectedCode, code, printed);
        return printed;
    }

    private String page() throws IOException {
        return Files.readString(tmp.resolve("out/models/acme-nova-3b/index.html"));
    }

    @Nested
    @DisplayName("with sourceUrl in site.yaml")
    class WithSource {
        @Test
        void repositoryLinksAndImagesPointToTheHub() throws IOException {
            String printed = build("sourceUrl: https://huggingface.co/{id}/blob/main/{path}\n", 0,
                    "acme/nova-3b/README.md", CARD);
            String page = page();
            assertTrue(page.contains("href=\"https://huggingface.co/acme/nova-3b/blob/main/LICENSE\""), page);
            assertTrue(page.contains("href=\"https://huggingface.co/acme/nova-3b/blob/main/eval/results.txt#L3\""), page);
            assertTrue(page.contains("src=\"https://huggingface.co/acme/nova-3b/resolve/main/assets/plot.png\""), page);
            assertTrue(page.contains("href=\"https://huggingface.co/acme/nova-3b/blob/main/config/vocab.txt\""), page);
            assertTrue(page.contains("href=\"https://huggingface.co/acme/nova-3b/blob/main/weights/base.bin\""), page);
            assertFalse(page.contains("class=\"fixed-link\""), "the card was not wrong: no 'fixed' mark");
            assertEquals("""
                    content/acme/nova-3b/README.md:9: warning: link explosion.ai is a web address without a scheme, so it points into the card's folder; write https://explosion.ai
                    content/acme/nova-3b/README.md:9: warning: link www.acme-labs.com is a web address without a scheme, so it points into the card's folder; write https://www.acme-labs.com
                    """, warnings(printed));
            String report = Files.readString(tmp.resolve("report.json"));
            assertTrue(report.contains("\"from\" : \"assets/plot.png\""), report);
            assertTrue(report.contains("image into the card's source repository (sourceUrl in content/site.yaml)"), report);
            assertTrue(report.contains("link relative to the source's host https://huggingface.co"), report);
        }

        @Test
        void anchorsWrittenForGithubResolve() throws IOException {
            build("sourceUrl: https://huggingface.co/{id}/blob/main/{path}\n", 0, "acme/nova-3b/README.md", CARD);
            String page = page();
            assertTrue(page.contains("id=\"3-results--limits\""), page);
            assertTrue(page.contains("href=\"#3-results--limits\""), page);
            assertTrue(page.contains("href=\"#training\""), "#Training finds the heading as GitHub's page does");
            // the card's own anchor, kept with GitHub's prefix so that it never meets the page's ids
            assertTrue(page.contains("<a id=\"user-content-paper-1\">[1]</a>"), page);
            assertTrue(page.contains("href=\"#user-content-paper-1\""), page);
        }

        @Test
        void frontMatterSourceUrlWinsAndMayBeAFolder() throws IOException {
            String card = CARD.replace("license: apache-2.0", "source_url: https://github.com/acme/nova/blob/v1/");
            build("sourceUrl: https://huggingface.co/{id}/blob/main/{path}\n", 0, "acme/nova-3b/README.md", card);
            String page = page();
            assertTrue(page.contains("href=\"https://github.com/acme/nova/blob/v1/LICENSE\""), page);
            assertTrue(page.contains("src=\"https://github.com/acme/nova/raw/v1/assets/plot.png\""), page);
            assertTrue(page.contains("href=\"https://github.com/acme/nova-3b/blob/main/config/vocab.txt\""), page);
        }
    }

    @Nested
    @DisplayName("without a source")
    class WithoutSource {
        @Test
        void repositoryLinksAreWarningsLeftAsWritten() throws IOException {
            String printed = build(null, 0, "acme/nova-3b/README.md", CARD);
            String w = warnings(printed);
            assertTrue(w.contains("content/acme/nova-3b/README.md:6: warning: link LICENSE points into the card's"
                    + " repository, whose address is unknown; set sourceUrl in content/site.yaml"), w);
            assertTrue(w.contains("README.md:6: warning: link ./eval/../eval/results.txt#L3 points into"), w);
            // an image is placed at its paragraph's first line
            assertTrue(w.contains("README.md:6: warning: image assets/plot.png points into"), w);
            assertTrue(w.contains("README.md:8: warning: link /acme/nova-3b/blob/main/config/vocab.txt is relative to"
                    + " the host of the card's source, which is unknown"), w);
            assertTrue(w.contains("README.md:14: warning: link weights/base.bin points into"), w);
            assertFalse(printed.contains("error:"), printed);
            assertTrue(page().contains("href=\"LICENSE\""));
        }

        @Test
        void aSectionOfACollectionHasNoHubIdForThePattern() throws IOException {
            String printed = build("sourceUrl: https://huggingface.co/{id}/blob/main/{path}\n", 0, "models.md",
                    "# Nova 3B\n\nThe [license](LICENSE).\n\n# Vega 7B\n\nText.\n");
            assertTrue(printed.contains("models.md:3: warning: link LICENSE points into the card's repository, whose"
                    + " address is not known for a card without a Hub id (Nova 3B); it is left as written"), printed);
        }
    }

    @Test
    void everyErrorComesInOneRunAndNothingIsWritten() throws IOException {
        // a content error found while parsing (a duplicate model) and a broken link between pages, found only
        // once the pages are rendered: both in the same run
        String printed = build(null, 1, "a.md", "# Alpha\n\nSee [beta](../beta/index.html).\n",
                "b.md", "# Alpha\n\nAgain.\n");
        assertTrue(printed.contains("b.md:1: error: duplicate model name \"Alpha\""), printed);
        assertTrue(printed.contains("a.md:3: error: broken link ../beta/index.html on models/alpha/index.html"),
                printed);
        assertFalse(Files.exists(tmp.resolve("out/index.html")), "nothing is written");
        assertFalse(Files.exists(tmp.resolve("out/models")), "nothing is written");
    }

    private static String warnings(String printed) {
        StringBuilder out = new StringBuilder();
        for (String line : printed.split("\n")) if (line.contains(": warning: ")) out.append(line).append('\n');
        return out.toString();
    }

    @Test
    void aLinkToASiblingRepositoryGoesToItsPageOrItsAddress() throws IOException {
        String conv = "---\nlicense: mit\n---\n# Conv\n\nFine-tuned from [the base](../rubert-base-cased) and [a cousin](../elsewhere).\n";
        String base = "---\nlicense: mit\n---\n# Base\n\nThe base.\n";
        String printed = build(null, 0, "DeepPavlov/rubert-conv/README.md", conv, "DeepPavlov/rubert-base-cased/README.md", base);
        String page = Files.readString(tmp.resolve("out/models/deeppavlov-rubert-conv/index.html"));
        assertTrue(page.contains("href=\"../deeppavlov-rubert-base-cased/index.html\""), page);
        assertTrue(printed.contains("README.md:6: warning: link ../elsewhere names a repository beside the card's"), printed);
        build("sourceUrl: https://huggingface.co/{id}/blob/main/{path}\n", 0, "DeepPavlov/rubert-conv/README.md", conv,
                "DeepPavlov/rubert-base-cased/README.md", base);
        page = Files.readString(tmp.resolve("out/models/deeppavlov-rubert-conv/index.html"));
        assertTrue(page.contains("href=\"https://huggingface.co/DeepPavlov/elsewhere\""), page);
    }
}
