package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.render.JsonPieces;
import io.modelcards.render.ModelsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report's lists of links, written on every core (render.JsonPieces), are the bytes Jackson writes for the same records one after the
 * other: the first link and the pieces after it, across pieces and windows of models, with texts JSON must escape.
 */
class ReportListsTest {
    private static final String[] WORDS = {"a", "https://x.org/p?q=1&r=2", "http://h/", "//cdn/x.js", "mailto:a@b",
        "../m/index.html", "#r-1", "q\"uote", "back\\slash", "tab\there", "line\nbreak", "nul\u0000", "é", "😀", "\u2028",
        "\ud800", "</script>", ""};

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)] : "");
    }

    /** {@code n} models, some without links, with external, internal and fixed ones. */
    private static List<Model> models(Random random, int n, int skipUntil) {
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Link> links = new ArrayList<>();
            int count = i < skipUntil || random.nextInt(4) == 0 ? 0 : random.nextInt(6);
            for (int k = 0; k < count; k++) {
                String href = random.nextBoolean() ? "https://example.org/" + word(random) : word(random);
                Link l = Link.of(word(random), href, SourcePosition.of("content/" + word(random) + ".md", random.nextInt(500)));
                if (random.nextInt(5) == 0) l = l.withFix("https://example.org/fixed/" + word(random), word(random));
                links.add(l);
            }
            models.add(new Model("m" + i, "M " + i, "M " + i, SourcePosition.of("content/m" + i + ".md", 1), "", null,
                    List.of(), List.of(), links));
        }
        return models;
    }

    /** Jackson's text and bytes of the links' records, one after the other. */
    private static List<Object> asJackson(Object links) {
        List<Object> items = new ArrayList<>();
        ((Iterable<?>) links).forEach(items::add);
        return written(items);
    }

    /** The text (check prints the report) and the bytes (the report's file) of {@code value} as the list's field. */
    private static List<Object> written(Object value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            ModelsJson.write(Map.of("list", value), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.of(ModelsJson.write(Map.of("list", value)), java.util.HexFormat.of().formatHex(bytes.toByteArray()));
    }

    /** Equal texts and bytes; else where they first differ. */
    private static void same(List<Object> expected, List<Object> actual, String what) {
        for (int k = 0; k < 2; k++) {
            String a = (String) expected.get(k);
            String b = (String) actual.get(k);
            int at = 0;
            while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) at++;
            if (at < a.length() || at < b.length()) {
                assertEquals(a.substring(Math.max(0, at - 120), Math.min(a.length(), at + 60)),
                        b.substring(Math.max(0, at - 120), Math.min(b.length(), at + 60)),
                        what + (k == 0 ? ", as text" : ", as bytes (hex)") + ", at " + at);
            }
        }
    }

    @Test
    void theSameBytesAsJacksonAcrossPiecesAndWindows() {
        Random random = new Random(3);
        int[][] cases = {{0, 0}, {1, 0}, {5, 5}, {JsonPieces.PIECE * 3 + 7, 40}, {JsonPieces.WINDOW * 2 + 100, 0},
            {JsonPieces.WINDOW + 3, JsonPieces.WINDOW + 1}};
        for (int[] c : cases) {
            List<Model> models = models(random, c[0], c[1]);
            same(asJackson(new JsonPieces<>(models, m -> Report.external(m.links()))),
                    written(new JsonPieces<>(models, m -> Report.external(m.links()))), "external links of " + c[0] + " models");
            same(asJackson(new JsonPieces<>(models, m -> Report.fixes(m.links()))),
                    written(new JsonPieces<>(models, m -> Report.fixes(m.links()))), "fixes of " + c[0] + " models");
        }
    }
}
