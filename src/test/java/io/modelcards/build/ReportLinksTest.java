package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.render.ModelsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report's lists of links, written on every core, are the bytes Jackson writes for the same records one after the
 * other: the first link and the pieces after it, across pieces and windows of models, with texts JSON must escape.
 */
class ReportLinksTest {
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

    @Test
    void theSameBytesAsJacksonAcrossPiecesAndWindows() {
        Random random = new Random(3);
        int[][] cases = {{0, 0}, {1, 0}, {5, 5}, {ReportLinks.PIECE * 3 + 7, 40}, {ReportLinks.WINDOW * 2 + 100, 0},
            {ReportLinks.WINDOW + 3, ReportLinks.WINDOW + 1}};
        for (int[] c : cases) {
            List<Model> models = models(random, c[0], c[1]);
            assertEquals(asJackson(ReportLinks.external(models)), written(ReportLinks.external(models)),
                    "external links of " + c[0] + " models");
            assertEquals(asJackson(ReportLinks.fixes(models)), written(ReportLinks.fixes(models)),
                    "fixes of " + c[0] + " models");
        }
    }
}
