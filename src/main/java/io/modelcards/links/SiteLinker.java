package io.modelcards.links;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Site;
import io.modelcards.model.Table;
import io.modelcards.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links stage entry point: the parsed site → a site whose links are fixed up and resolved. In order: curated
 * forced links, link-matrix fix-ups (each reported as a warning), same-document heading links, cross-links to
 * other models named in prose, and the external-link marks. Model.links and the HTML shown agree afterwards.
 */
public final class SiteLinker {
    private final LinkMatrixFixer matrices = new LinkMatrixFixer();

    public Site link(Site site, Diagnostics diagnostics) {
        return link(site, diagnostics, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #link(Site, Diagnostics)}, with each linked model as {@code keep} holds it (see ModelCardParser#parse). */
    public Site link(Site site, Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep) {
        Context context = context(site);
        // models are linked on every core (as serve does); what each reports is added in catalogue order
        record Done(Model model, Diagnostics diagnostics) {}
        List<Done> done = site.models().parallelStream().map(m -> {
            Diagnostics local = new Diagnostics();
            return new Done(keep.apply(unchangedKept(m, link(m, context, local).model())), local);
        }).toList();
        List<Model> out = new ArrayList<>(done.size());
        for (Done d : done) {
            out.add(d.model());
            diagnostics.addAll(d.diagnostics());
        }
        return site.withModels(out);
    }

    /**
     * {@code linked}, holding the lists of {@code m} that linking left equal: a model keeps its blocks and links (which
     * a build holds encoded) when nothing in them was linked, so that the build does not hold both.
     */
    private static Model unchangedKept(Model m, Model linked) {
        Model out = linked;
        if (linked.blocks() != m.blocks() && linked.blocks().equals(m.blocks())) out = out.withBlocks(m.blocks());
        if (linked.links() != m.links() && linked.links().equals(m.links())) out = out.withLinks(m.links());
        return out;
    }

    /** What linking one model needs of the whole site. */
    public static final class Context {
        private final LinkOverrides overrides;
        private final HeadingLinks headings;
        private final io.modelcards.model.SiteConfig config;
        /** The pages of the Hub cards (id with an org), for links to a sibling repository (SourceLinks). */
        private final Map<String, String> slugById;
        private final CrossLinker crossLinker;

        /** The models the cross-linker was made from, in order, and the curated data. */
        private final List<Model> models;
        private final Object curated;

        private Context(Site site, Context previous) {
            config = site.config();
            headings = new HeadingLinks(site.models());
            models = site.models();
            curated = site.curated();
            // the overrides, the ids' pages and the cross-linker read nothing else of the site than each model's name,
            // heading, slug and id, so equal ones are not made again (serve: an edit that renames nothing)
            if (previous != null && previous.curated.equals(curated) && sameNames(previous.models, models)) {
                overrides = previous.overrides;
                slugById = previous.slugById;
                crossLinker = previous.crossLinker;
                return;
            }
            overrides = new LinkOverrides(site.curated().linkOverrides());
            slugById = new java.util.HashMap<>();
            for (Model m : site.models()) {
                if (m.id().indexOf('/') > 0) slugById.putIfAbsent(m.id().toLowerCase(java.util.Locale.ROOT), m.slug());
            }
            crossLinker = new CrossLinker(site.models(), site.curated());
        }

        /**
         * Whether two sites' models have the same names, headings, slugs and ids, in the same order: a model kept
         * from the last site (the same instance) has, so only the others are read (at 10,000 cards, reading every
         * model's four names on each edit was a tenth of it).
         */
        private static boolean sameNames(List<Model> before, List<Model> now) {
            if (before.size() != now.size()) return false;
            for (int i = 0; i < now.size(); i++) {
                Model a = before.get(i);
                Model b = now.get(i);
                if (a != b && !(a.name().equals(b.name()) && a.heading().equals(b.heading())
                        && a.slug().equals(b.slug()) && a.id().equals(b.id()))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Every name that cross-links, with the slug and name of the model it links to: while these and the curated
         * data stay the same, a model is linked the same unless it {@link Linked#looksElsewhere() looks elsewhere}.
         */
        public Map<String, String> names() {
            return crossLinker.targets();
        }
    }

    /**
     * One model, linked; {@code looksElsewhere} when a same-document link of it was looked for among the other
     * models' headings, so that its links depend on more than the names of the other models.
     */
    public record Linked(Model model, boolean looksElsewhere) {}

    public Context context(Site site) {
        return new Context(site, null);
    }

    /** Like {@link #context(Site)}, taking what it can from {@code previous} (serve's rebuilds). */
    public Context context(Site site, Context previous) {
        return new Context(site, previous);
    }

    /** Links one model of the site {@code context} was made from. */
    public Linked link(Model model, Context context, Diagnostics diagnostics) {
        ModelLinks work = new ModelLinks(model, context.overrides, context.headings, context.crossLinker,
                new SourceLinks(context.config, model, context.slugById, diagnostics), diagnostics);
        Model linked = work.link();
        return new Linked(linked, work.looksElsewhere);
    }

    /** The link work on one model; collects each changed link so Model.links can follow the HTML. */
    private final class ModelLinks {
        private final Model model;
        private final LinkOverrides overrides;
        private final HeadingLinks headings;
        private final CrossLinker crossLinker;
        private final SourceLinks source;
        private final Diagnostics diagnostics;
        private final List<Link[]> changes = new ArrayList<>();
        /** Images pointed to the card's source repository, reported with the links. */
        private final List<Link> images = new ArrayList<>();
        private boolean looksElsewhere;

        ModelLinks(Model model, LinkOverrides overrides, HeadingLinks headings, CrossLinker crossLinker,
                   SourceLinks source, Diagnostics diagnostics) {
            this.model = model;
            this.source = source;
            this.overrides = overrides;
            this.headings = headings;
            this.crossLinker = crossLinker;
            this.diagnostics = diagnostics;
        }

        /**
         * The model linked. What linking left as it was is kept as the same object (a block, a table, a row, a cell,
         * a list): the build holds a model's blocks and links encoded and keeps them when nothing in them changed,
         * which it sees by identity instead of comparing every cell of the model's tables.
         */
        Model link() {
            List<Block> blocks = new ArrayList<>();
            boolean blocksChanged = false;
            Set<String> crossLinked = new HashSet<>();
            for (Block b : model.blocks()) {
                Block now = b;
                if (b instanceof Block.Prose p) {
                    String html = proseLinks(p.html(), model.links(), p.origin());
                    html = crossLinker.link(html, model, crossLinked);
                    if (!html.equals(p.html())) now = new Block.Prose(html, p.text(), p.origin());
                } else if (b instanceof Block.ListBlock l) {
                    List<String> items = new ArrayList<>();
                    boolean changed = false;
                    for (String item : l.items()) {
                        String html = crossLinker.link(proseLinks(item, model.links(), l.origin()), model, crossLinked);
                        changed |= !html.equals(item);
                        items.add(html);
                    }
                    if (changed) now = new Block.ListBlock(l.ordered(), items, l.origin(), l.lines());
                } else if (b instanceof Block.TableBlock t) {
                    Table linked = table(t.table());
                    if (linked != t.table()) now = new Block.TableBlock(linked);
                }
                blocksChanged |= now != b;
                blocks.add(now);
            }
            Model out = blocksChanged ? model.withBlocks(blocks) : model;
            if (!changes.isEmpty() || !images.isEmpty()) {
                List<Link> links = new ArrayList<>(apply(model.links()));
                links.addAll(images);
                out = out.withLinks(links);
            }
            return changes.isEmpty() ? out : out.withVariants(variants());
        }

        /**
         * Forced, heading and source-repository links of a prose block, and its images; the block's links are those
         * of the model from its line on.
         */
        private String proseLinks(String html, List<Link> links, SourcePosition blockAt) {
            int fromLine = blockAt.line();
            html = images(html, blockAt);
            return HtmlLinks.rewriteHrefs(html, href -> {
                Link link = find(links, href, fromLine);
                if (link != null) {
                    Link forced = overrides.forced(link);
                    if (forced != null) {
                        record(link, forced);
                        return forced.href();
                    }
                }
                looksElsewhere |= headings.looksElsewhere(model, href);
                String resolved = headings.resolve(model, href);
                if (resolved != null && link != null) changes.add(new Link[] {link, resolvedLink(link, resolved)});
                if (resolved != null) return resolved;
                SourceLinks.Rewrite r = source.rewrite(href, false, link != null ? link.origin() : blockAt);
                if (r == null) return null;
                if (link != null) changes.add(new Link[] {link, sourceLink(link, r)});
                return r.to();
            });
        }

        /** The images of some HTML pointed to the card's source repository where they were written for it. */
        private String images(String html, SourcePosition at) {
            return HtmlLinks.rewriteSrcs(html, src -> {
                SourceLinks.Rewrite r = source.rewrite(src, true, at);
                if (r == null) return null;
                images.add(new Link("image", r.to(), at, r.from(), r.why()));
                return r.to();
            });
        }

        private Table table(Table table) {
            List<LinkMatrixFixer.Fix> fixes = matrices.infer(table, overrides);
            List<Row> rows = new ArrayList<>();
            boolean tableChanged = false;
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = table.rows().get(r);
                List<Cell> cells = new ArrayList<>();
                boolean rowChanged = false;
                for (int c = 0; c < row.cells().size(); c++) {
                    Cell cell = row.cells().get(c);
                    Cell now = cell(cell, fixFor(fixes, r, c), row.origin());
                    rowChanged |= now != cell;
                    cells.add(now);
                }
                tableChanged |= rowChanged;
                rows.add(rowChanged ? row.withCells(cells) : row);
            }
            for (LinkMatrixFixer.Fix f : fixes) {
                diagnostics.warning(f.before().origin(), "fixed link in table " + table.id() + " (row " + f.rowLabel()
                        + ", column " + f.columnLabel() + "; rule: " + f.rule() + "): " + f.before().href() + " → " + f.after().href());
            }
            return tableChanged ? table.withRows(rows) : table;
        }

        private Cell cell(Cell cell, LinkMatrixFixer.Fix fix, SourcePosition rowAt) {
            if (cell.links().isEmpty() && !cell.html().contains("<img")) return cell;
            String html = images(cell.html(), rowAt);
            List<Link> links = new ArrayList<>();
            boolean linksChanged = false;
            for (Link l : cell.links()) {
                Link now = l;
                boolean toSource = false;
                Link forced = overrides.forced(l);
                if (forced != null) now = forced;
                else if (fix != null && fix.before().equals(l)) now = fix.after();
                else {
                    looksElsewhere |= headings.looksElsewhere(model, l.href());
                    String resolved = headings.resolve(model, l.href());
                    if (resolved != null) now = resolvedLink(l, resolved);
                    else {
                        SourceLinks.Rewrite r = source.rewrite(l.href(), false, l.origin());
                        if (r != null) now = sourceLink(l, r);
                        toSource = r != null;
                    }
                }
                if (now != l) {
                    String target = now.href();
                    html = now.isFixed() && !toSource ? HtmlLinks.fix(html, l.href(), now.href())
                            : HtmlLinks.rewriteHrefs(html, h -> h.equals(l.href()) ? target : null);
                    if (now.isFixed() && forced != null) report(now);
                    changes.add(new Link[] {l, now});
                }
                linksChanged |= now != l;
                links.add(now);
            }
            html = HtmlLinks.guardNewWindows(html);
            if (!linksChanged && html.equals(cell.html())) return cell;
            return new Cell(cell.source(), html, cell.text(), cell.value(), links, cell.span());
        }

        private void record(Link before, Link after) {
            changes.add(new Link[] {before, after});
            report(after);
        }

        private void report(Link forced) {
            diagnostics.warning(forced.origin(), "forced link: " + forced.originalHref() + " → " + forced.href()
                    + " (" + forced.note() + ")");
        }

        /** Model.links with every changed link replaced, each change used once. */
        private List<Link> apply(List<Link> links) {
            List<Link[]> pending = new ArrayList<>(changes);
            List<Link> out = new ArrayList<>();
            for (Link l : links) {
                Link now = l;
                for (int i = 0; i < pending.size(); i++) {
                    if (pending.get(i)[0].equals(l)) {
                        now = pending.remove(i)[1];
                        break;
                    }
                }
                out.add(now);
            }
            return out;
        }

        private List<Variant> variants() {
            List<Variant> out = new ArrayList<>();
            for (Variant v : model.variants()) {
                List<Link> links = new ArrayList<>();
                for (Link l : v.links()) {
                    Link now = l;
                    for (Link[] c : changes) if (c[0].equals(l)) now = c[1];
                    links.add(now);
                }
                out.add(new Variant(v.name(), v.parameters(), v.parametersText(), v.attributes(), links));
            }
            return out;
        }
    }

    /** A link pointed to the card's source repository: reported as a fix-up, without the "fixed" mark on the page. */
    private static Link sourceLink(Link link, SourceLinks.Rewrite r) {
        return new Link(link.text(), r.to(), link.origin(), link.originalHref(), r.why());
    }

    /** A heading link resolved to its page: a new href, not a correction of the content. */
    private static Link resolvedLink(Link link, String href) {
        return new Link(link.text(), href, link.origin(), href, link.note());
    }

    private static Link find(List<Link> links, String href, int fromLine) {
        for (Link l : links) if (l.href().equals(href) && l.origin().line() >= fromLine) return l;
        for (Link l : links) if (l.href().equals(href)) return l;
        return null;
    }

    private static LinkMatrixFixer.Fix fixFor(List<LinkMatrixFixer.Fix> fixes, int row, int column) {
        for (LinkMatrixFixer.Fix f : fixes) if (f.row() == row && f.column() == column) return f;
        return null;
    }
}
