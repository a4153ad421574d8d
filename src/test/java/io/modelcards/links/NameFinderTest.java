package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * {@link NameFinder#mayOccurInHtml}, the check before a block's HTML is parsed for names: never false when a name is
 * in one of the HTML's texts (else a link would be missing), and false for HTML that holds only a name's first word.
 */
class NameFinderTest {
    private static final List<String> NAMES = List.of("Llama 2", "Llama 2 Chat", "GPT-2", "T5", "bert-base-uncased",
            "Flan-T5 XXL", "Mistral 7B Instruct", "phi-2", "Qwen2.5-7B", "Segment Anything", "Whisper", "A&B Model",
            "Café Net", "O'Brien LM");
    private static final List<String> PIECES = List.of("Llama", "Llama 2", "Llama 2 Chat", "2", " ", " ", "\n", ", ",
            ".", "-", "_", "/", "GPT", "GPT-2", "-2", "T5", "t5", "Flan-T5", " XXL", "bert", "bert-base", "-uncased",
            "Mistral 7B", " Instruct", "phi-2", "Qwen2.5-7B", "Segment", " Anything", "Whisper", "Whispers", "A&amp;B Model",
            "A&B", " Model", "Caf&eacute; Net", "Café Net", "O'Brien LM", "O&#39;Brien LM", "the model", "<em>", "</em>",
            "<strong>", "</strong>", "<code>", "</code>", "<a href=\"https://x.org/Llama 2\">", "</a>", "<br>", "<span title=\"T5\">",
            "</span>", "&lt;", "&gt;", "&nbsp;", "<table><tr><td>", "</td></tr></table>", "<!-- Whisper -->", "<p>", "</p>");

    @Test
    void neverFalseWhenTheTextHoldsAName() {
        NameFinder finder = new NameFinder(NAMES);
        Random random = new Random(20261205);
        int parsedBefore = 0;
        int parsedNow = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder html = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int i = 0; i < pieces; i++) html.append(PIECES.get(random.nextInt(PIECES.size())));
            String h = html.toString();
            boolean named = false;
            for (TextNode t : texts(Jsoup.parseBodyFragment(h).body())) named |= finder.find(t.getWholeText(), 0) != null;
            boolean may = finder.mayOccurInHtml(h);
            if (named) assertTrue(may, h);
            if (finder.mayOccur(h)) parsedBefore++;
            if (may) parsedNow++;
        }
        assertTrue(parsedNow < parsedBefore, parsedNow + " against " + parsedBefore);
    }

    @Test
    void aFirstWordAloneIsNoName() {
        NameFinder finder = new NameFinder(NAMES);
        assertFalse(finder.mayOccurInHtml("<p>Llama and Mistral models, <em>Segment</em> tasks</p>"));
        assertTrue(finder.mayOccur("<p>Llama and Mistral models, <em>Segment</em> tasks</p>"));
        assertTrue(finder.mayOccurInHtml("<p>like <em>Llama 2</em></p>"));
        assertFalse(finder.mayOccurInHtml("<p>A&amp;B models</p>"));
        assertTrue(finder.mayOccurInHtml("<p>A&amp;B Model</p>"));
        assertTrue(finder.mayOccurInHtml("<p>the Caf&eacute; Net</p>"), "a name spelled with a character reference");
    }

    private static List<TextNode> texts(Element e) {
        List<TextNode> out = new java.util.ArrayList<>();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) out.add(t);
            else if (n instanceof Element child) out.addAll(texts(child));
        }
        return out;
    }
}
