package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.model.Variant;
import io.modelcards.render.CatalogueViews.PageLinkView;
import io.modelcards.render.CatalogueViews.PagerView;
import io.modelcards.render.Views.CardView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The catalogue's static pages, its data file and the card facts both are made of. */
class CataloguePagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Model model(String id, String name, String summary, FrontMatter fm, String... sizes) {
        List<Variant> variants = new ArrayList<>();
        for (String s : sizes) {
            BigDecimal count = new BigDecimal(s.substring(0, s.length() - 1))
                    .movePointRight(s.endsWith("B") ? 9 : 6);
            variants.add(new Variant(name + " " + s, count, s, Map.of(), List.of()));
        }
        String slug = id.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Model(slug, name, name, SourcePosition.of("content/" + id + "/README.md", 1), summary, fm,
                List.of(), variants, List.of(), List.of(), id);
    }

    static FrontMatter hub(String license, String pipelineTag) {
        return new FrontMatter(license, List.of(), List.of(), List.of(), pipelineTag, Map.of());
    }

    private static CardView card(String name) {
        return Cards.of(model("org/" + name, name, "", FrontMatter.EMPTY));
    }

    @Nested
    class Facts {
        @Test
        void takesTaskLicenseAndOrganisationFromTheHubCard() {
            CardView c = Cards.of(model("meta-llama/Llama-2-7b-hf", "Llama 2 7B", "A model.",
                    hub("Llama2", "text-generation"), "7B"));
            assertEquals("text-generation", c.task());
            assertEquals("llama2", c.license());
            assertEquals("meta-llama", c.org());
            assertEquals(List.of(new BigDecimal("7")), c.parameters());
            assertEquals("models/meta-llama-llama-2-7b-hf/index.html", c.href());
        }

        @Test
        void takesTheTaskOfTheModelIndexWithoutPipelineTag() {
            Curated.Result r = new Curated.Result("x", "Automatic Speech Recognition", "LibriSpeech", "test", "wer",
                    BigDecimal.ONE, Curated.Result.FRONT_MATTER, SourcePosition.of("a.md", 3));
            FrontMatter fm = new FrontMatter("", List.of(), List.of(), List.of(), "", List.of(r), Map.of());
            assertEquals("automatic-speech-recognition", Cards.of(model("a/b", "B", "", fm)).task());
        }

        @Test
        void aSectionOfACollectionHasNoOrganisationTaskOrLicense() {
            CardView c = Cards.of(model("Whisper", "Whisper", "", FrontMatter.EMPTY, "39M", "1550M"));
            assertEquals("", c.org());
            assertEquals("", c.task());
            assertEquals("", c.license());
            assertEquals(List.of(new BigDecimal("0.039"), new BigDecimal("1.55")), c.parameters());
            assertTrue(c.facets().isEmpty());
        }

        @Test
        void aDeeperFolderTakesTheFolderAboveTheCardAsOrganisation() {
            assertEquals("google", Cards.of(model("hub/google/flan-t5", "Flan", "", FrontMatter.EMPTY)).org());
        }

        @Test
        void cutsLongSummariesAtASpace() {
            String summary = "word ".repeat(60).strip();
            String cut = Cards.summary(summary);
            assertTrue(cut.length() <= Cards.SUMMARY_LENGTH, cut);
            assertTrue(cut.endsWith("word…"), cut);
            assertEquals("Short.", Cards.summary("Short."));
        }
    }

    @Nested
    class Pages {
        @Test
        void sortsByNameIgnoringCaseWithNumbersByValue() {
            List<CardView> cards = new ArrayList<>(List.of(card("nova-10"), card("Nova-9"), card("apex"),
                    card("Nova-9b"), card("Zeta")));
            cards.sort(CataloguePages.BY_NAME);
            assertEquals(List.of("apex", "Nova-9", "Nova-9b", "nova-10", "Zeta"),
                    cards.stream().map(CardView::name).toList());
        }

        @Test
        void splitsIntoPagesLikeHugosPaginator() {
            List<CardView> cards = new ArrayList<>();
            for (int i = 1; i <= 250; i++) cards.add(card("m" + i));
            cards.sort(CataloguePages.BY_NAME);
            List<CataloguePages.Page> pages = CataloguePages.pages(cards, 7, 100);
            assertEquals(List.of("index.html", "page/2/index.html", "page/3/index.html"),
                    pages.stream().map(CataloguePages.Page::path).toList());
            assertEquals(List.of(100, 100, 50), pages.stream().map(p -> p.view().cards().size()).toList());
            assertEquals("m101", pages.get(1).view().cards().get(0).name());
            assertEquals("Page 3 of 3: models 201–250.", pages.get(2).view().showing());
            assertEquals("250 models, 7 tables", pages.get(2).view().counts());
            assertEquals("../../index.html", pages.get(2).view().filters().action());
            assertEquals("../../catalogue-data.js", pages.get(2).view().filters().data());
            assertTrue(pages.get(0).view().filters().live());
            assertFalse(pages.get(1).view().filters().live());
        }

        @Test
        void aSinglePageHasNoPagerAndSaysNothingAboutPages() {
            List<CataloguePages.Page> pages = CataloguePages.pages(List.of(card("a")), 0, 100);
            assertEquals(1, pages.size());
            assertEquals(1, pages.get(0).view().pager().total());
            assertEquals("", pages.get(0).view().showing());
            assertEquals("1 model, 0 tables", pages.get(0).view().counts());
            assertEquals(1, CataloguePages.pages(List.of(), 0, 100).size(), "an empty catalogue still has its page");
        }

        @Test
        void pagerLinksFirstLastAndTwoAroundWithGaps() {
            PagerView p = CataloguePages.pager(6, 10);
            assertEquals("1 … 4 5 [6] 7 8 … 10", labels(p));
            assertEquals("../../page/5/index.html", p.previous());
            assertEquals("../../page/7/index.html", p.next());
            assertEquals("../../index.html", p.links().get(0).href());
            PagerView first = CataloguePages.pager(1, 10);
            assertEquals("[1] 2 3 … 10", labels(first));
            assertEquals("", first.previous());
            assertEquals("page/2/index.html", first.next());
            assertEquals("1 2 [3]", labels(CataloguePages.pager(3, 3)));
            assertEquals("", CataloguePages.pager(3, 3).next());
        }

        private String labels(PagerView p) {
            return p.links().stream().map(l -> l.current() ? "[" + l.label() + "]" : l.label())
                    .collect(Collectors.joining(" "));
        }

        @Test
        void listsTasksAndLicensesMostUsedFirstWithUnknownLast() {
            List<CardView> cards = List.of(
                    Cards.of(model("a/x", "x", "", hub("mit", "fill-mask"))),
                    Cards.of(model("a/y", "y", "", hub("apache-2.0", "fill-mask"))),
                    Cards.of(model("a/z", "z", "", hub("apache-2.0", ""))));
            assertEquals(List.of("fill-mask", "unknown"),
                    CataloguePages.options(cards, CardView::task).stream().map(o -> o.value()).toList());
            assertEquals(List.of("apache-2.0", "mit"),
                    CataloguePages.options(cards, CardView::license).stream().map(o -> o.value()).toList());
        }

        @Test
        void sizeRangesHoldTheirLowerEnd() {
            CataloguePages.SizeRange r = CataloguePages.SIZES.stream().filter(s -> s.id().equals("7-14b"))
                    .findFirst().orElseThrow();
            assertTrue(r.contains(new BigDecimal("7")));
            assertTrue(r.contains(new BigDecimal("13")));
            assertFalse(r.contains(new BigDecimal("14")));
            assertFalse(r.contains(new BigDecimal("6.7")));
        }
    }

    @Nested
    class DataFile {
        private JsonNode parse(String script) throws Exception {
            String prefix = CatalogueData.VARIABLE + " = ";
            assertTrue(script.startsWith(prefix) && script.endsWith(";\n"), script);
            return JSON.readTree(script.substring(prefix.length(), script.length() - 2));
        }

        @Test
        void holdsOneShortRecordPerModelWithFacetsAsIndices() throws Exception {
            List<CardView> cards = new ArrayList<>(List.of(
                    Cards.of(model("meta-llama/Llama-2-7b-hf", "Llama 2 7B", "Text.", hub("llama2", "text-generation"),
                            "7B", "13B")),
                    Cards.of(model("Whisper", "Whisper", "Speech.", FrontMatter.EMPTY, "39M"))));
            cards.sort(CataloguePages.BY_NAME);
            JsonNode data = parse(CatalogueData.script(cards));
            assertEquals("[\"\",\"text-generation\"]", data.get("tasks").toString());
            assertEquals("[\"\",\"meta-llama\"]", data.get("orgs").toString());
            assertEquals("[\"models/\",\"/index.html\"]", data.get("href").toString());
            assertEquals(CatalogueData.FIELDS.size(), data.get("models").get(0).size());
            // a slug that is the name in lower case and sizes that are the parameters as 7B, 39M are left out
            assertEquals("[\"Llama 2 7B\",\"meta-llama-llama-2-7b-hf\",\"Text.\",0,[7,13],1,1,1,0,0,0,0,0]",
                    data.get("models").get(0).toString());
            assertEquals("[\"Whisper\",\"\",\"Speech.\",0,[0.039],0,0,0,0,0,0,0,0]",
                    data.get("models").get(1).toString());
            assertEquals("[\"70b-\",\"70B and more\",70,null]", data.get("sizes").get(6).toString());
        }

        @Test
        void keepsSlugsAndSizesThatTheScriptWouldNotMake() {
            assertEquals("llama-2-7b", CatalogueData.plainSlug("Llama 2 (7B)!"));
            assertEquals(null, CatalogueData.plainSlug("Modèle"));
            assertEquals("a-b-c9", CatalogueData.plainSlug("--A_ b..C9--"));
            assertEquals("", CatalogueData.plainSlug("-_-"));
            assertEquals("350M, 1.5B, 70B", CatalogueData.sizesText(List.of(new BigDecimal("0.35"),
                    new BigDecimal("1.5"), new BigDecimal("70"))));
            assertEquals(null, CatalogueData.sizesText(List.of(new BigDecimal("0.0000125"))));
            assertEquals(null, CatalogueData.sizesText(List.of(new BigDecimal("1.2345"))));
        }

        @Test
        void noTextFromACardCanCloseTheScriptOrRunAsMarkup() throws Exception {
            String evil = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"q\" \\";
            List<CardView> cards = List.of(Cards.of(model("o/e", evil, evil, hub(evil, evil))));
            String script = CatalogueData.script(cards);
            assertFalse(script.contains("<"), script);
            assertFalse(script.contains(">"), script);
            assertFalse(script.contains("&"), script);
            assertFalse(script.contains("\u2028") || script.contains("\u2029"), script);
            JsonNode data = parse(script);
            assertEquals(evil, data.get("models").get(0).get(0).asText(), "the text itself is kept");
            assertEquals(evil.strip().toLowerCase(), data.get("licenses").get(1).asText());
        }

        @Test
        void isSplitIntoFilesInTheCataloguesOrderWhenItsRecordsPassTheSize() throws Exception {
            List<CardView> cards = new ArrayList<>();
            for (int i = 0; i < 30; i++) cards.add(card(i % 4 == 0 ? "modèle-" + i + " Ω" : "m" + i));
            cards.sort(CataloguePages.BY_NAME);
            String whole = CatalogueData.script(cards);
            List<OutputFile> one = CatalogueData.files(cards, new CatalogueData.Memo(), SearchIndex.PART_BYTES);
            assertEquals(List.of(CatalogueData.PATH), one.stream().map(OutputFile::path).toList());
            assertEquals(whole, text(one.get(0)), "a catalogue within the size is the one file it always was");

            List<OutputFile> split = CatalogueData.files(cards, new CatalogueData.Memo(), 400);
            assertTrue(split.size() >= 4, split.size() + " files");
            List<String> paths = split.stream().map(OutputFile::path).toList();
            assertEquals(CatalogueData.PATH, paths.get(0));
            JsonNode head = parse(text(split.get(0)));
            List<String> named = new ArrayList<>();
            head.get("parts").forEach(p -> named.add(p.asText()));
            assertEquals(paths.subList(1, paths.size()), named, "catalogue-data.js names the others, in order");
            assertEquals("catalogue-data-2.js", named.get(0));
            List<String> records = new ArrayList<>();
            head.get("models").forEach(r -> records.add(r.toString()));
            for (OutputFile part : split.subList(1, split.size())) {
                String script = text(part);
                String prefix = CatalogueData.PART_VARIABLE + " = ";
                assertTrue(script.startsWith(prefix) && script.endsWith(";\n"), script);
                JsonNode rs = JSON.readTree(script.substring(prefix.length(), script.length() - 2));
                assertTrue(rs.size() > 0);
                assertTrue(script.length() < 400 + 200 || rs.size() == 1, "at most 400 bytes of records a file");
                rs.forEach(r -> records.add(r.toString()));
            }
            JsonNode all = parse(whole);
            List<String> expected = new ArrayList<>();
            all.get("models").forEach(r -> expected.add(r.toString()));
            assertEquals(expected, records, "every record once, in the catalogue's order");
            ((com.fasterxml.jackson.databind.node.ObjectNode) head).remove(List.of("models", "parts"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) all).remove("models");
            assertEquals(all, head, "the same lists and fields");
        }

        private String text(OutputFile f) {
            return new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        @Test
        void isTheSameForTheSameCards() {
            List<CardView> cards = new ArrayList<>();
            for (int i = 0; i < 50; i++) cards.add(card("m" + i));
            cards.sort(CataloguePages.BY_NAME);
            assertEquals(CatalogueData.script(cards), CatalogueData.script(new ArrayList<>(cards)));
        }

        @Test
        void serveGivesTheSameBytesWithRecordsKeptFromTheLastCall() {
            List<CardView> cards = new ArrayList<>();
            for (int i = 0; i < 20; i++) cards.add(card(i % 3 == 0 ? "modèle-" + i + " Ω" : "m" + i));
            cards.sort(CataloguePages.BY_NAME);
            CatalogueData.Memo memo = new CatalogueData.Memo();
            assertEquals(CatalogueData.script(cards), new String(CatalogueData.bytes(cards, memo), java.nio.charset.StandardCharsets.UTF_8));
            List<CardView> edited = new ArrayList<>(cards);
            edited.set(4, card("modèle-édité"));
            edited.sort(CataloguePages.BY_NAME);
            assertEquals(CatalogueData.script(edited), new String(CatalogueData.bytes(edited, memo), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(CatalogueData.script(List.of()), new String(CatalogueData.bytes(List.of(), new CatalogueData.Memo()),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Not a timing: the size of the worst pages the renderer can make. 1,000 models with long names, the longest
     * summaries (240 characters before cutting), many sizes, a task, a license and an organisation each: every
     * catalogue page must stay under 200 KB. Their records in the data file are about twice those of the synthetic
     * corpus (209 bytes before the slugs and sizes were left out, 160 after): under 400 bytes a model.
     */
    @Test
    void everyCataloguePageStaysUnder200KbWithLongCards() throws Exception {
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String name = "Extremely-Long-Model-Family-Name-With-Many-Words-" + i + " Instruct Chat HF 70B v2";
            String summary = ("This model " + i + " is a long summary sentence that goes on and on. ").repeat(4)
                    .substring(0, 240);
            models.add(model("organisation-with-a-long-name-" + (i % 50) + "/" + name.replace(' ', '-'), name,
                    summary, hub("cc-by-nc-sa-4.0", "automatic-speech-recognition"), "1B", "3B", "7B", "13B",
                    "34B", "70B"));
        }
        Site site = new Site(SiteConfig.DEFAULTS, models, Curated.EMPTY);
        List<OutputFile> files = new SiteRenderer(null).render(site, new Diagnostics());
        List<OutputFile> pages = files.stream()
                .filter(f -> f.path().equals("index.html") || f.path().startsWith("page/")).toList();
        assertEquals(10, pages.size());
        for (OutputFile page : pages) {
            int bytes = page.asText().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < 200_000, page.path() + ": " + bytes + " bytes");
            Document doc = Jsoup.parse(page.asText());
            assertTrue(doc.select("#catalogue-cards > li").size() == 100, page.path());
        }
        OutputFile data = files.stream().filter(f -> f.path().equals(CatalogueData.PATH)).findFirst().orElseThrow();
        int perModel = data.asText().getBytes(StandardCharsets.UTF_8).length / models.size();
        assertTrue(perModel < 400, perModel + " bytes a model");
    }

    @Test
    void namesSortWithTheirNumbersAsNumbers() {
        List<String> names = new ArrayList<>(List.of("llama 2 70b", "llama 2 7b", "llama 2 13b", "llama 02 7b",
                "llama 2 007b", "llama 10 7b", "llama", "llama 2", "llama 2 0b", "llama 2 00b", "a9", "a10", "a09x"));
        names.sort(CataloguePages::compareNatural);
        // leading zeros do not count (7b, 007b and 02's 2 compare equal: a stable sort keeps their order)
        assertEquals(List.of("a9", "a09x", "a10", "llama", "llama 2", "llama 2 0b", "llama 2 00b", "llama 2 7b",
                "llama 02 7b", "llama 2 007b", "llama 2 13b", "llama 2 70b", "llama 10 7b"), names);
        assertEquals(0, CataloguePages.compareNatural("x007", "x7"));
        assertTrue(CataloguePages.compareNatural("x10", "x9") > 0);
        assertTrue(CataloguePages.compareNatural("x19", "x20") < 0);
    }
}
