package io.modelcards.parse;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parse stage, for one run over many files: parsed models → equal models whose tables, headings and links hold one
 * instance of each equal text, number, cell value, cell, column and position. Cards repeat these from card to card
 * (header texts, the values of a benchmark's range, whole cells such as "55.8"): at 10,000 synthetic cards they were
 * copies in four of five Strings and in all but a thousand of 1.7 million numbers, about 400 MB of a parsed site's
 * 850 MB. Everything shared is immutable and compared by value (no stage tells instances apart below the model), so
 * an equal instance stands for another. One interner lives as long as its run (or its model, {@link #forOneModel}),
 * so nothing outlives a build; the run's may be used from several threads.
 */
public final class Interner {
    private final Map<Object, Object> instances;

    /** An interner that several threads may use at once. */
    public Interner() {
        this(new ConcurrentHashMap<>());
    }

    private Interner(Map<Object, Object> instances) {
        this.instances = instances;
    }

    /**
     * An interner for one model, used by one thread: a plain map, sized for a model's few hundred results (the
     * concurrent map's reads, writes and resizing were 3 % of a 10,000-card build's samples, one map per model).
     */
    public static Interner forOneModel() {
        return new Interner(new java.util.HashMap<>(1024));
    }

    /**
     * The first instance equal to {@code value} this interner was given; {@code value} itself when it is the first.
     * Only for immutable values whose equality is their content (records, Strings, numbers, List.of lists).
     */
    @SuppressWarnings("unchecked")
    <T> T shared(T value) {
        Object first = instances.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }

    /** The instance equal to {@code value} given before, or null. */
    @SuppressWarnings("unchecked")
    private <T> T sharedOrNull(T value) {
        return (T) instances.get(value);
    }

    /** Each model of {@code models} with its parts shared, see {@link #intern(Model)}. */
    public List<Model> intern(List<Model> models) {
        List<Model> out = new ArrayList<>(models.size());
        for (Model m : models) out.add(intern(m));
        return out;
    }

    /** {@code m} with its tables, headings, code languages and links made of shared instances. */
    public Model intern(Model m) {
        // a link of a table cell is also in the model's list: both keep the same (new) instance
        Map<Link, Link> links = new IdentityHashMap<>();
        List<Block> blocks = new ArrayList<>(m.blocks().size());
        for (Block b : m.blocks()) blocks.add(block(b, links));
        List<Link> modelLinks = new ArrayList<>(m.links().size());
        for (Link l : m.links()) modelLinks.add(links.computeIfAbsent(l, this::link));
        return m.withBlocks(blocks).withLinks(modelLinks);
    }

    private Block block(Block b, Map<Link, Link> links) {
        if (b instanceof Block.TableBlock t) return new Block.TableBlock(table(t.table(), links));
        if (b instanceof Block.Heading h) return new Block.Heading(h.level(), text(h.text()), text(h.id()), h.origin());
        if (b instanceof Block.Prose p) return new Block.Prose(text(p.html()), text(p.text()), p.origin());
        if (b instanceof Block.Code c) return new Block.Code(text(c.language()), c.code(), c.origin());
        return b;
    }

    private Table table(Table t, Map<Link, Link> links) {
        List<Column> columns = new ArrayList<>(t.columns().size());
        for (Column c : t.columns()) columns.add(column(c));
        return new Table(text(t.id()), text(t.caption()), t.kind(), columns, rows(t.headerRows(), links),
                rows(t.rows(), links), shared(t.origin()));
    }

    private List<Row> rows(List<Row> rows, Map<Link, Link> links) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Cell> cells = new ArrayList<>(r.cells().size());
            for (Cell c : r.cells()) cells.add(cell(c, links));
            out.add(new Row(r.id(), text(r.group()), cells, shared(r.origin()), r.deltaBase()));
        }
        return out;
    }

    private Column column(Column c) {
        Column first = sharedOrNull(c);
        if (first != null) return first;
        return shared(new Column(text(c.html()), text(c.text()), text(c.benchmark()), text(c.metric()), texts(c.parts()),
                c.annotations(), c.better()));
    }

    /** A cell without links is shared whole; one with links (they say where they are) only shares its parts. */
    private Cell cell(Cell c, Map<Link, Link> links) {
        if (c.links().isEmpty()) {
            Cell first = sharedOrNull(c);
            if (first != null) return first;
            return shared(new Cell(text(c.source()), text(c.html()), text(c.text()), value(c.value()), c.links(), c.span()));
        }
        List<Link> own = new ArrayList<>(c.links().size());
        for (Link l : c.links()) own.add(links.computeIfAbsent(l, this::link));
        return new Cell(text(c.source()), text(c.html()), text(c.text()), value(c.value()), own, c.span());
    }

    private Link link(Link l) {
        return new Link(text(l.text()), text(l.href()), shared(l.origin()), text(l.originalHref()), l.note());
    }

    private CellValue value(CellValue v) {
        CellValue first = sharedOrNull(v);
        if (first != null) return first;
        if (v instanceof CellValue.Number n) return shared(new CellValue.Number(number(n.value())));
        if (v instanceof CellValue.Delta d) return shared(new CellValue.Delta(number(d.value()), number(d.delta())));
        if (v instanceof CellValue.Spread d) return shared(new CellValue.Spread(number(d.value()), number(d.spread())));
        if (v instanceof CellValue.Quantity q) {
            return shared(new CellValue.Quantity(number(q.value()), text(q.unit()), number(q.base())));
        }
        if (v instanceof CellValue.Text t) return shared(new CellValue.Text(text(t.value())));
        if (v instanceof CellValue.Composite c) {
            List<CellValue.Part> parts = new ArrayList<>(c.parts().size());
            for (CellValue.Part p : c.parts()) {
                parts.add(shared(new CellValue.Part(text(p.name()), number(p.value()), p.delta() == null ? null : number(p.delta()))));
            }
            return shared(new CellValue.Composite(parts));
        }
        return shared(v); // a flag or a missing value
    }

    /** An equal number is the same number only with the same scale (55.8 is not 55.80): BigDecimal.equals says so. */
    private BigDecimal number(BigDecimal n) {
        return shared(n);
    }

    private String text(String s) {
        return shared(s);
    }

    private List<String> texts(List<String> list) {
        if (list.isEmpty()) return list;
        List<String> out = new ArrayList<>(list.size());
        for (String s : list) out.add(text(s));
        return out;
    }
}
