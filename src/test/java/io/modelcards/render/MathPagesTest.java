package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KaTeX and js/math.js reach a site only when one of its pages has math, and only those pages load them. */
class MathPagesTest {
    private static BuildResult build(String golden) {
        return new SiteBuilder().render(BuildOptions.defaults()
                .withContent(Path.of("src/test/resources/golden", golden, "content")).withReport(null));
    }

    private static List<String> mathAssets(BuildResult r) {
        return r.files().stream().map(OutputFile::path).filter(MathPages::isMathAsset).toList();
    }

    @Test
    void aSiteWithMathGetsKatexItsFontsAndTheScript() {
        BuildResult r = build("hub-markup");
        List<String> assets = mathAssets(r);
        assertTrue(assets.containsAll(List.of("js/math.js", "vendor/katex/katex.min.js", "vendor/katex/katex.min.css",
                "vendor/katex/fonts/KaTeX_Main-Regular.woff2", "vendor/katex/LICENSE")), assets.toString());
        assertTrue(r.diagnostics().all().isEmpty(), r.diagnostics().formatted().toString());
        assertEquals(List.of("LongLM-base", "distilcamembert-base-sentiment"), r.site().models().stream()
                .filter(MathPages::hasMath).map(m -> m.name()).toList(), "math in table headers, lists, prose");
    }

    @Test
    void aSiteWithoutMathGetsNoneOfIt() {
        BuildResult r = build("small");
        assertEquals(List.of(), mathAssets(r));
        assertFalse(r.files().stream().filter(f -> f.path().endsWith(".html")).anyMatch(f -> f.asText().contains("katex")));
    }
}
