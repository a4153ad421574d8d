package io.modelcards.render;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.render.Views.CardView;
import io.modelcards.render.Views.Crumb;
import io.modelcards.render.Views.PageView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Render stage entry point: the site → every output file (model, benchmark and dataset pages, models.json,
 * search index, sitemap).
 */
public final class SiteRenderer {
    private static final String NOT_FOUND = "404.html";
    private final TemplateEngine engine;
    /** The size of each template's last page, and an eighth more: where the next page of it is written. */
    private final Map<String, Integer> pageSizes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where a build's leaderboards keep their entries between batches (Leaderboards, StoredEntries); null: the heap. */
    private final Scratch scratch;

    /**
     * Whether pages are written by their templates' plans (TemplatePlan) where the templates have one; false: every
     * page by Thymeleaf (the system property {@code modelcards.templatePlans=false}, for comparing the two).
     */
    private final boolean plansOn = !"false".equals(System.getProperty("modelcards.templatePlans"));
    private final TemplatePlan.Sources sources;
    /** Each template's plan, or empty when Thymeleaf renders it; read once, like the engine's cached templates. */
    private final Map<String, Optional<TemplatePlan>> plans = new ConcurrentHashMap<>();

    public SiteRenderer(Path templatesOverride) {
        this(templatesOverride, null);
    }

    /** A renderer that keeps what it sets aside in {@code scratch} (a build's spill file), or in the heap when null. */
    public SiteRenderer(Path templatesOverride, Scratch scratch) {
        this.engine = TemplateEngineFactory.create(templatesOverride);
        this.scratch = scratch;
        this.sources = TemplateEngineFactory.sources(templatesOverride);
    }

    private TemplatePlan plan(String template) {
        if (!plansOn) return null;
        return plans.computeIfAbsent(template, t -> Optional.ofNullable(TemplatePlan.of(t, sources))).orElse(null);
    }

    /**
     * Where the files of one model page come from: rendered now, or reused by serve when nothing changed (its related
     * models and its standing on the leaderboards, which depend on other models, included).
     */
    @FunctionalInterface
    public interface ModelPageSource {
        List<OutputFile> files(Model model, List<CatalogueViews.RelatedView> related, ModelRanks.Standing standing);
    }

    public List<OutputFile> render(Site site, Diagnostics diagnostics) {
        return render(site, (m, related, standing) -> renderModel(m, site.config(), related, standing, diagnostics),
                diagnostics);
    }

    /** Like {@link #render(Site, Diagnostics)}, with each model's files from {@code modelFiles} (serve reuses unchanged ones). */
    public List<OutputFile> render(Site site, ModelPageSource modelFiles, Diagnostics diagnostics) {
        List<OutputFile> files = new ArrayList<>();
        render(site, modelFiles, SiteSink.into(files), false, diagnostics);
        return files;
    }

    /**
     * Renders every file of the site into {@code sink} as it is made. With {@code parallel}, model and benchmark
     * pages are rendered on every core (their bytes do not depend on the order; the sink must be thread-safe).
     */
    public void render(Site site, ModelPageSource modelFiles, SiteSink sink, boolean parallel, Diagnostics diagnostics) {
        render(site, modelFiles, sink, parallel, null, diagnostics);
    }

    /**
     * Like {@link #render(Site, ModelPageSource, Diagnostics)} for serve: a file whose inputs are those of a file in
     * {@code cache} is taken from it.
     */
    public List<OutputFile> render(Site site, ModelPageSource modelFiles, RenderCache cache, Diagnostics diagnostics) {
        List<OutputFile> files = new ArrayList<>();
        cache.start();
        render(site, modelFiles, SiteSink.into(files), false, cache, diagnostics);
        return files;
    }

    private void render(Site site, ModelPageSource modelFiles, SiteSink sink, boolean parallel, RenderCache cache,
                        Diagnostics diagnostics) {
        // the sitemap's pages: every page but 404.html, which goes to the sink alone (serve hands every file of the
        // site through here on every edit: the flag is read, not the path)
        List<String> pages = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Consumer<OutputFile> out = f -> {
            if (f.isPage()) pages.add(f.path());
            sink.accept(f);
        };
        SiteConfig config = site.config();
        // the leaderboards first: each model page shows where the model stands on them (a short list per model); made
        // before the catalogue's cards and the topics, so that a build holds neither while it groups the results
        // (Leaderboards.of(Site)): at 100,000 cards a batch of one benchmark's entries and lines is 150 MB
        Leaderboards leaderboards = cache == null ? Leaderboards.of(site, scratch) : Leaderboards.of(site, cache.leaderboards);
        ModelRanks ranks = leaderboards.ranks();
        var vocabulary = site.curated().benchmarks();
        // then the topics, with (for a build) each model's linked pages read in the same pass over its blocks
        Topics topics = cache == null ? Topics.withLinkedPages(site) : Topics.of(site, cache.topics);
        RelatedModels related = cache == null ? RelatedModels.index(site, topics, topics.linkedPages())
                : RelatedModels.index(site, topics, cache.linkedPages(), cache.related);
        // the benchmark and dataset pages' views are made before the model pages, so that the leaderboards' lines (a
        // line and an entry for each of the catalogue's million results, 170 MB at 10,000 cards) are let go of while
        // the model pages render; the views hold only what the pages show
        List<BenchmarkPages.Page> topicPages = BenchmarkPages.pages(topics, leaderboards, vocabulary, config);
        leaderboards = null;
        // and each model's related models, so that the topics (their mentions and results) go too
        List<Model> models = site.models();
        RelatedModels index = related;
        List<List<CatalogueViews.RelatedView>> relatedOf = cache == null
                ? (parallel ? models.parallelStream() : models.stream()).map(related::of).toList()
                : java.util.stream.IntStream.range(0, models.size()).mapToObj(i -> index.at(i, models.get(i))).toList();
        topics = null;
        related = null;
        // the benchmark and dataset pages, so that their views go before the model pages render
        (parallel ? topicPages.parallelStream() : topicPages.stream()).forEach(p -> {
            List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb("Catalogue", SitePaths.link(p.path(), "index.html"))));
            String kindIndex = p.path().substring(0, p.path().indexOf('/')) + "/index.html";
            if (!p.path().equals(kindIndex)) {
                crumbs.add(new Crumb(kindIndex.startsWith("benchmarks") ? "Benchmarks" : "Datasets",
                        SitePaths.link(p.path(), kindIndex)));
            }
            crumbs.add(new Crumb(p.title(), ""));
            out.accept(page(p.path(), p.template(), p.title(), p.description(), crumbs, config,
                    Map.of(p.variable(), p.view()), cache, diagnostics));
        });
        String topicItems = SearchIndex.items(SearchIndex.topicEntries(topicPages));
        topicPages = null;
        // the catalogue's pages and files after the topics are gone (at 100,000 cards the cards, search entries and
        // models.json entries are 100 MB, the topics 150 MB: a build held both at its peak), and before the model
        // pages, so that they are gone while those render and the link check gathers each page's links
        catalogueFiles(site, cache, topicItems, out, parallel, diagnostics);
        java.util.stream.IntStream each = java.util.stream.IntStream.range(0, models.size());
        java.util.function.Function<Model, OutputFile> compareData = k -> CompareData.of(k, vocabulary);
        (parallel ? each.parallel() : each).forEach(i -> {
            Model m = models.get(i);
            // serve renders one model after the other: its ranks are asked by place
            modelFiles.files(m, relatedOf.get(i), cache == null ? ranks.of(m) : ranks.at(i, m)).forEach(out);
            out.accept(cache == null ? CompareData.of(m, vocabulary) : cache.compareData(m, vocabulary, compareData));
        });
        sink.accept(page(NOT_FOUND, "pages/404", "Page not found", "This page does not exist.", List.of(), config,
                Map.of(), cache, diagnostics));
        out.accept(page("compare.html", "pages/compare", "Compare models", "Compare models side by side on the benchmarks they share.",
                List.of(new Crumb("Catalogue", "index.html"), new Crumb("Compare", "")), config, Map.of(), cache,
                diagnostics));
        out.accept(page("search.html", "pages/search", "Search", "Search the catalogue.",
                List.of(new Crumb("Catalogue", "index.html"), new Crumb("Search", "")), config, Map.of(), cache,
                diagnostics));
        List<String> sitemap = new ArrayList<>(pages);
        (cache == null ? Sitemap.files(config.baseUrl(), sitemap, Sitemap.MAX_URLS)
                : cache.files(Sitemap.PATH, List.of(config.baseUrl(), sitemap),
                        () -> Sitemap.files(config.baseUrl(), sitemap, Sitemap.MAX_URLS))).forEach(out);
        out.accept(OutputFile.text("robots.txt", "User-agent: *\nAllow: /\n"
                + (config.baseUrl().isEmpty() ? "" : "Sitemap: " + absolute(config.baseUrl(), "sitemap.xml") + "\n")));
        out.accept(OutputFile.text(".nojekyll", ""));
    }

    /**
     * The catalogue's pages (index.html and its pages), its index models.json, the search index and the catalogue's
     * data, from each model's card; what they were made from is let go of when this returns.
     */
    private void catalogueFiles(Site site, RenderCache cache, String topicItems,
                                java.util.function.Consumer<OutputFile> out, boolean parallel, Diagnostics diagnostics) {
        SiteConfig config = site.config();
        Catalogue cards = catalogue(site, cache);
        // on every core, as the other pages (one after the other, they left the other core idle)
        List<CataloguePages.Page> pages = CataloguePages.pages(cards.cards(), cards.tables(), CataloguePages.PAGE_SIZE);
        (parallel ? pages.parallelStream() : pages.stream()).forEach(p -> {
            String title = p.number() == 1 ? config.title() : "Page " + p.number() + " of " + p.view().pager().total();
            List<Crumb> crumbs = p.number() == 1 ? List.of()
                    : List.of(new Crumb("Catalogue", SitePaths.link(p.path(), "index.html")), new Crumb(title, ""));
            out.accept(page(p.path(), "pages/index", title, config.description(), crumbs, config,
                    Map.of("index", p.view()), cache, diagnostics));
        });
        // the catalogue's index; each model's own JSON, when the site has them, is written with its page
        CatalogueJson catalogue = cache == null ? new CatalogueJson(cards.entries())
                : CatalogueJson.of(site.models(), m -> cache.catalogueEntry(m, config.modelJson()));
        java.util.function.Supplier<OutputFile> index = () -> OutputFile.text("models.json", ModelsJson.writeCompact(catalogue) + "\n");
        out.accept(cache == null ? index.get() : cache.file("models.json", catalogue, index));
        if (cache == null) {
            List<byte[]> parts = new ArrayList<>(cards.search());
            parts.add(Packed.pack(topicItems.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            SearchIndex.filesFromPacked(parts, partBytes(), out);
        } else { // each model's part is written once and kept: an edit writes its model's part again, not the index
            List<RenderCache.SearchPart> made = new ArrayList<>(site.models().size());
            List<String> parts = new ArrayList<>(site.models().size() + 1);
            for (Model m : site.models()) {
                RenderCache.SearchPart part = cache.searchPart(m);
                made.add(part);
                parts.add(part.text());
            }
            parts.add(topicItems);
            // joined as bytes from each model's bytes (kept like its items): the 8 MB index of 10,000 cards was a
            // string, its copy and its bytes on every edit that changed a card's entries
            cache.files(SearchIndex.PATH, parts, () -> {
                List<byte[]> bytes = new ArrayList<>(parts.size());
                for (RenderCache.SearchPart part : made) bytes.add(part.bytes());
                bytes.add(topicItems.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return SearchIndex.files(bytes, partBytes());
            }).forEach(out);
        }
        (cache == null ? CatalogueData.files(cards.cards(), new CatalogueData.Memo(), partBytes())
                : cache.files(CatalogueData.PATH, cards.cards(),
                        () -> CatalogueData.files(cards.cards(), cache.catalogueData, partBytes()))).forEach(out);
    }

    /** The system property that sets {@link #partBytes}. */
    public static final String PART_BYTES_PROPERTY = "modelcards.dataPartBytes";

    /**
     * The most bytes of entries a file of the search index or of the catalogue's data holds before the next file
     * starts: 8 MiB, or the system property {@value #PART_BYTES_PROPERTY} (a host with a smaller limit per file; the
     * tests, to split a small site's data).
     */
    public static int partBytes() {
        return Math.max(1, Integer.getInteger(PART_BYTES_PROPERTY, SearchIndex.PART_BYTES));
    }

    /**
     * The files of one model: models/<slug>/index.html, its normalized JSON and its model-index JSON; rendered alone,
     * so without related models or leaderboard ranks.
     */
    public List<OutputFile> renderModel(Model m, SiteConfig config, Diagnostics diagnostics) {
        return renderModel(m, config, List.of(), ModelRanks.Standing.NONE, diagnostics);
    }

    /** The pages of one model, with its "related models" list and its standing on the leaderboards. */
    public List<OutputFile> renderModel(Model m, SiteConfig config, List<CatalogueViews.RelatedView> related,
                                        ModelRanks.Standing standing, Diagnostics diagnostics) {
        m = m.decoded(); // one instance of each table for the whole page (charts name their tables by instance)
        String path = SitePaths.model(m.slug());
        String root = SitePaths.root(path);
        List<OutputFile> files = new ArrayList<>();
        files.add(page(path, "pages/model", m.name(), m.summary().isEmpty() ? m.name() : m.summary(),
                List.of(new Crumb("Catalogue", root + "index.html"), new Crumb(m.name(), "")), config,
                Map.of("model", ModelPages.of(m, config, standing), "related", related, "math", MathPages.hasMath(m),
                        "code", CodePages.hasCode(m)), null,
                diagnostics));
        if (config.modelJson()) {
            files.add(OutputFile.text(SitePaths.modelData(m.slug()), ModelsJson.writeModel(m)));
            files.add(OutputFile.text(SitePaths.modelJson(m.slug()), ModelsJson.writeCompact(ModelIndexJson.of(m)) + "\n"));
        }
        return files;
    }

    /**
     * The JSON root of models.json: one short entry per model, pointing at the model's own JSON file when the site
     * has them ({@code modelJson}), so the catalogue's index stays small (about 200 bytes per model) however large
     * the cards are.
     */
    public record CatalogueJson(List<Entry> models) {
        public record Entry(String slug, String id, String name, String page,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            String json, int variants, int tables, int results) {}

        /** With each model's entry from {@code entry} (serve keeps them: an unchanged model gives the same instance). */
        static CatalogueJson of(List<Model> models, java.util.function.Function<Model, Entry> entry) {
            // an ArrayList: comparing two catalogues compares entries with Objects.equals, the same instance first
            List<Entry> entries = new ArrayList<>(models.size());
            for (Model m : models) entries.add(entry.apply(m));
            return new CatalogueJson(entries);
        }

        static Entry entry(Model m, boolean modelJson) {
            String page = SitePaths.model(m.slug());
            return new Entry(m.slug(), m.id(), m.name(), page.substring(0, page.length() - "index.html".length()),
                    modelJson ? SitePaths.modelData(m.slug()) : null, m.variants().size(), m.tableCount(),
                    m.results().size());
        }
    }

    private OutputFile page(String path, String template, String title, String description, List<Crumb> crumbs,
                            SiteConfig config, Map<String, Object> vars, RenderCache cache, Diagnostics diagnostics) {
        if (cache != null) {
            return cache.page(new RenderCache.PageInput(path, template, title, description, crumbs, config, vars),
                    d -> page(path, template, title, description, crumbs, config, vars, null, d), diagnostics);
        }
        String root = SitePaths.root(path);
        String canonical = config.baseUrl().isEmpty() ? "" : absolute(config.baseUrl(), path.endsWith("index.html")
                ? path.substring(0, path.length() - "index.html".length()) : path);
        Map<String, Object> variables = new HashMap<>(vars.size() * 2 + 4);
        variables.put("page", new PageView(title, description, path, root, canonical, crumbs, config));
        variables.putAll(vars);
        String baseHref = path.equals(NOT_FOUND) ? SitePaths.notFoundBase(config.baseUrl()) : "";
        if (!baseHref.isEmpty()) {
            // 404.html is served at any depth: layout.html adds <base href> (and CSP base-uri 'self'), drops "#main"
            variables.put("baseHref", baseHref);
        }
        try {
            // the page written as UTF-8 bytes (Utf8Writer) into a buffer of about the size of this template's last
            // page: the engine's own starts at 100 characters and doubled a dozen times for each 30 KB model page
            int size = pageSizes.getOrDefault(template, 4096);
            Utf8Writer out = new Utf8Writer(size);
            TemplatePlan plan = plan(template);
            if (plan == null || !plan.write(variables, out)) {
                if (plan != null) out = new Utf8Writer(size); // what the plan wrote is thrown away
                Context ctx = new Context(Locale.ROOT);
                variables.forEach(ctx::setVariable);
                engine.process(template, ctx, out);
            }
            pageSizes.put(template, out.size() + out.size() / 8);
            return new OutputFile(path, Indentation.trim(out.toBytes()));
        } catch (TemplateProcessingException e) {
            String where = e.getTemplateName() == null ? template : e.getTemplateName();
            int line = e.getLine() == null ? 0 : e.getLine();
            diagnostics.error(SourcePosition.of("templates/" + where.replaceFirst("^.*templates/", "")
                    + (where.endsWith(".html") ? "" : ".html"), line), "template error while rendering " + path + ": "
                    + firstLine(e.getMessage()));
            return OutputFile.text(path, "");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String absolute(String baseUrl, String path) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + path;
    }


    /**
     * Every model's card, in name order, and the number of tables of all models. For a build (no cache) also what
     * the catalogue-wide files take of each model, in catalogue order: its search-index items (packed) and its
     * models.json entry; read in the same pass as its card, so that a build, which holds its models' blocks and
     * results encoded, decodes each model once for them all (else null).
     */
    private record Catalogue(List<CardView> cards, int tables, List<byte[]> search, List<CatalogueJson.Entry> entries) {}

    private static Catalogue catalogue(Site site, RenderCache cache) {
        List<CardView> cards = new ArrayList<>();
        int tables = 0;
        if (cache == null) {
            // a card reads only its model: made on every core
            record Read(RenderCache.Card card, byte[] search, CatalogueJson.Entry entry) {}
            boolean modelJson = site.config().modelJson();
            List<Read> read = site.models().parallelStream().map(m -> new Read(
                    new RenderCache.Card(Cards.of(m), m.tableCount()),
                    Packed.pack(SearchIndex.items(SearchIndex.entries(m)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    CatalogueJson.entry(m, modelJson))).toList();
            List<byte[]> search = new ArrayList<>(read.size());
            List<CatalogueJson.Entry> entries = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                Read r = read.get(i);
                tables += r.card().tables();
                cards.add(r.card().view());
                search.add(r.search());
                entries.add(r.entry());
            }
            CataloguePages.sortByName(cards);
            return new Catalogue(cards, tables, search, entries);
        }
        // serve's cache (not thread-safe) keeps the cards
        List<RenderCache.Card> made = site.models().stream()
                .map(m -> cache.card(m, k -> new RenderCache.Card(Cards.of(k), k.tableCount()))).toList();
        for (RenderCache.Card c : made) {
            tables += c.tables();
            cards.add(c.view());
        }
        cards = cache.sorted(cards, CataloguePages::sortByName, CataloguePages::samePlace);
        return new Catalogue(cards, tables, null, null);
    }
}
