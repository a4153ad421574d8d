package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Fuzz targets (Jazzer). In a plain {@code mvn test} each runs its regression inputs from
 * src/test/resources/io/modelcards/parse/ParserFuzzTestInputs/&lt;method&gt;/; {@code .ci/fuzz} fuzzes each one.
 * The only allowed failure path for content is a diagnostic: no exception escapes, and sanitized HTML never
 * holds an executable construct.
 */
class ParserFuzzTest {
    private static final ModelCardParser PARSER = new ModelCardParser();
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    @FuzzTest(maxDuration = "60s")
    void parserReportsInsteadOfThrowing(byte[] bytes) {
        if (bytes == null) return;
        Diagnostics d = new Diagnostics();
        SourceFile file = ContentScanner.decode(bytes, "content/fuzz.md", d);
        if (file == null) {
            assertTrue(d.hasErrors(), "undecodable bytes are an error");
            return;
        }
        List<Model> models = PARSER.parse(List.of(file), d);
        for (Diagnostic x : d.all()) assertTrue(x.at().path().equals("content/fuzz.md"), x.format());
        for (Model m : models) {
            for (Block b : m.blocks()) {
                if (b instanceof Block.Prose p) assertSafe(p.html());
                if (b instanceof Block.ListBlock l) l.items().forEach(ParserFuzzTest::assertSafe);
                if (b instanceof Block.TableBlock t) t.table().rows().forEach(r -> r.cells().forEach(c -> assertSafe(c.html())));
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void cellTyperAcceptsAnyText(FuzzedDataProvider data) {
        String text = data.consumeString(200);
        List<String> parts = List.of(data.consumeString(20), data.consumeRemainingAsString());
        assertNotNull(CellTyper.type(text, parts));
    }

    @FuzzTest(maxDuration = "60s")
    void sanitizerOutputNeverRuns(FuzzedDataProvider data) {
        String html = data.consumeRemainingAsString();
        String clean = SANITIZER.clean(html, SourcePosition.of("content/fuzz.md", 1), new Diagnostics());
        assertSafe(clean);
        // cleaning is stable: what comes out is already clean
        assertSafe(SANITIZER.clean(clean, SourcePosition.of("content/fuzz.md", 1), null));
    }

    static void assertSafe(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (String tag : List.of("script", "iframe", "object", "embed", "style", "svg", "math", "form", "base",
                "meta", "link", "frame", "template")) {
            assertTrue(body.select(tag).isEmpty(), () -> "<" + tag + "> in " + html);
        }
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), () -> a + " in " + html);
                if (key.equals("href") || key.equals("src") || key.equals("action") || key.equals("srcset")
                        || key.equals("data") || key.equals("formaction")) {
                    StringBuilder v = new StringBuilder();
                    for (char c : a.getValue().toLowerCase(Locale.ROOT).toCharArray()) if (c > ' ') v.append(c);
                    String u = v.toString();
                    assertFalse(u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:"),
                            () -> a + " in " + html);
                }
            }
        }
    }
}
