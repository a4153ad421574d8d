package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One model section ({@code # Name} and everything up to the next one), normalized. {@code results} are
 * results outside the tables: those of the card's front matter {@code model-index}, and those stated only in
 * prose, from content/curated.yaml: the model's own, and others' that its text compares it with (their
 * {@code model} names the other model). {@code id} identifies the card: the Hub's {@code org/name} for a card
 * file, the model's name for a section of a collection file; two models with one id are an error.
 */
public record Model(String slug, String name, String heading, SourcePosition origin, String summary,
                    FrontMatter frontMatter, List<Block> blocks, List<Variant> variants, List<Link> links,
                    List<Result> results, String id) {
    public Model(String slug, String name, String heading, SourcePosition origin, String summary,
                 FrontMatter frontMatter, List<Block> blocks, List<Variant> variants, List<Link> links,
                 List<Result> results) {
        this(slug, name, heading, origin, summary, frontMatter, blocks, variants, links, results, name);
    }

    public Model(String slug, String name, String heading, SourcePosition origin, String summary,
                 FrontMatter frontMatter, List<Block> blocks, List<Variant> variants, List<Link> links) {
        this(slug, name, heading, origin, summary, frontMatter, blocks, variants, links, List.of());
    }

    public Model {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        heading = heading == null ? name : heading;
        Objects.requireNonNull(origin, "origin");
        summary = summary == null ? "" : summary;
        frontMatter = frontMatter == null ? FrontMatter.EMPTY : frontMatter;
        blocks = blocks instanceof Encoded ? blocks : List.copyOf(blocks);
        variants = variants instanceof Encoded ? variants : List.copyOf(variants);
        links = links instanceof Encoded ? links : List.copyOf(links);
        results = results instanceof Encoded ? results : List.copyOf(results);
        id = id == null || id.isBlank() ? name : id;
    }

    /**
     * A list of a model (its blocks, its variants, its links, its results) held encoded rather than as objects, read again when asked for (a build
     * of many cards holds them so between the stages, see build.StoredList): kept as given, not copied. Such a list is
     * immutable and equal to the list it was made from.
     */
    public interface Encoded {
        /** The number of tables of an encoded list of blocks, known without reading them; -1 when not known. */
        default int tableCount() {
            return -1;
        }

        /**
         * The number of the model's own results (not a baseline's) of an encoded list of results, known without
         * reading them; -1 when not known.
         */
        default int ownResultCount() {
            return -1;
        }

        /**
         * Of an encoded list of blocks, the number of different benchmarks its benchmark tables' columns name; of an
         * encoded list of variants, the number of their links; known without reading them; -1 when not known.
         */
        default int namedCount() {
            return -1;
        }
    }

    /**
     * This model with every list held as objects: an encoded list is read again on each access, each time into new
     * instances, so a stage that compares a model's tables or cells by instance reads them once through this.
     */
    public Model decoded() {
        if (!(blocks instanceof Encoded || variants instanceof Encoded || links instanceof Encoded
                || results instanceof Encoded)) return this;
        return new Model(slug, name, heading, origin, summary, frontMatter, List.copyOf(blocks), List.copyOf(variants),
                List.copyOf(links), List.copyOf(results), id);
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.TableBlock t) tables.add(t.table());
        return tables;
    }

    /** {@code tables().size()}, without reading blocks held encoded. */
    public int tableCount() {
        if (blocks instanceof Encoded e && e.tableCount() >= 0) return e.tableCount();
        int n = 0;
        for (Block b : blocks) if (b instanceof Block.TableBlock) n++;
        return n;
    }

    /**
     * The number of different benchmarks the columns of this model's benchmark tables name (what the catalogue's
     * card counts), without reading blocks held encoded.
     */
    public int benchmarkColumnCount() {
        if (blocks instanceof Encoded e && e.namedCount() >= 0) return e.namedCount();
        return benchmarkColumnCount(blocks);
    }

    /** The number of different benchmarks the columns of the benchmark tables of {@code blocks} name. */
    public static int benchmarkColumnCount(List<Block> blocks) {
        java.util.Set<String> benchmarks = new java.util.HashSet<>();
        for (Block b : blocks) {
            if (!(b instanceof Block.TableBlock t) || t.table().kind() != TableKind.BENCHMARK) continue;
            for (Column c : t.table().columns()) if (!c.benchmark().isEmpty()) benchmarks.add(c.benchmark());
        }
        return benchmarks.size();
    }

    /** The number of links of this model's variants (its checkpoints), without reading variants held encoded. */
    public int variantLinkCount() {
        if (variants instanceof Encoded e && e.namedCount() >= 0) return e.namedCount();
        return variantLinkCount(variants);
    }

    /** The number of links of {@code variants}. */
    public static int variantLinkCount(List<Variant> variants) {
        int n = 0;
        for (Variant v : variants) n += v.links().size();
        return n;
    }

    /** How many of {@code results} are the model's own (not a baseline's), without reading results held encoded. */
    public int ownResultCount() {
        if (results instanceof Encoded e && e.ownResultCount() >= 0) return e.ownResultCount();
        int n = 0;
        for (Result r : results) if (!r.baseline()) n++;
        return n;
    }

    public List<Block.Code> codeBlocks() {
        List<Block.Code> code = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.Code c) code.add(c);
        return code;
    }

    public List<Block.ListBlock> lists() {
        List<Block.ListBlock> lists = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.ListBlock l) lists.add(l);
        return lists;
    }

    /**
     * Deep equality, as for any record, but starting with identity: models are compared and hashed often (serve
     * reuses unchanged pages; pages group models), and a model holds every cell of its tables.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Model m)) return false;
        return slug.equals(m.slug) && name.equals(m.name) && heading.equals(m.heading) && origin.equals(m.origin)
                && summary.equals(m.summary) && frontMatter.equals(m.frontMatter) && blocks.equals(m.blocks)
                && variants.equals(m.variants) && links.equals(m.links) && results.equals(m.results) && id.equals(m.id);
    }

    /** Hashes the identifying fields only (equal models have equal ones), so hashing does not walk every cell. */
    @Override
    public int hashCode() {
        int h = slug.hashCode();
        h = 31 * h + name.hashCode();
        h = 31 * h + origin.path().hashCode();
        return 31 * h + origin.line();
    }

    public Model withBlocks(List<Block> newBlocks) {
        return new Model(slug, name, heading, origin, summary, frontMatter, newBlocks, variants, links, results, id);
    }

    public Model withVariants(List<Variant> newVariants) {
        return new Model(slug, name, heading, origin, summary, frontMatter, blocks, newVariants, links, results, id);
    }

    public Model withLinks(List<Link> newLinks) {
        return new Model(slug, name, heading, origin, summary, frontMatter, blocks, variants, newLinks, results, id);
    }

    public Model withResults(List<Result> newResults) {
        return new Model(slug, name, heading, origin, summary, frontMatter, blocks, variants, links, newResults, id);
    }

    /** The same model under another slug (its page's folder). */
    public Model withSlug(String newSlug) {
        return new Model(newSlug, name, heading, origin, summary, frontMatter, blocks, variants, links, results, id);
    }

    /** The name shown (a curated correction) and its slug; {@code heading} keeps the name as written. */
    public Model withName(String newName, String newSlug) {
        return new Model(newSlug, newName, heading, origin, summary, frontMatter, blocks, variants, links, results, id);
    }
}
