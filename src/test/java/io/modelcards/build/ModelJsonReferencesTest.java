package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Variant;
import io.modelcards.render.OutputFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model.json leaves out what it holds elsewhere (a result's cell text and headers, a cell's links, positions' file)
 * and keeps fields at their default out: reading it back by the rules of model.schema.json gives the typed model's
 * results and links exactly, for every seed model.
 */
class ModelJsonReferencesTest {
    /** Reads decimals as written (60.0 stays 60.0), as the typed model holds them. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static BuildResult result;

    @BeforeAll
    static void build() {
        result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
    }

    @Test
    void resultRefersToTheCellItWasReadFrom() throws Exception {
        Model m = result.site().models().get(0);
        JsonNode idefics = json("idefics");
        JsonNode found = null;
        Result read = null;
        for (JsonNode r : idefics.path("results")) {
            Result candidate = read(m, idefics, r);
            if (candidate.benchmark().equals("VQAv2") && candidate.setting().equals("0-shot")
                    && candidate.variant().equals("IDEFICS 9B Instruct")) {
                found = r;
                read = candidate;
            }
        }
        assertTrue(found != null, "IDEFICS 9B Instruct, VQAv2, 0-shot");
        assertEquals(new BigDecimal("65.8"), read.value());
        assertEquals("OE VQA acc.", read.metric());
        // the result is its reference alone: the cell, its row and its column say the rest
        assertEquals("{\"origins\":[{\"table\":\"table-4\",\"row\":\"idefics-9b-instruct-0-shots\",\"column\":2}]}",
                found.toString());
        JsonNode row = row(idefics, "table-4", "idefics-9b-instruct-0-shots");
        JsonNode cell = row.path("cells").get(2);
        // 9B Instruct's row states its change against 9B: the result is the value before it
        assertEquals("65.8 (15.0)", cell.path("source").asText());
        assertEquals("delta", cell.path("value").path("type").asText());
        assertEquals(new BigDecimal("65.8"), cell.path("value").path("value").decimalValue());
        assertEquals(List.of("IDEFICS 9B Instruct", "0", "VQAv2 OE VQA acc."), read.origins().get(0).headers());
        assertEquals("65.8 (15.0)", read.origins().get(0).text());
    }

    @Test
    void readsBackEveryResultOfTheSeedModels() throws Exception {
        int origins = 0;
        for (Model m : result.site().models()) {
            JsonNode json = json(m.slug());
            assertEquals(m.results().size(), json.path("results").size(), m.slug());
            for (int i = 0; i < m.results().size(); i++) {
                assertEquals(m.results().get(i), read(m, json, json.path("results").get(i)), m.slug() + " result " + i);
                origins += m.results().get(i).origins().size();
            }
        }
        assertTrue(origins > 200, "the seed states hundreds of results: " + origins);
    }

    @Test
    void readsBackEveryLinkOfCellsAndVariants() throws Exception {
        for (Model m : result.site().models()) {
            JsonNode json = json(m.slug());
            List<Link> links = new ArrayList<>();
            for (JsonNode l : json.path("links")) links.add(link(m, l));
            assertEquals(m.links(), links, m.slug());
            List<Link> cellLinks = new ArrayList<>();
            for (JsonNode block : json.path("blocks")) {
                for (JsonNode row : block.path("table").path("rows")) {
                    for (JsonNode cell : row.path("cells")) {
                        for (JsonNode l : cell.path("links")) cellLinks.add(l.isInt() ? links.get(l.asInt()) : link(m, l));
                    }
                }
            }
            List<Link> typedCellLinks = new ArrayList<>();
            m.tables().forEach(t -> typedCellLinks.addAll(t.links()));
            assertEquals(typedCellLinks, cellLinks, m.slug());
            for (int v = 0; v < m.variants().size(); v++) {
                Variant variant = m.variants().get(v);
                List<Link> read = new ArrayList<>();
                for (JsonNode l : json.path("variants").get(v).path("links")) read.add(l.isInt() ? links.get(l.asInt()) : link(m, l));
                assertEquals(variant.links(), read, m.slug() + " " + variant.name());
            }
        }
    }

    /** A result as the schema says to read it: defaults for what is absent, a table origin from its cell. */
    private static Result read(Model m, JsonNode json, JsonNode r) {
        JsonNode first = r.path("origins").get(0);
        JsonNode row = first.has("kind") ? null : row(json, first.path("table").asText(), first.path("row").asText());
        JsonNode rowDefaults = row == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : row.path("resultDefaults");
        JsonNode columnDefaults = row == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : table(json, first.path("table").asText()).path("columns").path(first.path("column").asInt()).path("resultDefaults");
        String benchmark = r.has("benchmark") ? r.path("benchmark").asText() : columnDefaults.path("benchmark").asText("");
        JsonNode defaults = json.path("benchmarks").path(benchmark);
        JsonNode cellValue = row == null ? null : row.path("cells").get(first.path("column").asInt()).path("value");
        BigDecimal value = r.has("value") ? r.path("value").decimalValue()
                : cellValue.isNumber() ? cellValue.decimalValue() : cellValue.path("value").decimalValue();
        List<Result.Origin> origins = new ArrayList<>();
        for (JsonNode o : r.path("origins")) origins.add(origin(m, json, o));
        return new Result(benchmark, r.path("known").asBoolean(true),
                r.has("dataset") ? r.path("dataset").asText() : defaults.path("dataset").asText(""),
                r.has("task") ? r.path("task").asText() : defaults.path("task").asText(""),
                r.has("metric") ? r.path("metric").asText() : columnDefaults.path("metric").asText(""),
                value, r.path("printed").asText(value.toPlainString()),
                r.has("setting") ? r.path("setting").asText() : rowDefaults.path("setting").asText(""),
                r.has("variant") ? r.path("variant").asText() : rowDefaults.path("variant").asText(""),
                r.has("baseline") ? r.path("baseline").asBoolean() : rowDefaults.path("baseline").asBoolean(false),
                origins);
    }

    private static Result.Origin origin(Model m, JsonNode json, JsonNode o) {
        String kind = o.path("kind").asText("table");
        String table = o.path("table").asText("");
        String rowId = o.path("row").asText("");
        int column = o.path("column").asInt(-1);
        JsonNode row = o.has("kind") ? null : row(json, table, rowId);
        SourcePosition source = position(m, o.has("source") ? o.path("source") : row.path("origin"));
        List<String> headers = o.has("headers") ? strings(o.path("headers")) : headers(json, o);
        String text = o.has("text") ? o.path("text").asText() : cellText(row.path("cells").get(column)).strip();
        return new Result.Origin(Result.Kind.valueOf(kind.toUpperCase().replace('-', '_')), source, table, rowId, column,
                headers, text);
    }

    /** A table origin's headers: its row's labels, then the column's header texts top down. */
    private static List<String> headers(JsonNode json, JsonNode origin) {
        JsonNode table = table(json, origin.path("table").asText());
        List<String> out = strings(row(json, origin.path("table").asText(), origin.path("row").asText())
                .path("resultDefaults").path("labels"));
        int c = origin.path("column").asInt();
        if (!table.has("headerRows")) {
            String text = collapse(table.path("columns").path(c).path("text").asText());
            if (!text.isEmpty()) out.add(text);
            return out;
        }
        for (JsonNode header : table.path("headerRows")) {
            JsonNode cell = header.path("cells").get(c);
            if (cell == null || cell.path("spanOf").path("up").asInt() > 0) continue;
            String text = collapse(cellText(cell));
            if (!text.isEmpty()) out.add(text);
        }
        return out;
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String cellText(JsonNode cell) {
        return cell.has("text") ? cell.path("text").asText() : cell.path("source").asText();
    }

    private static Link link(Model m, JsonNode l) {
        String href = l.path("href").asText();
        return new Link(l.path("text").asText(), href, position(m, l.path("origin")),
                l.path("originalHref").asText(href), l.path("note").asText(""));
    }

    private static SourcePosition position(Model m, JsonNode p) {
        if (p.isInt()) return SourcePosition.of(m.origin().path(), p.asInt());
        String[] parts = p.asText().split(":");
        return new SourcePosition(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }

    private static JsonNode table(JsonNode json, String id) {
        for (JsonNode block : json.path("blocks")) {
            if (block.path("table").path("id").asText().equals(id)) return block.path("table");
        }
        throw new AssertionError("no table " + id);
    }

    private static JsonNode row(JsonNode json, String table, String id) {
        for (JsonNode row : table(json, table).path("rows")) if (row.path("id").asText().equals(id)) return row;
        throw new AssertionError("no row " + id + " in " + table);
    }

    private static JsonNode json(String slug) throws Exception {
        String path = "models/" + slug + "/model.json";
        return JSON.readTree(result.files().stream().filter(f -> f.path().equals(path)).map(OutputFile::asText)
                .findFirst().orElseThrow(() -> new AssertionError("no output file " + path)));
    }
}
