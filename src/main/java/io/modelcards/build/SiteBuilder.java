package io.modelcards.build;

import io.modelcards.check.LinkSources;
import io.modelcards.check.SiteLinkChecker;
import io.modelcards.check.TemplateSources;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.Severity;
import io.modelcards.links.SiteLinker;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.parse.SiteNormalizer;
import io.modelcards.publish.AssetCollector;
import io.modelcards.publish.OutputFolderException;
import io.modelcards.publish.SiteWriter;
import io.modelcards.render.MathPages;
import io.modelcards.render.ModelsJson;
import io.modelcards.render.OutputFile;
import io.modelcards.render.SiteRenderer;
import io.modelcards.render.SiteSink;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.CuratedLoader;
import io.modelcards.source.SiteConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs the stages in order: read content, parse models, fix and resolve links, render every file, check every
 * internal link of the result, and only when no error was found, write the site. A failed build leaves the
 * output folder as it was.
 */
public final class SiteBuilder {
    private final ContentScanner scanner = new ContentScanner();
    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final CuratedLoader curatedLoader = new CuratedLoader();
    private final ModelCardParser parser = new ModelCardParser();
    private final AssetCollector assets = new AssetCollector();
    private final SiteWriter writer = new SiteWriter();
    private final BuildProgress progress;

    public SiteBuilder() {
        this(BuildProgress.NONE);
    }

    public SiteBuilder(BuildProgress progress) {
        this.progress = progress;
    }

    /**
     * Reads and parses the content into a site, without rendering. Every stage reads one model's blocks at a time
     * (those of a few others at most): from parsing on, they are held encoded, each model's as soon as a stage has
     * made them (StoredList), outside the heap (SpillFile). So are its links and results.
     */
    public Site load(BuildOptions options, Diagnostics diagnostics) {
        return loaded(options, diagnostics).site();
    }

    /**
     * The site, with the spill file that holds its models' lists: the render keeps what it sets aside there too (the
     * leaderboards' entries of a large catalogue), outside the heap. The spill is null when it cannot be opened.
     */
    private Loaded loaded(BuildOptions options, Diagnostics diagnostics) {
        return loaded(options, diagnostics, null);
    }

    /** Like {@link #loaded(BuildOptions, Diagnostics)}, each card file's bytes given to {@code bytesRead} once read. */
    private Loaded loaded(BuildOptions options, Diagnostics diagnostics, BiConsumer<Path, byte[]> bytesRead) {
        SpillFile spill = spill(options);
        return new Loaded(load(options, diagnostics, StoredList.keeper(spill), bytesRead), spill);
    }

    private record Loaded(Site site, SpillFile spill) {}

    /**
     * Where the encoded lists go: a file in the cache folder (SpillFile), so that the heap holds only the models'
     * summaries and the lists being read; in the heap when that folder cannot be written.
     */
    private static SpillFile spill(BuildOptions options) {
        try {
            return SpillFile.open(options.cacheFolder());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Like {@link #load(BuildOptions, Diagnostics)}, with each model as {@code keep} holds it. */
    Site load(BuildOptions options, Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep) {
        return load(options, diagnostics, keep, null);
    }

    private Site load(BuildOptions options, Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep,
                      BiConsumer<Path, byte[]> bytesRead) {
        String shown = display(options.contentDir());
        progress.stage("read");
        SiteConfig config = configLoader.load(options.contentDir(), shown, diagnostics);
        config = configure(config, options);
        Curated curated = curatedLoader.load(options.contentDir(), shown, diagnostics);
        List<ContentScanner.Found> found = scanner.find(options.contentDir(), shown, config.cards(), diagnostics);
        progress.stage("parse");
        // each file is read where it is parsed, and its text dropped with it (the content is 105 MB at 10,000 cards);
        // without curated data that changes models, each model is also typed there, before it is encoded (one
        // encoding of its blocks instead of two)
        boolean typedWhenParsed = !SiteNormalizer.curates(curated);
        var vocabulary = curated.benchmarks();
        List<Model> models = parser.read(found, diagnostics, typedWhenParsed
                ? m -> keep.apply(SiteNormalizer.type(m, vocabulary, diagnostics)) : keep, bytesRead);
        progress.stage("link");
        if (typedWhenParsed) return new SiteLinker().link(new Site(config, models, curated), diagnostics, keep);
        return assemble(config, models, curated, diagnostics, keep);
    }

    /** Command-line settings over site.yaml's. */
    static SiteConfig configure(SiteConfig config, BuildOptions options) {
        var set = options.settings();
        SiteConfig c = new SiteConfig(set.getOrDefault("title", config.title()),
                set.getOrDefault("description", config.description()), config.baseUrl(),
                set.getOrDefault("repoUrl", config.repoUrl()), set.getOrDefault("footer", config.footer()),
                config.cards(), config.sourceUrl(),
                config.modelJson() || "true".equals(set.get("modelJson")));
        if (options.baseUrl() != null && !options.baseUrl().isBlank()) c = c.withBaseUrl(options.baseUrl());
        return c;
    }

    /** The steps after parsing, shared with incremental rebuilds: normalize (typing, curated data), then link. */
    static Site assemble(SiteConfig config, List<Model> models, Curated curated, Diagnostics diagnostics) {
        Site site = new SiteNormalizer().normalize(new Site(config, models, curated), diagnostics);
        return new SiteLinker().link(site, diagnostics);
    }

    /** Like {@link #assemble(SiteConfig, List, Curated, Diagnostics)}, with each model as {@code keep} holds it. */
    static Site assemble(SiteConfig config, List<Model> models, Curated curated, Diagnostics diagnostics,
                         java.util.function.UnaryOperator<Model> keep) {
        Site site = new SiteNormalizer().normalize(new Site(config, models, curated), diagnostics, keep);
        return new SiteLinker().link(site, diagnostics, keep);
    }

    /** Every internal link of the rendered site must reach a file and an id (like Docusaurus' onBrokenLinks). */
    static void checkLinks(List<OutputFile> files, Site site, BuildOptions options, Diagnostics diagnostics) {
        new SiteLinkChecker().check(files, new LinkSources(site, TemplateSources.read(options.templatesDir())), diagnostics);
    }

    /** Everything but writing: the files the site would have. */
    public BuildResult render(BuildOptions options) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        Loaded loaded = loaded(options, diagnostics);
        Site site = loaded.site();
        progress.stage("render");
        List<OutputFile> files = new ArrayList<>(new SiteRenderer(options.templatesDir(), loaded.spill())
                .render(site, diagnostics));
        files.addAll(MathPages.assets(assets.collect(options.assetsDir()), site));
        checkLinks(files, site, options, diagnostics);
        boolean ok = !failed(diagnostics, options.strict());
        progress.done();
        return new BuildResult(site, files, diagnostics, ok, 0, 0, (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds and, when the content has no errors, writes the site. The report is written either way. */
    public BuildResult build(BuildOptions options) throws OutputFolderException {
        long start = System.nanoTime();
        writer.checkUsable(options.outputDir());
        Map<String, Path> inputs = new HashMap<>();
        inputs.put("--content", options.contentDir());
        inputs.put("--templates", options.templatesDir());
        inputs.put("--assets", options.assetsDir());
        writer.checkApart(options.outputDir(), inputs);
        writer.checkReport(options.reportFile(), inputs);
        // nothing changed since the last build into this folder, and its files are intact: replay it
        List<OutputFile> assetFiles = assets.collect(options.assetsDir());
        TemplateSources templateSources = TemplateSources.read(options.templatesDir());
        // without a state file (a clean build) there is nothing to replay: the fingerprint the next build compares
        // with is made at the end, from the digests of the cards as this build read them, each file read once
        boolean replayable = Files.exists(BuildState.file(options.cacheFolder(), options.outputDir()));
        String fingerprint = replayable ? fingerprint(options, templateSources, assetFiles, null) : null;
        BuildResult replayed = replay(options, fingerprint, start);
        if (replayed != null) return replayed;
        Diagnostics diagnostics = new Diagnostics();
        BuildState.ReadFiles read = replayable ? null : BuildState.ReadFiles.begin(options.contentDir());
        Loaded loaded = loaded(options, diagnostics, read == null ? null : read::read);
        Site site = loaded.site();
        boolean ok = !failed(diagnostics, options.strict());
        int written = 0;
        int unchanged = 0;
        long pages = 0;
        // with content errors already found the site is still rendered and link-checked, so that every error of
        // the content comes in this one run; it is then only read, never written (no session is opened)
        progress.stage("render");
        // about two files per model (its page and its results) and the catalogue's pages
        SiteWriter.Session session = ok ? writer.open(options.outputDir(), 2 * site.models().size() + 1024) : null;
        SiteLinkChecker.Collector links = new SiteLinkChecker.Collector(site.models().size() + 1024);
        java.util.concurrent.atomic.AtomicLong pageCount = new java.util.concurrent.atomic.AtomicLong();
        SiteSink sink = new SiteSink() {
            @Override
            public void accept(OutputFile f) {
                links.add(f);
                if (f.path().endsWith(".html")) pageCount.incrementAndGet();
                if (session != null) session.accept(f);
            }
        };
        SiteRenderer renderer = new SiteRenderer(options.templatesDir(), loaded.spill());
        // whether a page has math, asked right after its model's page is made (its blocks are still decoded then;
        // asked after the render, every model's blocks were decoded once more, a tenth of the decoding of a build)
        java.util.concurrent.atomic.AtomicBoolean anyMath = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            renderer.render(site, (m, related, standing) -> {
                List<OutputFile> files = renderer.renderModel(m, site.config(), related, standing, diagnostics);
                if (!anyMath.get() && MathPages.hasMath(m)) anyMath.set(true);
                return files;
            }, sink, true, diagnostics);
            MathPages.assets(assetFiles, site, m -> anyMath.get()).forEach(sink::accept);
        } catch (java.io.UncheckedIOException e) {
            if (session != null) session.abort();
            throw new OutputFolderException(e.getMessage());
        } catch (RuntimeException e) {
            if (session != null) session.abort(); // a bug: never leave a half site behind
            throw e;
        }
        progress.stage("check");
        links.finish(new LinkSources(site, templateSources), diagnostics);
        pages = pageCount.get();
        ok = !failed(diagnostics, options.strict());
        if (ok) {
            progress.stage("write");
            SiteWriter.Result w = session.commit();
            written = w.written();
            unchanged = w.unchanged();
        } else if (session != null) {
            session.abort();
        }
        progress.stage("report");
        BuildResult done = new BuildResult(site, List.of(), diagnostics, ok, written, unchanged,
                (System.nanoTime() - start) / 1_000_000, pages, site.models().size());
        if (ok && read != null) fingerprint = fingerprint(options, templateSources, assetFiles, read);
        if (ok && fingerprint != null) {
            remember(options, fingerprint, done, session::written);
        } else {
            writeReport(done, options.reportFile(), null);
        }
        progress.done();
        return done;
    }

    static boolean failed(Diagnostics d, boolean strict) {
        return d.hasErrors() || (strict && d.all().stream().anyMatch(x -> x.severity() == Severity.WARNING));
    }

    /**
     * The fingerprint of every input (with {@code read}: at the end of a clean build, from the digests of the files as
     * it read them), or null when the inputs cannot be read or changed while it ran (then no state is kept).
     */
    private static String fingerprint(BuildOptions options, TemplateSources templates, List<OutputFile> assetFiles,
                                      BuildState.ReadFiles read) {
        try {
            if (!Files.isDirectory(options.contentDir())) return null;
            return read == null ? BuildState.fingerprint(options, templates.texts(), assetFiles)
                    : BuildState.fingerprint(options, templates.texts(), assetFiles, read);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The last build's result when its inputs and its output folder are as it left them; else null. */
    private static BuildResult replay(BuildOptions options, String fingerprint, long start) {
        if (fingerprint == null) return null;
        Path out = options.outputDir().toAbsolutePath().normalize();
        var state = BuildState.read(BuildState.file(options.cacheFolder(), out));
        if (state.isEmpty() || !state.get().fingerprint().equals(fingerprint)) return null;
        try {
            if (!BuildState.scan(out).equals(state.get().files())) return null;
            if (options.reportFile() != null) {
                Path copy = BuildState.reportCopy(BuildState.file(options.cacheFolder(), out));
                if (!Files.isRegularFile(copy)) return null;
                Path parent = options.reportFile().toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                if (!Files.isRegularFile(options.reportFile()) || Files.mismatch(options.reportFile(), copy) != -1) {
                    Files.copy(copy, options.reportFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        var s = state.get();
        return new BuildResult(null, List.of(), BuildState.replay(s), true, 0, s.files().size(),
                (System.nanoTime() - start) / 1_000_000, s.pages(), s.models());
    }

    /**
     * Writes the report (when asked for one) and the state of this build for the next one: the files now in the
     * output folder, scanned beside the report's writing (at 10,000 cards 20,000 files, about as long as the 60 MB
     * report), and the report written once into both its file and the state's copy of it.
     */
    private static void remember(BuildOptions options, String fingerprint, BuildResult done,
                                 java.util.function.Function<String, SiteWriter.Written> written) {
        Path out = options.outputDir().toAbsolutePath().normalize();
        Path state = BuildState.file(options.cacheFolder(), out);
        java.util.concurrent.CompletableFuture<List<BuildState.Entry>> files = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return BuildState.scan(out, written);
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, r -> {
                    // a thread of its own: the report is written on every core of the common pool
                    Thread t = new Thread(r, "modelcards-state-scan");
                    t.setDaemon(true);
                    t.start();
                });
        boolean copied = writeReport(done, options.reportFile(), BuildState.reportCopy(state));
        try {
            List<BuildState.Entry> scanned = files.join();
            // without the report's copy the next build is a full one (a replay gives the report back from it)
            if (options.reportFile() == null || copied) {
                BuildState.write(state, new BuildState.State(fingerprint, done.modelCount(), done.pageCount(),
                        done.diagnostics().all(), scanned));
            }
        } catch (java.io.IOException | java.util.concurrent.CompletionException e) {
            // without a state the next build is a full one; nothing else depends on it
        }
    }

    /**
     * Writes the report, as it is made (see {@link ModelsJson#write(Object, java.io.OutputStream)}), when asked for one,
     * and the same bytes into {@code copy} (when not null) if they can be: whether the copy was written whole.
     */
    private static boolean writeReport(BuildResult r, Path file, Path copy) {
        if (file == null) return false;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (var report = Files.newOutputStream(file); var twice = new TwoFiles(report, copy);
                 var out = new java.io.BufferedOutputStream(twice, 1 << 16)) {
                ModelsJson.write(Report.of(r), out);
                out.flush();
                return twice.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** How a folder is named in messages: relative to the working folder when inside it. */
    static String display(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }
}
