package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Block;
import io.modelcards.model.Curated;
import io.modelcards.model.Site;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossLinkerTest {
    private static final Curated ALIASES = new Curated(Map.of("Llama v2", List.of("Llama 2", "llama-7b")), Map.of(),
            List.of(), List.of());

    private static String firstProse(String md) {
        Site site = Sites.link(md, ALIASES, new Diagnostics());
        return ((Block.Prose) site.models().get(0).blocks().get(0)).html().strip();
    }

    @Test
    void aliasInAnotherModelsProseLinksToItsPageOnce() {
        String html = firstProse("# Vision\n\nBuilt on llama-7b, and llama-7b again, like Llama 2.\n\n# Llama v2\n\nText.\n");
        assertEquals("<p>Built on <a href=\"../llama-v2/index.html\" class=\"xref\" title=\"Llama v2\">llama-7b</a>,"
                + " and llama-7b again, like Llama 2.</p>", html);
    }

    @Test
    void neverInsideLinksCodeOrPartOfALongerName() {
        String html = firstProse("# Vision\n\n[llama-7b](https://example.org/l) and `llama-7b` and llama-7b-chat.\n\n# Llama v2\n\nText.\n");
        assertTrue(!html.contains("xref"), html);
    }

    @Test
    void aModelsOwnNameOnItsOwnPageIsNotLinked() {
        String html = firstProse("# Llama v2\n\nLlama 2 is a family.\n");
        assertTrue(!html.contains("<a"), html);
    }
}
