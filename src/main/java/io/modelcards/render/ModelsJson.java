package io.modelcards.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.CellValue;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the normalized model as JSON with Jackson: records in declaration order, a "type" on every typed
 * cell value and block, source positions as "path:line". Stable across runs.
 */
public final class ModelsJson {
    private static final ObjectMapper MAPPER = mapper();

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CellValue.Number.class, name = "number"),
            @JsonSubTypes.Type(value = CellValue.Delta.class, name = "delta"),
            @JsonSubTypes.Type(value = CellValue.Spread.class, name = "spread"),
            @JsonSubTypes.Type(value = CellValue.Composite.class, name = "composite"),
            @JsonSubTypes.Type(value = CellValue.Quantity.class, name = "quantity"),
            @JsonSubTypes.Type(value = CellValue.Flag.class, name = "flag"),
            @JsonSubTypes.Type(value = CellValue.Missing.class, name = "missing"),
            @JsonSubTypes.Type(value = CellValue.Text.class, name = "text")})
    abstract static class CellValueMixin {
        @JsonIgnore abstract String type();
        @JsonIgnore abstract BigDecimal sortKey();
        @JsonIgnore abstract BigDecimal wholeNumber();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
            @JsonSubTypes.Type(value = Block.Prose.class, name = "prose"),
            @JsonSubTypes.Type(value = Block.TableBlock.class, name = "table"),
            @JsonSubTypes.Type(value = Block.Code.class, name = "code"),
            @JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
            @JsonSubTypes.Type(value = Block.DetailsStart.class, name = "details-start"),
            @JsonSubTypes.Type(value = Block.DetailsEnd.class, name = "details-end"),
            @JsonSubTypes.Type(value = Block.CalloutStart.class, name = "callout-start"),
            @JsonSubTypes.Type(value = Block.CalloutEnd.class, name = "callout-end")})
    abstract static class BlockMixin {}

    /** Prose keeps its HTML only: its plain text is that HTML's text, and would double models.json. */
    abstract static class ProseMixin {
        @JsonIgnore abstract String text();
    }

    abstract static class TableBlockMixin {
        @JsonIgnore abstract SourcePosition origin();
    }

    abstract static class LinkMixin {
        @JsonProperty("fixed") abstract boolean isFixed();
        @JsonProperty("external") abstract boolean isExternal();
    }

    abstract static class ModelMixin {
        @JsonIgnore abstract List<?> tables();
        @JsonIgnore abstract List<?> codeBlocks();
        @JsonIgnore abstract List<?> lists();
    }

    abstract static class FrontMatterMixin {
        @JsonIgnore abstract boolean isEmpty();
        @JsonIgnore abstract List<?> results(); // written once, as the model's results
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        abstract List<?> languages();
    }

    abstract static class TableMixin {
        @JsonIgnore abstract List<Link> links();
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        abstract List<?> headerRows();
    }

    /** Written only on the rows and columns of tables with stated changes. */
    abstract static class RowMixin {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        abstract String deltaBase();
    }

    abstract static class ColumnMixin {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        abstract String better();
    }

    /** The items' lines serve result extraction; the list's own position says where it is. */
    abstract static class ListBlockMixin {
        @JsonIgnore abstract List<Integer> lines();
    }

    abstract static class ResultKindMixin {
        @com.fasterxml.jackson.annotation.JsonValue abstract String label();
    }

    /** A result's position is its first origin's: written once, there. */
    abstract static class ResultMixin {
        @JsonIgnore abstract SourcePosition source();
    }

    abstract static class CellMixin {
        @JsonIgnore abstract boolean isBlank();
    }

    /**
     * A cell without its redundant copies: {@code text} only when it differs from {@code source}, {@code html}
     * only when it is more than the escaped text, {@code links} only when there are some. Keeps models.json
     * about a third of its size on large catalogues, and loses nothing.
     */
    static final class CellSerializer extends com.fasterxml.jackson.databind.ser.std.StdSerializer<io.modelcards.model.Cell> {
        CellSerializer() {
            super(io.modelcards.model.Cell.class);
        }

        @Override
        public void serialize(io.modelcards.model.Cell c, com.fasterxml.jackson.core.JsonGenerator g,
                              com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
            g.writeStartObject();
            g.writeStringField("source", c.source());
            if (!c.text().equals(c.source())) g.writeStringField("text", c.text());
            if (!c.html().equals(org.jsoup.nodes.Entities.escape(c.text()))) g.writeStringField("html", c.html());
            g.writeFieldName("value");
            p.defaultSerializeValue(c.value(), g);
            if (!c.links().isEmpty()) {
                g.writeFieldName("links");
                p.defaultSerializeValue(c.links(), g);
            }
            if (c.span().rows() > 1) g.writeNumberField("rowSpan", c.span().rows());
            if (c.span().columns() > 1) g.writeNumberField("colSpan", c.span().columns());
            if (c.span().isCovered()) {
                g.writeObjectFieldStart("spanOf");
                g.writeNumberField("up", c.span().up());
                g.writeNumberField("left", c.span().left());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static ObjectMapper mapper() {
        var module = new com.fasterxml.jackson.databind.module.SimpleModule();
        module.addSerializer(SourcePosition.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer());
        module.addSerializer(io.modelcards.model.Cell.class, new CellSerializer());
        return JsonMapper.builder()
                .addMixIn(CellValue.class, CellValueMixin.class)
                .addMixIn(Block.class, BlockMixin.class)
                .addMixIn(Block.TableBlock.class, TableBlockMixin.class)
                .addMixIn(Block.Prose.class, ProseMixin.class)
                .addMixIn(Link.class, LinkMixin.class)
                .addMixIn(Model.class, ModelMixin.class)
                .addMixIn(io.modelcards.model.Table.class, TableMixin.class)
                .addMixIn(io.modelcards.model.Cell.class, CellMixin.class)
                .addMixIn(io.modelcards.model.Row.class, RowMixin.class)
                .addMixIn(io.modelcards.model.Column.class, ColumnMixin.class)
                .addMixIn(io.modelcards.model.Result.Kind.class, ResultKindMixin.class)
                .addMixIn(Block.ListBlock.class, ListBlockMixin.class)
                .addMixIn(io.modelcards.model.Result.class, ResultMixin.class)
                .addMixIn(io.modelcards.model.FrontMatter.class, FrontMatterMixin.class)
                .addModule(module)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
                .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                // a model's tree keeps its decimals as written (65.0 stays 65.0, not 65)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }

    /** Pretty-printed JSON with LF line endings and a final newline. */
    public static String write(Object value) {
        try {
            return pretty().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The same bytes as {@link #write(Object)} in UTF-8, written to {@code out} as they are made: the build report of
     * 10,000 cards is 62 MB, which as a string (and the writer's buffers before it) was the largest thing a build held.
     */
    public static void write(Object value, java.io.OutputStream out) throws java.io.IOException {
        pretty().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
        out.write('\n');
    }

    /** The writer of {@link #write}: two spaces an indent, LF line endings (also {@link JsonPieces}' pieces'). */
    static ObjectWriter pretty() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return MAPPER.writer(printer);
    }

    /** A model's {@code model.json}: compact JSON of its compact tree (see {@link CompactModelJson}), with a final newline. */
    public static String writeModel(Model model) {
        return writeCompact(modelTree(model)) + "\n";
    }

    /** The model as model.json has it (pretty-printed by {@link #write}, for tests and reading). */
    public static com.fasterxml.jackson.databind.node.ObjectNode modelTree(Model model) {
        return CompactModelJson.compact(model, MAPPER.valueToTree(model));
    }

    /** Compact JSON (the search index, small files). */
    public static String writeCompact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
