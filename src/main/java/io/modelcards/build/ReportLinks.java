package io.modelcards.build;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.render.ModelsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One of the report's lists of links, its fix-ups or its external links: the models' links of that kind, model by
 * model, read from the models as the report is written (a list of them held 3.4 million external links, about 440 MB,
 * at 100,000 synthetic cards). Written as JSON on every core ({@link Json}): at 10,000 synthetic cards the 340,000
 * external links are 55 MB of the 58 MB report, and reading the models' links (twice, once for each list) and writing
 * them on one thread was most of the build's last stage.
 */
@JsonSerialize(using = ReportLinks.Json.class)
final class ReportLinks<T> implements Iterable<T> {
    /** How many models' links are written at once, a part of them on each core, before the next models are read. */
    static final int WINDOW = 1024;
    /** How many models' links one core writes into one piece. */
    static final int PIECE = 32;

    /** A kind of link the report lists: which links, their records, and each record's fields as Jackson writes them. */
    private interface Kind<T> {
        boolean lists(Link l);

        T item(Link l);

        void write(Link l, JsonGenerator g) throws IOException;
    }

    private static final Kind<Report.Fix> FIXES = new Kind<>() {
        public boolean lists(Link l) {
            return l.isFixed();
        }

        public Report.Fix item(Link l) {
            return new Report.Fix(l.origin().path(), l.origin().line(), l.text(), l.originalHref(), l.href(), l.note());
        }

        public void write(Link l, JsonGenerator g) throws IOException {
            g.writeStringField("file", l.origin().path());
            g.writeNumberField("line", l.origin().line());
            g.writeStringField("text", l.text());
            g.writeStringField("from", l.originalHref());
            g.writeStringField("to", l.href());
            g.writeStringField("why", l.note());
        }
    };

    private static final Kind<Report.ExternalLink> EXTERNAL = new Kind<>() {
        public boolean lists(Link l) {
            return l.isExternal();
        }

        public Report.ExternalLink item(Link l) {
            return new Report.ExternalLink(l.origin().path(), l.origin().line(), l.href());
        }

        public void write(Link l, JsonGenerator g) throws IOException {
            g.writeStringField("file", l.origin().path());
            g.writeNumberField("line", l.origin().line());
            g.writeStringField("href", l.href());
        }
    };

    private final List<Model> models;
    private final Kind<T> kind;

    private ReportLinks(List<Model> models, Kind<T> kind) {
        this.models = models;
        this.kind = kind;
    }

    /** The links the build fixed, with where they were and why. */
    static ReportLinks<Report.Fix> fixes(List<Model> models) {
        return new ReportLinks<>(models, FIXES);
    }

    /** The links that leave the site. */
    static ReportLinks<Report.ExternalLink> external(List<Model> models) {
        return new ReportLinks<>(models, EXTERNAL);
    }

    @Override
    public Iterator<T> iterator() {
        return models.stream().flatMap(m -> m.links().stream()).filter(kind::lists).map(kind::item).iterator();
    }

    /**
     * The same bytes as Jackson writes for the list, the links after the first written on every core: each piece by a
     * generator of its own with the report's pretty printer ({@link ModelsJson#printer}), nested as deep as the report's
     * list (an object's field), so that its items are indented as they are there, and its fields written as the record's
     * serializer writes them; the pieces follow the first link, which the report's generator writes itself (so that it
     * closes the list as one with items), each after the comma Jackson writes between two items.
     */
    static final class Json extends StdSerializer<ReportLinks<?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Json() {
            super((Class) ReportLinks.class);
        }

        @Override
        public void serialize(ReportLinks<?> links, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<Model> models = links.models;
            Kind<?> kind = links.kind;
            gen.writeStartArray();
            int at = firstListed(models, kind);
            if (at >= 0) {
                for (Link l : models.get(at).links()) {
                    if (kind.lists(l)) {
                        gen.writeObject(kind.item(l));
                        break;
                    }
                }
                for (int window = at; window < models.size(); window += WINDOW) {
                    int start = window;
                    int end = Math.min(models.size(), window + WINDOW);
                    int pieces = (end - start + PIECE - 1) / PIECE;
                    // the report's file: bytes, written to it as they are; else text (check prints the report)
                    boolean bytes = gen.getOutputTarget() instanceof OutputStream;
                    List<Object> written = IntStream.range(0, pieces).parallel().mapToObj(p -> piece(models, kind,
                            start + p * PIECE, Math.min(end, start + (p + 1) * PIECE), at, bytes)).toList();
                    if (bytes) gen.flush();
                    for (Object piece : written) {
                        if (piece instanceof byte[] b) ((OutputStream) gen.getOutputTarget()).write(b);
                        else gen.writeRaw((String) piece);
                    }
                }
            }
            gen.writeEndArray();
        }

        /** The place of the first model with a link of {@code kind}, or -1 (looked for on every core: fixes are rare). */
        private static int firstListed(List<Model> models, Kind<?> kind) {
            return IntStream.range(0, models.size()).parallel()
                    .filter(i -> models.get(i).links().stream().anyMatch(kind::lists)).findFirst().orElse(-1);
        }

        /**
         * The items of the links of {@code kind} of models [from, to), each after a comma, but the first of model
         * {@code first}'s (written already; an encoded model's links are new instances on each read, so it is told by its
         * place): as UTF-8 bytes, or else as a string.
         */
        private static Object piece(List<Model> models, Kind<?> kind, int from, int to, int first, boolean bytes) {
            ByteArrayOutputStream toBytes = bytes ? new ByteArrayOutputStream(8192) : null;
            java.io.StringWriter toText = bytes ? null : new java.io.StringWriter(8192);
            try (JsonGenerator g = bytes ? ModelsJson.factory().createGenerator(toBytes)
                    : ModelsJson.factory().createGenerator(toText)) {
                g.setPrettyPrinter(ModelsJson.printer());
                g.writeStartObject();
                g.writeFieldName("links");
                g.writeStartArray();
                g.flush();
                int prefix = bytes ? toBytes.size() : toText.getBuffer().length();
                boolean any = false;
                for (int i = from; i < to; i++) {
                    boolean skip = i == first;
                    for (Link l : models.get(i).links()) {
                        if (!kind.lists(l)) continue;
                        if (skip) {
                            skip = false;
                            continue;
                        }
                        g.writeStartObject();
                        kind.write(l, g);
                        g.writeEndObject();
                        any = true;
                    }
                }
                g.flush();
                // each item after what Jackson writes between two items: a comma, then the item's line break and indent
                if (!bytes) return any ? "," + toText.getBuffer().substring(prefix) : "";
                if (!any) return new byte[0];
                byte[] all = toBytes.toByteArray();
                byte[] out = new byte[all.length - prefix + 1];
                out[0] = ',';
                System.arraycopy(all, prefix, out, 1, all.length - prefix);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
