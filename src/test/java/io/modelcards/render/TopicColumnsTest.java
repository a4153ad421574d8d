package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.SiteBuilder;
import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark column's results on its topic ({@link Topics.Reported}): each row with a value, in row order, whether
 * the rows fit the bits of a long (under 64) or not.
 */
class TopicColumnsTest {
    @TempDir
    Path content;

    private List<String> mmluValues(int rows) throws Exception {
        StringBuilder card = new StringBuilder("# Rows Model\n\nA model.\n\n| Variant | MMLU |\n|---|---|\n");
        for (int i = 0; i < rows; i++) card.append("| v").append(i).append(" | ").append(i % 7 == 3 ? "-" : i + ".5").append(" |\n");
        Files.writeString(content.resolve("rows.md"), card);
        Site site = new SiteBuilder().load(BuildOptions.defaults().withContent(content).withReport(null), new Diagnostics());
        Topics.Topic mmlu = Topics.of(site).existing("MMLU");
        List<String> values = new ArrayList<>();
        // the column's results (labelled by their row), not the results the card states for its variants
        for (Topics.Result r : mmlu.results) if (!r.label().contains(", reported in")) values.add(r.label() + "=" + r.value());
        return values;
    }

    private static List<String> expected(int rows) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) if (i % 7 != 3) values.add("v" + i + "=" + i + ".5");
        return values;
    }

    @Test
    void rowsUnder64() throws Exception {
        assertEquals(expected(64), mmluValues(64));
    }

    @Test
    void rowsFrom64On() throws Exception {
        assertEquals(expected(70), mmluValues(70));
    }
}
