package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.WildCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PlainParagraph writes what flexmark's renderer writes, for every top-level block of a card it takes. */
class PlainParagraphTest {
    @TempDir
    Path dir;

    private static final MarkdownEngine ENGINE = new MarkdownEngine();

    /** Compares every block of {@code markdown}'s document (and its children) with flexmark; how many it wrote. */
    private static int compare(String markdown) {
        int taken = 0;
        for (Node n = ENGINE.parseCard(markdown).getFirstChild(); n != null; n = n.getNext()) taken += compare(n);
        return taken;
    }

    private static int compare(Node n) {
        int taken = 0;
        String plain = ENGINE.plainHtml(n);
        if (plain != null) {
            assertEquals(ENGINE.flexmarkHtml(n), plain, () -> "paragraph " + n.getChars());
            taken++;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) taken += compare(c);
        return taken;
    }

    @Test
    void writesFlexmarksHtmlForPlainText() {
        String card = "# A\n\nPlain text & more \"quoted\" 'single' > x < y.\n  Next line, indented\nthird line  \nafter a hard break\\\nand a backslash break\n\n"
                + "Escapes \\* \\_ \\\\ and NUL \u0000 here.\r\nA CR LF line.\rA CR line.\n\n"
                + "Trailing spaces   \n\n   Indented paragraph\twith a tab\t\n\n"
                + "*emphasis*, __strong__, ***both***, `code  with   spaces`, ``tick ` in code``\n\n"
                + "[a link](https://x.org/a?b=1&c=\"2\") and [titled](https://x.org \"A & B\") and [*nested* `code`](u)\n"
                + "  \t[after a break](v) text\n\n"
                + "A bare https://x.org/a?b=1&c=2 URL, [model card of [B](https://h.co/b)](https://h.co/b), and www.example.org\n\n"
                + "<b>tag</b> text &amp; entity www.example.org a@b.org :smile: ![image](a.png)\n\n"
                + "- tight item with *emphasis*\n- [a link](https://x.org) item\n  - nested `code` item\n\n"
                + "* loose item\n\n* second loose item\n  with a second line\n\n  and a second paragraph\n\n"
                + "- [ ] task item\n- [x] done item\n\n> quoted paragraph\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSetext\n===\n\n"
                + "Text then $x^2$ math and \\(y\\).\n\n1. item\n\n   loose paragraph in an item\n";
        int taken = compare(card);
        assertTrue(taken >= 12, "plain paragraphs taken: " + taken);
    }

    @Test
    void leavesOtherBlocksToFlexmark() {
        Node doc = ENGINE.parseCard("![image](a.png)\n\n<b>tag</b> text\n\n- item\n\n> quote\n\n&copy; entity\n");
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            Node block = n;
            assertNull(ENGINE.plainHtml(block), () -> "not plain: " + block.getChars());
        }
    }

    @Test
    void writesFlexmarksHtmlForGeneratedMarkdown() {
        String alphabet = "ab  \t|-\\&;#x1*_`[]()<>!\"'\n\n\r\u0000\u00e9\ud83d\ude00:$";
        Random random = new Random(25);
        int taken = 0;
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(160);
            for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            taken += compare(sb.toString());
        }
        assertTrue(taken > 1000, "plain paragraphs taken: " + taken);
    }

    @Test
    void writesFlexmarksHtmlForRealCards() throws Exception {
        List<Path> cards = WildCorpus.unpack(dir.resolve("cards"), System.getProperty("plainparagraph.sample", "300"), 25);
        int taken = 0;
        for (Path card : cards) taken += compare(new String(Files.readAllBytes(card), StandardCharsets.UTF_8));
        assertTrue(taken > 1000, "plain paragraphs taken: " + taken);
    }
}
