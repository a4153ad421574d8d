package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One model section ({@code # Name} and everything up to the next one), normalized. */
public record Model(String slug, String name, String heading, SourcePosition origin, String summary,
                    FrontMatter frontMatter, List<Block> blocks, List<Variant> variants, List<Link> links) {
    public Model {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        heading = heading == null ? name : heading;
        Objects.requireNonNull(origin, "origin");
        summary = summary == null ? "" : summary;
        frontMatter = frontMatter == null ? FrontMatter.EMPTY : frontMatter;
        blocks = List.copyOf(blocks);
        variants = List.copyOf(variants);
        links = List.copyOf(links);
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.TableBlock t) tables.add(t.table());
        return tables;
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

    public Model withBlocks(List<Block> newBlocks) {
        return new Model(slug, name, heading, origin, summary, frontMatter, newBlocks, variants, links);
    }

    public Model withVariants(List<Variant> newVariants) {
        return new Model(slug, name, heading, origin, summary, frontMatter, blocks, newVariants, links);
    }

    public Model withLinks(List<Link> newLinks) {
        return new Model(slug, name, heading, origin, summary, frontMatter, blocks, variants, newLinks);
    }
}
