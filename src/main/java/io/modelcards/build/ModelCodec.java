package io.modelcards.build;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Curated;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Texts;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build stage: a model, or its blocks, as compact bytes and back. Decoding gives records equal to the encoded ones
 * (the same texts, numbers with the same scale, maps in the same order, a link shared by a cell and the model's
 * list still one instance), so a stage cannot tell a decoded model from the parsed one. Each text is written once
 * per encoding and referred to after that. A build keeps its models' blocks and links this way between the stages
 * (see {@link StoredList}); the format is private to one run and never written to disk.
 */
final class ModelCodec {
    private ModelCodec() {}

    static byte[] encode(Model m) {
        Writer w = Writer.reset();
        w.model(m);
        return w.bytes();
    }

    static Model decode(byte[] bytes) {
        return new Reader(bytes).model();
    }

    static byte[] encodeBlocks(List<Block> blocks) {
        Writer w = Writer.reset();
        w.blocks(blocks);
        return w.bytes();
    }

    static List<Block> decodeBlocks(byte[] bytes) {
        return new Reader(bytes).blocks();
    }

    static byte[] encodeLinks(List<Link> links) {
        Writer w = Writer.reset();
        w.u(links.size());
        for (Link x : links) w.link(x);
        return w.bytes();
    }

    static List<Link> decodeLinks(byte[] bytes) {
        Reader r = new Reader(bytes);
        Link[] out = new Link[r.u()];
        for (int k = 0; k < out.length; k++) out[k] = r.link();
        return List.of(out);
    }

    static byte[] encodeVariants(List<Variant> variants) {
        Writer w = Writer.reset();
        w.u(variants.size());
        for (Variant v : variants) w.variant(v);
        return w.bytes();
    }

    static List<Variant> decodeVariants(byte[] bytes) {
        Reader r = new Reader(bytes);
        Variant[] out = new Variant[r.u()];
        for (int k = 0; k < out.length; k++) out[k] = r.variant();
        return List.of(out);
    }

    static byte[] encodeResults(List<Result> results) {
        Writer w = Writer.reset();
        w.u(results.size());
        for (Result r : results) w.result(r);
        return w.bytes();
    }

    static List<Result> decodeResults(byte[] bytes) {
        Reader r = new Reader(bytes);
        Result[] out = new Result[r.u()];
        for (int k = 0; k < out.length; k++) out[k] = r.result();
        return List.of(out);
    }

    private static final int HEADING = 1, PROSE = 2, TABLE = 3, CODE = 4, DETAILS_START = 5, DETAILS_END = 6,
            CALLOUT_START = 7, CALLOUT_END = 8, LIST = 9;
    private static final int NUMBER = 1, DELTA = 2, COMPOSITE = 3, QUANTITY = 4, FLAG = 5, MISSING = 6, TEXT = 7, SPREAD = 8;
    private static final TableKind[] KINDS = TableKind.values();
    private static final Result.Kind[] ORIGIN_KINDS = Result.Kind.values();

    /**
     * The texts a writer has written, each with its number (in order of writing): an open-addressing table of the texts
     * and their numbers, without a map's entry and boxed number per text (a map here was 1.4 % of a 10,000-card build's
     * samples: a model's blocks write a few hundred texts).
     */
    static final class TextTable {
        private String[] keys = new String[64];
        private int[] hashes = new int[64];
        private int[] numbers = new int[64];
        /** The slot of each text, in the order they were added: {@link #clear} empties only these. */
        private int[] used = new int[33];
        private int shift = 32 - 6;
        private int size;

        /**
         * The number of {@code s} if it was added before; else adds it with the next number and returns -1. A slot's
         * text is only compared when its hash is {@code s}'s: each comparison reads another String and its bytes, and
         * linear probing over the raw hashes of similar texts ("55.8", "55.9") walked long runs of them (2.4 % of a
         * 10,000-card build's samples on the probing line); the hash is spread by Fibonacci hashing.
         */
        int indexOf(String s) {
            int h = s.hashCode();
            int mask = keys.length - 1;
            int at = slot(h);
            for (String k; (k = keys[at]) != null; at = (at + 1) & mask) {
                if (hashes[at] == h && k.equals(s)) return numbers[at];
            }
            keys[at] = s;
            hashes[at] = h;
            used[size] = at;
            numbers[at] = size++;
            if (2 * size > keys.length) grow();
            return -1;
        }

        int size() {
            return size;
        }

        private int slot(int h) {
            return (h * 0x9E3779B9) >>> shift;
        }

        /**
         * Empties the table for the next writing; one grown past {@link #KEPT} slots is made again at its first size, so
         * that a card with many texts does not make each later emptying long.
         */
        void clear() {
            if (keys.length > KEPT) {
                keys = new String[64];
                hashes = new int[64];
                numbers = new int[64];
                used = new int[33];
                shift = 32 - 6;
            } else {
                // the slots of this list's texts only: a table that once grew for a large card is emptied after each
                // of the small lists that follow (filling all its slots was 0.8 % of a build of the real cards)
                for (int i = 0; i < size; i++) keys[used[i]] = null;
            }
            size = 0;
        }

        private static final int KEPT = 1 << 13;

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldNumbers = numbers;
            int[] oldUsed = used;
            keys = new String[oldKeys.length * 2];
            hashes = new int[oldKeys.length * 2];
            numbers = new int[oldKeys.length * 2];
            used = new int[keys.length / 2 + 1];
            shift--;
            int mask = keys.length - 1;
            for (int k = 0; k < size; k++) {
                int i = oldUsed[k];
                int at = slot(oldHashes[i]);
                while (keys[at] != null) at = (at + 1) & mask;
                keys[at] = oldKeys[i];
                hashes[at] = oldHashes[i];
                numbers[at] = oldNumbers[i];
                used[k] = at;
            }
        }
    }

    private static final class Writer {
        private byte[] buf = new byte[4096];
        private int n;
        private final TextTable texts = new TextTable();
        private Map<Link, Integer> links = new IdentityHashMap<>();

        /**
         * Each thread's writer, emptied for the next encoding: a new writer's buffer and table of texts grew by doubling
         * from their first size for each of the four lists of each model.
         */
        private static final ThreadLocal<Writer> OWN = ThreadLocal.withInitial(Writer::new);

        /** This thread's writer, empty (its buffer made again at its first size when it had grown past 1 MiB). */
        static Writer reset() {
            Writer w = OWN.get();
            w.n = 0;
            if (w.buf.length > 1 << 20) w.buf = new byte[4096];
            w.texts.clear();
            if (w.links.size() > 4096) w.links = new IdentityHashMap<>();
            else w.links.clear();
            return w;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }

        private void room(int more) {
            if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }

        void u(int v) { // unsigned varint
            room(5);
            while ((v & ~0x7F) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void i(int v) {
            u((v << 1) ^ (v >> 31));
        }

        void l(long v) {
            long z = (v << 1) ^ (v >> 63);
            room(10);
            while ((z & ~0x7FL) != 0) {
                buf[n++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[n++] = (byte) z;
        }

        void b(boolean v) {
            u(v ? 1 : 0);
        }

        /** 0: null; 1: a new text, its UTF-8 bytes follow; k ≥ 2: the text written (k − 2)th. */
        void s(String s) {
            if (s == null) {
                u(0);
                return;
            }
            int seen = texts.indexOf(s);
            if (seen >= 0) {
                u(seen + 2);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            u(1);
            u(bytes.length);
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        void texts(List<String> list) {
            u(list.size());
            for (String x : list) s(x);
        }

        void map(Map<String, String> map) {
            u(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                s(e.getKey());
                s(e.getValue());
            }
        }

        void number(BigDecimal d) {
            if (d == null) {
                u(0);
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            if (unscaled.bitLength() < 63) {
                u(1);
                l(unscaled.longValue());
                i(d.scale());
            } else {
                u(2);
                s(d.toString());
            }
        }

        void position(SourcePosition p) {
            s(p.path());
            i(p.line());
            i(p.column());
        }

        void model(Model m) {
            s(m.slug());
            s(m.name());
            s(m.heading());
            position(m.origin());
            s(m.summary());
            frontMatter(m.frontMatter());
            blocks(m.blocks());
            u(m.variants().size());
            for (Variant v : m.variants()) variant(v);
            u(m.links().size());
            for (Link x : m.links()) link(x);
            u(m.results().size());
            for (Result r : m.results()) result(r);
            s(m.id());
        }

        void frontMatter(FrontMatter f) {
            if (f == FrontMatter.EMPTY) {
                u(0);
                return;
            }
            u(1);
            s(f.license());
            texts(f.tags());
            texts(f.datasets());
            texts(f.baseModels());
            s(f.pipelineTag());
            u(f.results().size());
            for (Curated.Result r : f.results()) {
                s(r.model());
                s(r.task());
                s(r.dataset());
                s(r.split());
                s(r.metric());
                number(r.value());
                s(r.source());
                position(r.origin());
            }
            map(f.other());
            s(f.modelIndexName());
            texts(f.languages());
        }

        void variant(Variant v) {
            s(v.name());
            number(v.parameters());
            s(v.parametersText());
            map(v.attributes());
            u(v.links().size());
            for (Link x : v.links()) link(x);
        }

        /** 0: a new link, its fields follow; k ≥ 1: the (k − 1)th link written, the same instance. */
        void link(Link x) {
            Integer seen = links.get(x);
            if (seen != null) {
                u(seen + 1);
                return;
            }
            links.put(x, links.size());
            u(0);
            s(x.text());
            s(x.href());
            position(x.origin());
            s(x.originalHref());
            s(x.note());
        }

        void result(Result r) {
            s(r.benchmark());
            b(r.known());
            s(r.dataset());
            s(r.task());
            s(r.metric());
            number(r.value());
            s(r.printed());
            s(r.setting());
            s(r.variant());
            b(r.baseline());
            u(r.origins().size());
            for (Result.Origin o : r.origins()) {
                u(o.kind().ordinal());
                position(o.source());
                s(o.table());
                s(o.row());
                i(o.column());
                texts(o.headers());
                s(o.text());
            }
        }

        void blocks(List<Block> blocks) {
            u(blocks.size());
            for (Block b : blocks) block(b);
        }

        void block(Block b) {
            if (b instanceof Block.Heading h) {
                u(HEADING);
                i(h.level());
                s(h.text());
                s(h.id());
                position(h.origin());
            } else if (b instanceof Block.Prose p) {
                u(PROSE);
                s(p.html());
                s(p.text());
                position(p.origin());
            } else if (b instanceof Block.TableBlock t) {
                u(TABLE);
                table(t.table());
            } else if (b instanceof Block.Code c) {
                u(CODE);
                s(c.language());
                s(c.code());
                position(c.origin());
            } else if (b instanceof Block.DetailsStart d) {
                u(DETAILS_START);
                s(d.summaryHtml());
                b(d.open());
                position(d.origin());
            } else if (b instanceof Block.DetailsEnd d) {
                u(DETAILS_END);
                position(d.origin());
            } else if (b instanceof Block.CalloutStart c) {
                u(CALLOUT_START);
                s(c.kind());
                position(c.origin());
            } else if (b instanceof Block.CalloutEnd c) {
                u(CALLOUT_END);
                position(c.origin());
            } else if (b instanceof Block.ListBlock l) {
                u(LIST);
                b(l.ordered());
                texts(l.items());
                position(l.origin());
                u(l.lines().size());
                for (int line : l.lines()) i(line);
            } else {
                throw new IllegalArgumentException("no encoding for " + b.getClass());
            }
        }

        void table(Table t) {
            s(t.id());
            s(t.caption());
            u(t.kind().ordinal());
            u(t.columns().size());
            for (Column c : t.columns()) {
                s(c.html());
                s(c.text());
                s(c.benchmark());
                s(c.metric());
                texts(c.parts());
                map(c.annotations());
                s(c.better());
            }
            rows(t.headerRows());
            rows(t.rows());
            position(t.origin());
        }

        void rows(List<Row> rows) {
            u(rows.size());
            for (Row r : rows) {
                s(r.id());
                s(r.group());
                u(r.cells().size());
                for (Cell c : r.cells()) cell(c);
                position(r.origin());
                s(r.deltaBase());
            }
        }

        void cell(Cell c) {
            s(c.source());
            s(c.html());
            s(c.text());
            value(c.value());
            u(c.links().size());
            for (Link x : c.links()) link(x);
            Cell.Span span = c.span();
            if (span.equals(Cell.Span.ONE)) {
                u(0);
            } else {
                u(1);
                u(span.rows());
                u(span.columns());
                u(span.up());
                u(span.left());
            }
        }

        void value(CellValue v) {
            if (v instanceof CellValue.Number x) {
                u(NUMBER);
                number(x.value());
            } else if (v instanceof CellValue.Delta x) {
                u(DELTA);
                number(x.value());
                number(x.delta());
            } else if (v instanceof CellValue.Spread x) {
                u(SPREAD);
                number(x.value());
                number(x.spread());
            } else if (v instanceof CellValue.Composite x) {
                u(COMPOSITE);
                u(x.parts().size());
                for (CellValue.Part p : x.parts()) {
                    s(p.name());
                    number(p.value());
                    number(p.delta());
                }
            } else if (v instanceof CellValue.Quantity x) {
                u(QUANTITY);
                number(x.value());
                s(x.unit());
                number(x.base());
            } else if (v instanceof CellValue.Flag x) {
                u(FLAG);
                b(x.value());
            } else if (v instanceof CellValue.Missing) {
                u(MISSING);
            } else if (v instanceof CellValue.Text x) {
                u(TEXT);
                s(x.value());
            } else {
                throw new IllegalArgumentException("no encoding for " + v.getClass());
            }
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int p;
        private final List<String> texts;
        private final List<Link> links = new ArrayList<>();

        Reader(byte[] buf) {
            this.buf = buf;
            // about a text in 32 bytes: a model's blocks hold hundreds, and growing the list from ten was 0.5 % of a
            // 10,000-card build's samples
            texts = new ArrayList<>(Math.max(10, Math.min(buf.length >> 5, 4096)));
        }

        int u() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = buf[p++];
                v |= (x & 0x7F) << shift;
                if (x >= 0) return v;
            }
        }

        int i() {
            int z = u();
            return (z >>> 1) ^ -(z & 1);
        }

        long l() {
            long z = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = buf[p++];
                z |= (long) (x & 0x7F) << shift;
                if (x >= 0) break;
            }
            return (z >>> 1) ^ -(z & 1);
        }

        boolean b() {
            return u() != 0;
        }

        String s() {
            return text(false);
        }

        /**
         * {@link #s()} held once ({@link Texts#intern}), and kept so in this list's table of texts: a result interns its
         * texts, and a list repeats them (its benchmarks, metrics, settings and variants), so each is looked up once per
         * list and later ones are the same instance (interning each again was 1.7 % of a 10,000-card build's samples).
         */
        String interned() {
            return text(true);
        }

        /** 0: null; 1: a new text, its UTF-8 bytes follow; k ≥ 2: the text read (k − 2)th; interned when asked. */
        private String text(boolean intern) {
            int k = u();
            if (k == 0) return null;
            if (k >= 2) {
                String s = texts.get(k - 2);
                if (!intern || held(k - 2)) return s;
                String held = Texts.intern(s);
                texts.set(k - 2, held);
                hold(k - 2);
                return held;
            }
            int len = u();
            String s;
            if (intern) {
                s = Texts.intern(buf, p, len);
                hold(texts.size());
            } else {
                s = new String(buf, p, len, StandardCharsets.UTF_8);
            }
            p += len;
            texts.add(s);
            return s;
        }

        /** Which of {@link #texts} are interned already (a text read again is not interned again). */
        private long[] interned = new long[4];

        private boolean held(int k) {
            return k >>> 6 < interned.length && (interned[k >>> 6] & (1L << k)) != 0;
        }

        private void hold(int k) {
            if (k >>> 6 >= interned.length) interned = Arrays.copyOf(interned, Math.max(interned.length * 2, (k >>> 6) + 1));
            interned[k >>> 6] |= 1L << k;
        }

        List<String> texts() {
            int size = u();
            if (size == 0) return List.of();
            String[] out = new String[size];
            for (int k = 0; k < size; k++) out[k] = s();
            return List.of(out);
        }

        Map<String, String> map() {
            int size = u();
            if (size == 0) return Map.of();
            Map<String, String> out = new LinkedHashMap<>();
            for (int k = 0; k < size; k++) out.put(s(), s());
            return out;
        }

        BigDecimal number() {
            int kind = u();
            if (kind == 0) return null;
            if (kind == 1) {
                long unscaled = l();
                return BigDecimal.valueOf(unscaled, i());
            }
            return new BigDecimal(s());
        }

        /** The position read last: a table's rows and a row's results follow one another in one file. */
        private SourcePosition lastPosition;

        SourcePosition position() {
            String path = s();
            int line = i();
            int column = i();
            SourcePosition last = lastPosition;
            // a text read again is the same instance (the list's table of texts)
            if (last != null && last.path() == path && last.line() == line && last.column() == column) return last;
            return lastPosition = new SourcePosition(path, line, column);
        }

        Model model() {
            String slug = s();
            String name = s();
            String heading = s();
            SourcePosition origin = position();
            String summary = s();
            FrontMatter front = frontMatter();
            List<Block> blocks = blocks();
            Variant[] variants = new Variant[u()];
            for (int k = 0; k < variants.length; k++) variants[k] = variant();
            Link[] modelLinks = new Link[u()];
            for (int k = 0; k < modelLinks.length; k++) modelLinks[k] = link();
            Result[] results = new Result[u()];
            for (int k = 0; k < results.length; k++) results[k] = result();
            return new Model(slug, name, heading, origin, summary, front, blocks, List.of(variants),
                    List.of(modelLinks), List.of(results), s());
        }

        FrontMatter frontMatter() {
            if (u() == 0) return FrontMatter.EMPTY;
            String license = s();
            List<String> tags = texts();
            List<String> datasets = texts();
            List<String> baseModels = texts();
            String pipelineTag = s();
            Curated.Result[] results = new Curated.Result[u()];
            for (int k = 0; k < results.length; k++) {
                results[k] = new Curated.Result(s(), s(), s(), s(), s(), number(), s(), position());
            }
            return new FrontMatter(license, tags, datasets, baseModels, pipelineTag, List.of(results), map(), s(),
                    texts());
        }

        Variant variant() {
            String name = s();
            BigDecimal parameters = number();
            String parametersText = s();
            Map<String, String> attributes = map();
            Link[] own = new Link[u()];
            for (int k = 0; k < own.length; k++) own[k] = link();
            return new Variant(name, parameters, parametersText, attributes, List.of(own));
        }

        Link link() {
            int k = u();
            if (k > 0) return links.get(k - 1);
            int at = links.size();
            links.add(null); // its number is taken before its fields are read, as when it was written
            Link x = new Link(s(), s(), position(), s(), s());
            links.set(at, x);
            return x;
        }

        Result result() {
            String benchmark = interned();
            boolean known = b();
            String dataset = interned();
            String task = interned();
            String metric = interned();
            BigDecimal value = number();
            String printed = interned();
            String setting = interned();
            String variant = interned();
            boolean baseline = b();
            Result.Origin[] origins = new Result.Origin[u()];
            for (int k = 0; k < origins.length; k++) {
                origins[k] = new Result.Origin(ORIGIN_KINDS[u()], position(), s(), s(), i(), texts(), s());
            }
            return new Result(benchmark, known, dataset, task, metric, value, printed, setting, variant, baseline,
                    List.of(origins));
        }

        List<Block> blocks() {
            Block[] out = new Block[u()];
            for (int k = 0; k < out.length; k++) out[k] = block();
            return List.of(out);
        }

        Block block() {
            int tag = u();
            switch (tag) {
                case HEADING:
                    return new Block.Heading(i(), s(), s(), position());
                case PROSE:
                    return new Block.Prose(s(), s(), position());
                case TABLE:
                    return new Block.TableBlock(table());
                case CODE:
                    return new Block.Code(s(), s(), position());
                case DETAILS_START:
                    return new Block.DetailsStart(s(), b(), position());
                case DETAILS_END:
                    return new Block.DetailsEnd(position());
                case CALLOUT_START:
                    return new Block.CalloutStart(s(), position());
                case CALLOUT_END:
                    return new Block.CalloutEnd(position());
                case LIST: {
                    boolean ordered = b();
                    List<String> items = texts();
                    SourcePosition origin = position();
                    Integer[] lines = new Integer[u()];
                    for (int k = 0; k < lines.length; k++) lines[k] = i();
                    return new Block.ListBlock(ordered, items, origin, List.of(lines));
                }
                default:
                    throw new IllegalStateException("bad block tag " + tag + " at byte " + (p - 1));
            }
        }

        Table table() {
            String id = s();
            String caption = s();
            TableKind kind = KINDS[u()];
            Column[] columns = new Column[u()];
            for (int k = 0; k < columns.length; k++) {
                columns[k] = new Column(s(), s(), s(), s(), texts(), map(), s());
            }
            List<Row> headerRows = rows();
            List<Row> rows = rows();
            return new Table(id, caption, kind, List.of(columns), headerRows, rows, position());
        }

        List<Row> rows() {
            Row[] out = new Row[u()];
            for (int k = 0; k < out.length; k++) {
                String id = s();
                String group = s();
                Cell[] cells = new Cell[u()];
                for (int c = 0; c < cells.length; c++) cells[c] = cell();
                out[k] = new Row(id, group, List.of(cells), position(), s());
            }
            return List.of(out);
        }

        Cell cell() {
            String source = s();
            String html = s();
            String text = s();
            CellValue value = value();
            int count = u();
            List<Link> own;
            if (count == 0) {
                own = List.of();
            } else {
                Link[] a = new Link[count];
                for (int k = 0; k < count; k++) a[k] = link();
                own = List.of(a);
            }
            Cell.Span span = u() == 0 ? Cell.Span.ONE : new Cell.Span(u(), u(), u(), u());
            return new Cell(source, html, text, value, own, span);
        }

        CellValue value() {
            int tag = u();
            switch (tag) {
                case NUMBER:
                    return new CellValue.Number(number());
                case DELTA:
                    return new CellValue.Delta(number(), number());
                case SPREAD:
                    return new CellValue.Spread(number(), number());
                case COMPOSITE: {
                    CellValue.Part[] parts = new CellValue.Part[u()];
                    for (int k = 0; k < parts.length; k++) parts[k] = new CellValue.Part(s(), number(), number());
                    return new CellValue.Composite(List.of(parts));
                }
                case QUANTITY:
                    return new CellValue.Quantity(number(), s(), number());
                case FLAG:
                    return new CellValue.Flag(b());
                case MISSING:
                    return new CellValue.Missing();
                case TEXT:
                    return new CellValue.Text(s());
                default:
                    throw new IllegalStateException("bad value tag " + tag + " at byte " + (p - 1));
            }
        }
    }
}
