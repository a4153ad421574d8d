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
        // the check for any name, and the cross-linker's for the names that would link (not the page's own, not one
        // linked on the page yet), on the same blocks
        NameFinder finder = new NameFinder(NAMES);
        Random random = new Random(20261205);
        int parsedBefore = 0;
        int parsedNow = 0;
        int wantedFound = 0;
        int parsedForWanted = 0;
        for (int n = 0; n < 30_000; n++) {
            String h = generated(random, PIECES, 12);
            boolean may = finder.mayOccurInHtml(h);
            if (holdsName(finder, h, java.util.Set.of())) assertTrue(may, h);
            if (finder.mayOccur(h)) parsedBefore++;
            if (may) parsedNow++;
            java.util.Set<String> unwanted = new java.util.HashSet<>();
            for (String name : NAMES) if (random.nextBoolean()) unwanted.add(name);
            boolean forWanted = finder.mayOccurInHtml(h, name -> !unwanted.contains(name));
            if (holdsName(finder, h, unwanted)) {
                assertTrue(forWanted, h + " without " + unwanted);
                wantedFound++;
            }
            if (forWanted) parsedForWanted++;
            if (!may) assertFalse(forWanted, h);
        }
        assertTrue(parsedNow < parsedBefore, parsedNow + " against " + parsedBefore);
        assertTrue(wantedFound > 1000 && parsedForWanted < parsedNow, wantedFound + " wanted, " + parsedForWanted
                + " parsed for them against " + parsedNow);
    }

    /**
     * The cross-linker's check of the texts outside links and code: never false when one of those texts, as jsoup
     * reads the HTML, holds a name that would link; on random blocks with open, closed, nested and stray links and code,
     * comments, scripts and tables; and false more often than the whole HTML's check. Catches a text read without its
     * character references decoded, a comment read as text, a quote read as quoting where it follows no "=", and a link
     * in a link read as nested.
     */
    @Test
    void theTextsOutsideLinksAndCodeAreReadAsJsoupReadsThem() {
        NameFinder finder = new NameFinder(NAMES);
        java.util.Set<String> skipped = java.util.Set.of("a", "code", "pre", "kbd", "samp", "script", "style");
        List<String> pieces = new java.util.ArrayList<>(PIECES);
        pieces.addAll(List.of("<a href='x'>", "<a title=\"a > b\">", "</a>", "</a>", "<pre>", "</pre>", "<kbd>", "</kbd>",
                "<script>", "</script>", "<p>x < y</p>", "<a/>", "<ins>", "</ins>", "<br/>", "</em>", "<textarea>",
                "</textarea>", "<!-- <a> -->", "<A HREF=\"y\">", "</A>", "<CODE>", "<span title=it's>", "<b title='x>y'>",
                " isn't > 3 ", "<a href=\"x\"><code>", "</code></a>", "<pre><code>", "</code></pre>"));
        Random random = new Random(20261206);
        int holding = 0;
        int narrower = 0;
        for (int n = 0; n < 40_000; n++) {
            String h = generated(random, pieces, 14);
            java.util.Set<String> unwanted = new java.util.HashSet<>();
            for (String name : NAMES) if (random.nextInt(3) == 0) unwanted.add(name);
            java.util.function.Predicate<String> wanted = name -> !unwanted.contains(name);
            boolean may = finder.mayOccurInTexts(h, skipped, wanted);
            if (holdsNameOutside(finder, h, skipped, unwanted)) {
                assertTrue(may, h + " without " + unwanted);
                holding++;
            }
            if (finder.mayOccurInHtml(h, wanted) && !may) narrower++;
            if (!finder.mayOccurInHtml(h, wanted)) assertFalse(may, h);
        }
        assertTrue(holding > 2000 && narrower > 200, holding + " blocks hold a name, " + narrower + " fewer parsed");
        assertFalse(finder.mayOccurInTexts("<p>as in <a href=\"https://x.org/Llama 2\">Llama 2</a>.</p>", skipped, s -> true));
        assertTrue(finder.mayOccurInTexts("<p>as in <a href=\"x\">the paper</a> on Llama 2.</p>", skipped, s -> true));
        // a link in a link: the second start tag ends the first, so the name after the second's end is outside both
        String inLink = "<p><a href=\"x\">a <a href=\"y\">b</a> Llama 2</a></p>";
        assertTrue(holdsNameOutside(finder, inLink, skipped, java.util.Set.of()));
        assertTrue(finder.mayOccurInTexts(inLink, skipped, s -> true));
        assertFalse(finder.mayOccurInTexts("<p><a href=\"x\"><code>Llama 2</code></a> and <pre><code>Llama 2</code></pre></p>",
                skipped, s -> true), "code in a link and in pre is read");
    }

    /** Whether a text outside the {@code skipped} elements holds a name not in {@code unwanted} (as CrossLinker reads). */
    private static boolean holdsNameOutside(NameFinder finder, String html, java.util.Set<String> skipped,
                                            java.util.Set<String> unwanted) {
        List<TextNode> texts = new java.util.ArrayList<>();
        outside(Jsoup.parseBodyFragment(html).body(), skipped, texts);
        for (TextNode t : texts) {
            String text = t.getWholeText();
            for (NameFinder.Match m = finder.find(text, 0); m != null; m = finder.find(text, m.end())) {
                if (!unwanted.contains(m.name())) return true;
            }
        }
        return false;
    }

    private static void outside(Element e, java.util.Set<String> skipped, List<TextNode> out) {
        if (skipped.contains(e.normalName())) return;
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) out.add(t);
            else if (n instanceof Element child) outside(child, skipped, out);
        }
    }

    /** Whether one of the HTML's texts holds a name not in {@code unwanted}, each text's names found one by one. */
    private static boolean holdsName(NameFinder finder, String html, java.util.Set<String> unwanted) {
        for (TextNode t : texts(Jsoup.parseBodyFragment(html).body())) {
            String text = t.getWholeText();
            for (NameFinder.Match m = finder.find(text, 0); m != null; m = finder.find(text, m.end())) {
                if (!unwanted.contains(m.name())) return true;
            }
        }
        return false;
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

    @Test
    void findsTheNamesComparingEachNameFound() {
        // many names with one first word, of several lengths, some the start of others: as a catalogue names its models
        List<String> names = new java.util.ArrayList<>(List.of("Ember", "Ember 2", "Ember 2 Chat", "Ember-1 7B",
                "Ember-12 7B", "Ember-12 7B Chat", "Ember-123 13B", "Orca-9 9B", "Orca-9 9B.v2", "Ember-12"));
        for (int i = 0; i < 300; i++) names.add("Ember-" + (1000 + 7 * i) + " " + (1 + i % 70) + "B");
        List<String> pieces = List.of("Ember", "Ember 2", " Chat", "Ember-1", "Ember-12", "Ember-123", " 7B", " 13B",
                "Ember-1007 2B", "Ember-1014 3B", "Ember-1014 3", "Orca-9 9B", ".v2", ".", "-", "_", "/", " ", "x", "9",
                "Orca", "Ember-2093 70B");
        NameFinder finder = new NameFinder(names);
        Random random = new Random(29);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            String t = generated(random, pieces, 8);
            for (int from = 0; from <= t.length(); from++) {
                NameFinder.Match m = finder.find(t, from);
                NameFinder.Match expected = eachName(names, t, from);
                org.junit.jupiter.api.Assertions.assertEquals(expected, m, () -> t);
                if (m != null) found++;
            }
        }
        assertTrue(found > 5_000, found + " names found");
    }

    /** One to {@code most} of {@code pieces}, chosen by {@code random}, one after the other. */
    private static String generated(Random random, List<String> pieces, int most) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(most);
        for (int i = 0; i < count; i++) text.append(pieces.get(random.nextInt(pieces.size())));
        return text.toString();
    }

    /** {@link NameFinder#find} as it compared every name with the first word found, longest first: the reference. */
    private static NameFinder.Match eachName(List<String> names, String text, int from) {
        List<String> sorted = new java.util.ArrayList<>(names);
        sorted.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) continue;
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || "_/.-".indexOf(text.charAt(i - 1)) >= 0)) continue;
            for (String name : sorted) {
                int end = i + name.length();
                if (!text.startsWith(name, i)) continue;
                if (end < text.length()) {
                    char after = text.charAt(end);
                    if (Character.isLetterOrDigit(after) || after == '_' || after == '-') continue;
                    if (after == '.' && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1))) continue;
                }
                return new NameFinder.Match(name, i, end);
            }
        }
        return null;
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
