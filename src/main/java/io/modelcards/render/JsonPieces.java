package io.modelcards.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A JSON list of the items of many sources (the build report's external links, model by model), read from the sources
 * as the list is written and written on every core by {@link ModelsJson#write}: the same bytes and text as Jackson
 * writes for the items one after the other. A list of all the items is never held (the report's 3.4 million external
 * links were about 440 MB at 100,000 synthetic cards), only those of {@link #WINDOW} sources at a time; at 10,000
 * synthetic cards the 340,000 external links are 55 MB of the 58 MB report, and reading and writing them on one thread
 * was most of the build's last stage.
 */
@JsonSerialize(using = JsonPieces.Json.class)
public final class JsonPieces<S, T> implements Iterable<T> {
    /** How many sources' items are written at once, a part of them on each core, before the next sources are read. */
    public static final int WINDOW = 1024;
    /** How many sources' items one core writes into one piece. */
    public static final int PIECE = 32;

    private final List<S> sources;
    private final Function<S, List<T>> items;

    /** The items of each of {@code sources}, in order ({@code items} is asked on any core). */
    public JsonPieces(List<S> sources, Function<S, List<T>> items) {
        this.sources = sources;
        this.items = items;
    }

    @Override
    public Iterator<T> iterator() {
        return sources.stream().flatMap(s -> items.apply(s).stream()).iterator();
    }

    /**
     * The list, its items after the first written on every core: each piece's items by a generator of its own with
     * the same pretty printer, as a list nested as deep as this one (an object's field), so that they are indented as
     * they are here, and the list's brackets cut off; the pieces follow the first item, which the list's own generator
     * writes (so that it closes the list as one with items), each after the comma Jackson writes between two items.
     */
    static final class Json extends StdSerializer<JsonPieces<?, ?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Json() {
            super((Class) JsonPieces.class);
        }

        @Override
        public void serialize(JsonPieces<?, ?> list, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(list, gen);
        }

        private static <S, T> void write(JsonPieces<S, T> list, JsonGenerator gen) throws IOException {
            List<S> sources = list.sources;
            gen.writeStartArray();
            // the first source with items, looked for on every core (a list may be empty: the report's fix-ups)
            int first = IntStream.range(0, sources.size()).parallel()
                    .filter(i -> !list.items.apply(sources.get(i)).isEmpty()).findFirst().orElse(-1);
            if (first >= 0) {
                gen.writeObject(list.items.apply(sources.get(first)).get(0));
                // the list's file: bytes, written to it as they are; else text (check prints the report)
                boolean bytes = gen.getOutputTarget() instanceof OutputStream;
                for (int window = first; window < sources.size(); window += WINDOW) {
                    int start = window;
                    int end = Math.min(sources.size(), window + WINDOW);
                    int pieces = (end - start + PIECE - 1) / PIECE;
                    List<Object> written = IntStream.range(0, pieces).parallel().mapToObj(p -> piece(list,
                            start + p * PIECE, Math.min(end, start + (p + 1) * PIECE), first, bytes)).toList();
                    if (bytes) gen.flush();
                    for (Object piece : written) {
                        if (piece instanceof byte[] b) ((OutputStream) gen.getOutputTarget()).write(b);
                        else gen.writeRaw((String) piece);
                    }
                }
            }
            gen.writeEndArray();
        }

        /**
         * The items of sources [from, to), each after a comma, but the first of source {@code first}'s (written
         * already): as UTF-8 bytes, or else as a string; nothing when they have none.
         */
        private static <S, T> Object piece(JsonPieces<S, T> list, int from, int to, int first, boolean bytes) {
            List<T> items = new java.util.ArrayList<>();
            for (int i = from; i < to; i++) {
                List<T> of = list.items.apply(list.sources.get(i));
                items.addAll(i == first ? of.subList(1, of.size()) : of);
            }
            if (items.isEmpty()) return bytes ? new byte[0] : "";
            try {
                // {"piece" : [ item, item ]}: the items as deep as in the list; cut: up to '[', and the closing "\n  ]";
                // writeObject keeps the generator's printer (ObjectWriter.writeValue would start a new one, at depth 0)
                var writer = ModelsJson.pretty();
                if (bytes) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
                    try (JsonGenerator g = writer.createGenerator(out)) {
                        int prefix = open(g, out::size);
                        g.writeObject(items);
                        g.flush();
                        byte[] all = out.toByteArray();
                        int length = all.length - prefix - CLOSE.length();
                        byte[] piece = new byte[length + 1];
                        piece[0] = ',';
                        System.arraycopy(all, prefix, piece, 1, length);
                        return piece;
                    }
                }
                StringWriter out = new StringWriter(8192);
                try (JsonGenerator g = writer.createGenerator(out)) {
                    int prefix = open(g, () -> out.getBuffer().length());
                    g.writeObject(items);
                    g.flush();
                    StringBuffer all = out.getBuffer();
                    return "," + all.substring(prefix, all.length() - CLOSE.length());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** How a list of items one field deep closes: its last item's line break, the field's indent, the bracket. */
        private static final String CLOSE = "\n  ]";

        /**
         * Opens the object whose field the piece's list is: where its items will start, after the field's name, the
         * " : " and the '[' its list is written with (ASCII: as many bytes as characters).
         */
        private static int open(JsonGenerator g, java.util.function.IntSupplier length) throws IOException {
            g.writeStartObject();
            g.writeFieldName("piece");
            g.flush();
            return length.getAsInt() + " : [".length();
        }
    }
}
