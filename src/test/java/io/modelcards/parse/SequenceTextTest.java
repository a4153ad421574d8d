package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.modelcards.WildCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SequenceText gives what flexmark's own toString() and unescape() give, for every node of a parsed card. */
class SequenceTextTest {
    @TempDir
    Path dir;

    private static final MarkdownEngine ENGINE = new MarkdownEngine();

    /** Compares the text and the unescaped text of every node of {@code markdown}'s document (cells' text too). */
    private static int compare(String markdown) {
        int[] fast = {0};
        check(ENGINE.parseCard(markdown), fast);
        return fast[0];
    }

    private static void check(Node n, int[] fast) {
        same(n.getChars(), fast);
        if (n instanceof TableCell c) same(c.getText(), fast);
        if (n instanceof Link l) same(l.getUrl(), fast);
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) check(c, fast);
    }

    private static void same(BasedSequence s, int[] fast) {
        assertEquals(s.toString(), SequenceText.of(s), () -> "text of " + s.getClass().getSimpleName() + " " + s);
        assertEquals(s.unescape(), SequenceText.unescaped(s), () -> "unescaped text of " + s);
        if (s instanceof com.vladsch.flexmark.util.sequence.SubSequence) fast[0]++;
    }

    @Test
    void givesFlexmarksTextForEscapesEntitiesAndNul() {
        String card = "# A \\*title\\* &amp; more\n\nText with \u0000 a NUL, \\_escapes\\_ and &copy; &#169; &#xA9; &bogus;.\n\n"
                + "| a\\|b | [x &amp; y](https://h.org/a\\_b?c=1&amp;d=2) |\n|---|---|\n| 1 \\| 2 | 3 &lt; 4 \u0000 |\n\n"
                + "> quoted *and* `code \\*`\n\n- item &amp;\n- [link](<u r l> \"title\")\n";
        assertTrue(compare(card) > 10, "SubSequences are read as substrings");
    }

    @Test
    void givesFlexmarksTextForGeneratedMarkdown() {
        String alphabet = "ab |-\\&;#x1*_`[]()<>!\n\u0000\u00e9\ud83d\ude00:";
        Random random = new Random(24);
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            compare(sb.toString());
        }
    }

    @Test
    void givesFlexmarksTextForRealCards() throws Exception {
        List<Path> cards = WildCorpus.unpack(dir.resolve("cards"), "300", 24);
        int fast = 0;
        for (Path card : cards) fast += compare(Files.readString(card, StandardCharsets.UTF_8));
        assertTrue(fast > 10_000, "SubSequences read as substrings: " + fast);
    }
}
