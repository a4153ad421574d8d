package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.render.ModelsJson;
import io.modelcards.render.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every number of every seed table and every link of every section is in models.json and on the page. */
class LosslessTest {
    private static BuildResult result;
    private static String content;

    @BeforeAll
    static void build() throws Exception {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
        content = Files.readString(Path.of("content/model-cards.md"));
    }

    @Test
    void keepsEveryNumberAndLinkOfTheSixSeedModels() throws Exception {
        JsonNode models = new ObjectMapper().readTree(file("models.json")).path("models");
        assertEquals(6, models.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Model m = result.site().models().get(i);
            JsonNode json = new ObjectMapper().readTree(file(models.get(i).path("json").asText()));
            problems.addAll(LosslessChecker.check(m.slug(), section(i), json, file("models/" + m.slug() + "/index.html")));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void countsTheSeedsNumbersIndependently() {
        List<String> idefics = LosslessChecker.tokens(LosslessChecker.rawTables(section(0)));
        assertTrue(idefics.size() > 400, "IDEFICS' four tables hold hundreds of numbers: " + idefics.size());
        assertTrue(idefics.contains("60") && idefics.contains("-22.7") && idefics.contains("18.75"));
    }

    @Test
    void reportsACellThatTheNormalizerDropped() throws Exception {
        List<Model> models = new ArrayList<>(result.site().models());
        Model idefics = models.get(0);
        List<Block> blocks = new ArrayList<>();
        for (Block b : idefics.blocks()) {
            if (b instanceof Block.TableBlock tb && tb.table().id().equals("table-2")) {
                Table t = tb.table();
                List<Row> rows = new ArrayList<>(t.rows());
                List<Cell> cells = new ArrayList<>(rows.get(0).cells());
                cells.remove(2);  // IDEFICS 80B, 0 shots, VQAv2: 60.0
                rows.set(0, rows.get(0).withCells(cells));
                b = new Block.TableBlock(t.withRows(rows));
            }
            blocks.add(b);
        }
        models.set(0, idefics.withBlocks(blocks));
        JsonNode broken = new ObjectMapper().readTree(ModelsJson.write(ModelsJson.modelTree(models.get(0))));
        List<String> problems = LosslessChecker.check("idefics", section(0), broken, file("models/idefics/index.html"));
        assertEquals(List.of("idefics: 60 appears 2× in the source tables but 1× in models.json"), problems);
    }

    /** The model's lines of the content file: from its heading to the next model's heading. */
    private static String section(int index) {
        List<Model> models = result.site().models();
        String[] lines = content.split("\n", -1);
        int from = models.get(index).origin().line() - 1;
        int to = index + 1 < models.size() ? models.get(index + 1).origin().line() - 1 : lines.length;
        return String.join("\n", List.of(lines).subList(from, to));
    }

    private static String file(String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(OutputFile::asText).findFirst()
                .orElseThrow(() -> new AssertionError("no output file " + path));
    }
}
