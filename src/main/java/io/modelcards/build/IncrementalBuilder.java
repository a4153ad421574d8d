package io.modelcards.build;

import io.modelcards.check.LinkSources;
import io.modelcards.check.SiteLinkChecker;
import io.modelcards.check.TemplateSources;
import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.parse.Interner;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.publish.AssetCollector;
import io.modelcards.render.CatalogueInputs;
import io.modelcards.render.CatalogueViews;
import io.modelcards.render.MathPages;
import io.modelcards.render.ModelRanks;
import io.modelcards.render.OutputFile;
import io.modelcards.render.RenderCache;
import io.modelcards.render.SiteRenderer;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.CuratedLoader;
import io.modelcards.source.SiteConfigLoader;
import io.modelcards.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build behind {@code serve}: a full build first, then rebuilds of what a change touches. A changed Markdown
 * file is re-read and re-parsed alone; slugs and curated data are applied to the whole site, but a model is typed
 * and linked again only when its result could change ({@link ModelSteps}); a model page is rendered again only
 * when its model or related models changed, and a catalogue-wide page only when what it shows changed
 * ({@link RenderCache}); the link check reads again only the pages whose
 * bytes are new. The result, files and diagnostics, is always what a full build of the same content gives.
 * A changed asset re-collects the assets; anything else (site.yaml, templates, a new or deleted file) is a full
 * build. Never writes; not thread-safe (serve calls it from one thread).
 */
public final class IncrementalBuilder {
    /**
     * How a build went: its result, whether it was a full one, how many models were rendered again, and whether
     * those were rendered alone into the last render's files (the catalogue-wide pages could not change).
     */
    public record Outcome(BuildResult result, boolean full, int modelsRendered, boolean alone) {}

    private record Parsed(List<Model> models, List<Diagnostic> diagnostics) {}

    private final BuildOptions options;
    private BuildProgress progress;
    private final Path contentDir;
    private final Path assetsDir;
    private final String shownDir;
    private final ContentScanner scanner = new ContentScanner();
    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final CuratedLoader curatedLoader = new CuratedLoader();
    private final ModelCardParser parser = new ModelCardParser();
    private final AssetCollector assets = new AssetCollector();

    private SiteRenderer renderer;
    private SiteConfig config;
    private Curated curated;
    /** Diagnostics of site.yaml, curated.yaml and the folder scan that belong to no Markdown file. */
    private List<Diagnostic> baseDiagnostics = List.of();
    /** Every Markdown file of the last full build, in the scanner's order. */
    private final TreeMap<Path, Parsed> files = new TreeMap<>();
    private List<OutputFile> assetFiles = List.of();
    /** The files of each model page, by model instance, with the related models listed on it. */
    private Pages pages = new Pages();
    /**
     * The model instance each slug's page was last kept for: a key of {@link #pages}, or one no longer there (checked
     * where read). A card parsed again gives a new instance, which finds the page of an equal one here.
     */
    private final Map<String, Model> pageModelOf = new HashMap<>();
    private RenderCache renderCache = new RenderCache();
    /** The models the last {@link #slugged} was given and what it gave, when it reported nothing (else null). */
    private List<Model> slugsFrom, slugsMade;
    /** Whether each model of the last build has math, asked up to the first that has. */
    private final io.modelcards.render.PassMemo<Model, Boolean> math = new io.modelcards.render.PassMemo<>();
    private ModelSteps steps = new ModelSteps();
    private TemplateSources templateSources;
    private SiteLinkChecker.Cache linkCheck = new SiteLinkChecker.Cache();

    /** At most this many models changed since the last render are rendered alone (an editor saves one file). */
    private static final int ALONE = 8;
    /** The last render's site and files (before the assets), when it reported nothing and succeeded; or null. */
    private Rendered last;

    /**
     * A render's site and files, with each file's place in {@code files} and the number of pages (made once, and
     * handed on to a render that only replaced files).
     */
    private static final class Rendered {
        private final Site site;
        private final List<OutputFile> files;
        private Map<String, Integer> at;
        private long pages = -1;

        Rendered(Site site, List<OutputFile> files) {
            this.site = site;
            this.files = files;
        }

        /** The same files in the same places as {@code before}, some of them replaced. */
        Rendered(Site site, List<OutputFile> files, Rendered before) {
            this(site, files);
            this.at = before.at;
            this.pages = before.pages;
        }

        Site site() {
            return site;
        }

        List<OutputFile> files() {
            return files;
        }

        Map<String, Integer> at() {
            if (at == null) {
                at = new HashMap<>(files.size() * 2);
                for (int i = 0; i < files.size(); i++) at.put(files.get(i).path(), i);
            }
            return at;
        }

        long pages() {
            if (pages < 0) pages = BuildResult.pages(files);
            return pages;
        }
    }

    /** A page depends on its model and on the related models listed on it. */
    private record Page(List<CatalogueViews.RelatedView> related, ModelRanks.Standing standing, List<OutputFile> files) {}

    /**
     * The model pages of a render by model instance, in the catalogue's order (null: a page not kept). A render asks
     * for them in that order, so the model in a place is first compared by reference with the one there last time
     * (PassMemo's reason: at 10,000 cards an identity map's look-up per model, several on every edit, was a few
     * cache misses each). A model not in its place is taken as having no page until a few have missed (an edited
     * model is a new instance: its page is found through the one before it, in its place), then looked up in a map.
     */
    private static final class Pages {
        private final List<Model> models = new ArrayList<>();
        private final List<Page> pages = new ArrayList<>();
        private Map<Model, Page> byModel;
        private int misses;

        /** The page of {@code m}, which the catalogue has in place {@code i}; or null. */
        Page at(int i, Model m) {
            if (i >= 0 && i < models.size() && models.get(i) == m) return pages.get(i);
            return byModel != null || ++misses > io.modelcards.render.PassMemo.MISSES_BEFORE_MAP ? get(m) : null;
        }

        Page get(Model m) {
            if (byModel == null) {
                byModel = new IdentityHashMap<>(models.size() * 2);
                for (int i = 0; i < models.size(); i++) byModel.put(models.get(i), pages.get(i));
            }
            return byModel.get(m);
        }

        /** Adds the page of the next model in the catalogue's order ({@code page} null: none kept for it). */
        void add(Model m, Page page) {
            models.add(m);
            pages.add(page);
            if (byModel != null) byModel.put(m, page);
        }

        int size() {
            return models.size();
        }

        /** These pages and then those of {@code before} for the other models (a failed build keeps them all). */
        Pages and(Pages before) {
            Pages out = new Pages();
            for (int i = 0; i < models.size(); i++) out.add(models.get(i), pages.get(i));
            Map<Model, Page> mine = new IdentityHashMap<>();
            for (int i = 0; i < models.size(); i++) if (pages.get(i) != null) mine.put(models.get(i), pages.get(i));
            for (int i = 0; i < before.models.size(); i++) {
                if (!mine.containsKey(before.models.get(i))) out.add(before.models.get(i), before.pages.get(i));
            }
            return out;
        }
    }

    public IncrementalBuilder(BuildOptions options, BuildProgress progress) {
        this.options = options;
        this.progress = progress;
        this.contentDir = options.contentDir().toAbsolutePath().normalize();
        this.assetsDir = options.assetsDir() == null ? null : options.assetsDir().toAbsolutePath().normalize();
        this.shownDir = SiteBuilder.display(options.contentDir());
    }

    /** Reads, parses and renders everything again, forgetting all that was kept. */
    public Outcome full() {
        long start = System.nanoTime();
        progress.stage("read");
        Diagnostics base = new Diagnostics();
        config = configLoader.load(options.contentDir(), shownDir, base);
        config = SiteBuilder.configure(config, options);
        curated = curatedLoader.load(options.contentDir(), shownDir, base);
        Diagnostics scanned = new Diagnostics();
        List<SourceFile> sources = scanner.scan(options.contentDir(), shownDir, config.cards(), scanned);
        files.clear();
        Map<Path, List<Diagnostic>> byFile = new HashMap<>();
        for (Diagnostic d : scanned.all()) {
            Path p = ContentScanner.isMarkdown(d.at().path()) ? pathOf(d.at().path()) : null;
            if (p == null) base.add(d);
            else byFile.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
        }
        // a file that could not be decoded is still known, so that fixing it is an incremental change
        byFile.forEach((p, ds) -> files.put(p, new Parsed(List.of(), ds)));
        progress.stage("parse");
        int done = 0;
        // as in a build, what the cards repeat of each other is held once (an edited file's models are not: one file)
        Interner interner = new Interner();
        for (SourceFile f : sources) {
            Path p = pathOf(f.path());
            Diagnostics d = new Diagnostics();
            byFile.getOrDefault(p, List.of()).forEach(d::add);
            files.put(p, new Parsed(interner.intern(parser.parseFile(f, d)), d.all()));
            progress.count("parse", ++done, sources.size());
        }
        baseDiagnostics = base.all();
        assetFiles = assets.collect(options.assetsDir());
        renderer = new SiteRenderer(options.templatesDir());
        pages = new Pages();
        pageModelOf.clear();
        last = null;
        renderCache = new RenderCache();
        steps = new ModelSteps();
        templateSources = TemplateSources.read(options.templatesDir());
        linkCheck = new SiteLinkChecker.Cache();
        Outcome outcome = assemble(start, true);
        if (outcome.result().ok()) settle();
        return outcome;
    }

    /** Rebuilds of an unchanged file after a full build, so that the first edit does not run cold code. */
    private static final int WARM_UP = 3;
    /** From this many models on, a full build ends with a collection (see {@link #settle}). */
    private static final int LARGE = 2_000;

    /**
     * After a good full build, before serve publishes it: rebuilds one unchanged file {@value #WARM_UP} times (the
     * same site again; the just-in-time compiler then has the rebuild's code compiled, where the first edits of a
     * 10,000-card catalogue took twice as long as the later ones), and for a large catalogue collects the garbage the
     * build left (the files packed, the parse trees), so that the first edits do not wait for the collector.
     */
    private void settle() {
        // the middle file with a model: a rebuild scans some lists up to the edited model (a board's lines up to its
        // own), which for the first file ended at once and left those scans to be compiled during the first edits
        List<Path> withModels = new ArrayList<>();
        for (var e : files.entrySet()) if (!e.getValue().models().isEmpty()) withModels.add(e.getKey());
        Path file = withModels.isEmpty() ? null : withModels.get(withModels.size() / 2);
        BuildProgress shown = progress;
        progress = BuildProgress.NONE;
        try {
            for (int i = 0; file != null && i < WARM_UP && last != null && Files.isRegularFile(file); i++) {
                files.put(file, parseOne(file));
                assemble(System.nanoTime(), false);
            }
            // and the steps over the whole catalogue that an edited value or a moved line runs (topics, leaderboards,
            // related models, the benchmark pages), which an unchanged file does not reach: the file is rebuilt as if
            // so edited, and then as it is (in memory: the file is not written)
            byte[] original = null;
            try {
                if (file != null && last != null && Files.isRegularFile(file)) original = Files.readAllBytes(file);
            } catch (IOException e) {
                original = null; // not warmed up: the first edit takes longer, and is as right
            }
            if (original != null) {
                String text = new String(original, java.nio.charset.StandardCharsets.UTF_8);
                // as often as the unchanged rebuild: once left the first value edit of 10,000 cards at about 1.5 times
                // the later ones
                for (int i = 0; i < WARM_UP; i++) {
                    for (String edited : warmUpEdits(text)) {
                        files.put(file, parseBytes(file, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8), new Diagnostics()));
                        assemble(System.nanoTime(), false);
                        files.put(file, parseBytes(file, original, new Diagnostics()));
                        assemble(System.nanoTime(), false);
                    }
                }
            }
            // and what an edited model goes through, which an unchanged file does not reach: the comparison that
            // lets it be rendered alone, and its page
            if (last != null && !last.site().models().isEmpty()) {
                Model m = last.site().models().get(last.site().models().size() / 2);
                Model same = m.withBlocks(List.copyOf(m.blocks()));
                Page page = pages.at(last.site().models().size() / 2, m);
                for (int i = 0; i < WARM_UP && page != null; i++) {
                    CatalogueInputs.same(m, same, renderCache);
                    renderer.renderModel(same, last.site().config(), page.related(), page.standing(), new Diagnostics());
                }
            }
        } finally {
            progress = shown;
        }
        awaitPacked();
        if (pages.size() >= LARGE) System.gc();
    }

    /** Packs the files of rebuilds, one rebuild after the other; its thread ends when there is nothing to pack. */
    private final java.util.concurrent.ThreadPoolExecutor packer = new java.util.concurrent.ThreadPoolExecutor(0, 1,
            1, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "modelcards-pack");
                t.setDaemon(true);
                return t;
            });

    /**
     * A rebuild's files from this size on are kept as they are: the search index and the catalogue data (9.6 MB at
     * 10,000 cards), made again by every edit of a card's summary, a moved line included. Deflating them kept the
     * other core busy through the next edit when edits came quickly, and only the latest of each is held.
     */
    static final int KEPT_UNPACKED = 1 << 20;

    /** Packs {@code files} on the packer's thread (a file holds the same bytes packed or not, read at any time). */
    private void packLater(List<OutputFile> files) {
        List<OutputFile> snapshot = List.copyOf(files);
        packer.execute(() -> {
            for (OutputFile f : snapshot) if (f.size() < KEPT_UNPACKED) f.pack();
        });
    }

    /** Waits until the files of every rebuild so far are packed. */
    private void awaitPacked() {
        try {
            packer.submit(() -> {}).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("packing the site's files failed", e.getCause());
        }
    }

    /** The paragraph a warm-up edit adds under a card's first line (never written to the file). */
    static final String WARM_UP_SENTENCE = "A sentence that moves every line below it.";

    private static final java.util.regex.Pattern TABLE_VALUE = java.util.regex.Pattern.compile("(?m)^\\|[^\n]*?\\| \\d+\\.(\\d) ");

    /**
     * The edits {@link #settle} rebuilds a file with: a table value's last digit changed, an empty line added under
     * the first (every line below moves), and a sentence added there (the lines move and the card's summary changes,
     * so the catalogue's cards, search index and data are made again); those the text allows. Without the third, the
     * first edits that changed a summary at 10,000 cards ran code the compiler compiled during them.
     */
    static List<String> warmUpEdits(String text) {
        List<String> edits = new ArrayList<>();
        java.util.regex.Matcher value = TABLE_VALUE.matcher(text);
        if (value.find()) {
            char digit = text.charAt(value.start(1));
            edits.add(text.substring(0, value.start(1)) + (char) ('0' + (digit - '0' + 1) % 10) + text.substring(value.end(1)));
        }
        int firstLine = text.indexOf('\n');
        if (firstLine >= 0) {
            edits.add(text.substring(0, firstLine + 1) + "\n" + text.substring(firstLine + 1));
            edits.add(text.substring(0, firstLine + 1) + "\n" + WARM_UP_SENTENCE + "\n" + text.substring(firstLine + 1));
        }
        return edits;
    }

    /** Rebuilds after the given files or folders changed (absolute or relative paths). */
    public Outcome rebuild(Collection<Path> changed) {
        if (renderer == null) return full();
        long start = System.nanoTime();
        List<Path> markdown = new ArrayList<>();
        boolean assetsChanged = false;
        for (Path raw : changed) {
            Path p = raw.toAbsolutePath().normalize();
            if (isIgnorable(p)) continue;
            if (files.containsKey(p) && Files.isRegularFile(p)) markdown.add(p);
            else if (assetsDir != null && p.startsWith(assetsDir)) assetsChanged = true;
            else if (!Files.exists(p) && !isKnown(p)) continue; // an editor's short-lived temporary file
            else return full();
        }
        progress.stage("parse");
        for (Path p : markdown) files.put(p, parseOne(p));
        if (assetsChanged) assetFiles = assets.collect(options.assetsDir());
        return assemble(start, false);
    }

    private Parsed parseOne(Path p) {
        String shown = shownOf(p);
        Diagnostics d = new Diagnostics();
        try {
            if (Files.size(p) > ContentScanner.MAX_FILE_BYTES) {
                d.error(SourcePosition.file(shown), "file is larger than " + (ContentScanner.MAX_FILE_BYTES >> 20)
                        + " MiB; split it into several files");
                return new Parsed(List.of(), d.all());
            }
            return parseBytes(p, Files.readAllBytes(p), d);
        } catch (IOException e) {
            d.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
            return new Parsed(List.of(), d.all());
        }
    }

    /** The models of file {@code p} if it held {@code bytes}. */
    private Parsed parseBytes(Path p, byte[] bytes, Diagnostics d) {
        SourceFile f = ContentScanner.decode(bytes, shownOf(p), d);
        if (f != null) f = ContentScanner.withEvalResults(ContentScanner.asCard(f, contentDir.relativize(p).toString(), config.cards()), p, d);
        List<Model> models = f == null ? List.of() : parser.parseFile(f, d);
        return new Parsed(models, d.all());
    }

    private Outcome assemble(long start, boolean full) {
        Diagnostics d = new Diagnostics();
        d.addAll(baseDiagnostics);
        List<Model> models = new ArrayList<>(files.size());
        for (Parsed p : files.values()) {
            d.addAll(p.diagnostics());
            models.addAll(p.models());
        }
        if (files.isEmpty() && !d.hasErrors()) {
            d.error(SourcePosition.file(shownDir), "no Markdown files (.md) in the content folder");
        }
        progress.stage("link");
        Site site = steps.assemble(config, slugged(models, d), curated, d);
        progress.stage("render");
        Pages alonePages = new Pages();
        int[] rendered = {0};
        Diagnostics rendering = new Diagnostics();
        List<OutputFile> alone = full ? null : renderAlone(site, alonePages, rendered);
        List<OutputFile> out;
        Pages next;
        if (alone != null) {
            out = alone;
            next = alonePages;
        } else {
            Pages made = new Pages();
            next = made;
            rendered[0] = 0;
            // serve's render asks for the model pages one after the other in the catalogue's order: the place of each
            int[] place = {0};
            out = new ArrayList<>(renderer.render(site, (m, related, standing) -> {
                int i = place[0]++;
                Page kept = keptPage(i, m, related, standing);
                if (kept != null) {
                    made.add(m, kept);
                    return kept.files();
                }
                pageModelOf.put(m.slug(), m);
                Diagnostics local = new Diagnostics();
                List<OutputFile> files = renderer.renderModel(m, site.config(), related, standing, local);
                rendered[0]++;
                // pages whose rendering reported something are made again next time, so the report is repeated
                if (local.all().isEmpty()) {
                    made.add(m, new Page(related, standing, files));
                } else {
                    made.add(m, null);
                    rendering.addAll(local);
                }
                return files;
            }, renderCache, rendering));
        }
        d.addAll(rendering);
        Rendered result = alone != null ? new Rendered(site, List.copyOf(out), last) : new Rendered(site, List.copyOf(out));
        boolean quiet = rendering.all().isEmpty();
        boolean anyMath = hasMath(site.models());
        out.addAll(MathPages.assets(assetFiles, site, m -> anyMath));
        progress.stage("check");
        linkCheck.check(out, new LinkSources(site, templateSources), d);
        // serve keeps every file in memory: packed, a 10,000-card site takes a seventh of the heap it took. A
        // rebuild's new files are packed after it returns, while serve publishes them: an edit to a card's summary
        // makes search-index.js again (8 MB at 10,000 cards), which took longer to pack than the rest of the edit
        if (full) out.parallelStream().forEach(OutputFile::pack);
        else packLater(out);
        progress.done();
        boolean ok = !SiteBuilder.failed(d, options.strict());
        // a failed build keeps the pages it did not use: fixing the content brings most of them back unchanged
        pages = ok ? next : next.and(pages);
        // what a model rendered alone next time is set into: this render, when it reported nothing and succeeded
        last = ok && quiet ? result : null;
        long pages = result.pages() + BuildResult.pages(out.subList(result.files().size(), out.size()));
        BuildResult r = new BuildResult(site, out, d, ok, 0, 0, (System.nanoTime() - start) / 1_000_000, pages,
                site.models().size());
        return new Outcome(r, full, rendered[0], alone != null);
    }

    /**
     * {@link ModelCardParser#assignSlugs}, kept from the last time where it cannot differ: the same number of models,
     * each the same instance as before or one with the same id and the same slug to start from, and no duplicate
     * reported last time (its message names places, which may have moved). Each model then gets the slug it got
     * before; assigning the slugs of 10,000 models again took about 6 % of an edit.
     */
    private List<Model> slugged(List<Model> models, Diagnostics d) {
        List<Model> out = slugsFrom == null || slugsFrom.size() != models.size() ? null : new ArrayList<>(models.size());
        for (int i = 0; out != null && i < models.size(); i++) {
            Model now = models.get(i), before = slugsFrom.get(i), made = slugsMade.get(i);
            if (now == before) out.add(made);
            else if (ModelCardParser.idKey(now).equals(ModelCardParser.idKey(before))
                    && ModelCardParser.baseSlug(now).equals(ModelCardParser.baseSlug(before))) {
                out.add(now.slug().equals(made.slug()) ? now : now.withSlug(made.slug()));
            } else out = null;
        }
        boolean keep = true;
        if (out == null) {
            Diagnostics local = new Diagnostics();
            out = ModelCardParser.assignSlugs(models, local);
            List<Diagnostic> reported = local.all();
            d.addAll(reported);
            keep = reported.isEmpty();
        }
        slugsFrom = keep ? models : null;
        slugsMade = keep ? out : null;
        return out;
    }

    /**
     * Whether a model of {@code models} has math, asked of each model up to the first that has; the answer of the last
     * build is kept for the same instance, found by its place (reading every cell of 10,000 cards took 120 ms an edit,
     * and looking every model up by instance a few ms).
     */
    private boolean hasMath(List<Model> models) {
        math.next();
        for (Model m : models) {
            Boolean known = math.get(m);
            if (known == null) {
                known = MathPages.hasMath(m);
                math.put(m, known);
            }
            if (known) return true;
        }
        return false;
    }

    /**
     * The files of this render when the models that changed since the last one can be rendered alone, into the
     * last render's files: when the site has the same models in the same order, at most {@value #ALONE} of them
     * other instances, and each of those gives the catalogue-wide pages what the model before it gave
     * ({@link CatalogueInputs}), so only its own page can differ (its related models and ranks stay too). Null when
     * the whole site must be rendered. Fills {@code next} with every model's page.
     */
    private List<OutputFile> renderAlone(Site site, Pages next, int[] rendered) {
        if (last == null || last.site().models().size() != site.models().size()
                || last.site().config() != site.config() || last.site().curated() != site.curated()) {
            return null;
        }
        List<Model> before = last.site().models();
        List<Model> now = site.models();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i) == before.get(i)) continue;
            if (changed.size() == ALONE || pages.at(i, before.get(i)) == null
                    || !CatalogueInputs.same(before.get(i), now.get(i), renderCache)) {
                return null;
            }
            changed.add(i);
        }
        Map<String, OutputFile> made = new HashMap<>();
        List<Page> pagesMade = new ArrayList<>(changed.size()); // the page of each changed model
        for (int i : changed) {
            Page old = pages.at(i, before.get(i));
            Diagnostics local = new Diagnostics();
            List<OutputFile> files = renderer.renderModel(now.get(i), site.config(), old.related(), old.standing(), local);
            if (!local.all().isEmpty()) return null; // its report belongs to a whole render
            Set<String> paths = new HashSet<>();
            for (OutputFile f : files) if (paths.add(f.path())) made.put(f.path(), f);
            for (OutputFile f : old.files()) if (!paths.contains(f.path())) return null; // a file no longer made
            pagesMade.add(new Page(old.related(), old.standing(), files));
        }
        List<OutputFile> out = new ArrayList<>(last.files());
        for (OutputFile f : made.values()) {
            Integer at = last.at().get(f.path());
            if (at == null) return null; // a file the last render did not have
            out.set(at, f);
        }
        for (int i = 0, c = 0; i < now.size(); i++) {
            boolean isChanged = c < changed.size() && changed.get(c) == i;
            next.add(now.get(i), isChanged ? pagesMade.get(c++) : pages.at(i, before.get(i)));
        }
        for (int i : changed) pageModelOf.put(now.get(i).slug(), now.get(i));
        rendered[0] = changed.size();
        return out;
    }

    /**
     * The kept page of this model (the same instance, else an equal one) with these related models and this standing
     * on the leaderboards, or null.
     */
    private Page keptPage(int i, Model m, List<CatalogueViews.RelatedView> related, ModelRanks.Standing standing) {
        Page kept = pages.at(i, m);
        if (kept != null && kept.related().equals(related) && kept.standing().equals(standing)) return kept;
        // a model made again (its file was parsed again) equal to the one kept: found by its slug (looking at every
        // kept page for one was a tenth of an edit at 10,000 cards)
        Model before = pageModelOf.get(m.slug());
        Page page = before == null || before == m ? null : pages.at(i, before);
        if (page != null && before.equals(m) && page.related().equals(related) && page.standing().equals(standing)) {
            pageModelOf.put(m.slug(), m);
            return page;
        }
        return null;
    }

    private boolean isKnown(Path p) {
        String shown = p.startsWith(contentDir) ? shownOf(p) : p.toString();
        for (Diagnostic d : baseDiagnostics) if (d.at().path().equals(shown)) return true;
        return files.containsKey(p);
    }

    private static boolean isIgnorable(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp");
    }

    private Path pathOf(String shown) {
        String rel = shownDir.isEmpty() ? shown : shown.substring(Math.min(shown.length(), shownDir.length() + 1));
        return contentDir.resolve(rel).normalize();
    }

    private String shownOf(Path p) {
        String rel = contentDir.relativize(p).toString().replace('\\', '/');
        return shownDir.isEmpty() ? rel : shownDir + "/" + rel;
    }
}
