package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild with nothing changed replays the last build; any change to inputs or output builds again. */
class UpToDateBuildTest {
    @TempDir
    Path tmp;

    private BuildOptions options() throws Exception {
        Path content = tmp.resolve("content");
        if (!Files.exists(content)) {
            Files.createDirectories(content);
            Files.writeString(content.resolve("a.md"), "# Alpha\n\nText.\n\n# Beta\n\n");
        }
        return BuildOptions.defaults().withContent(content).withOutput(tmp.resolve("out")).withReport(tmp.resolve("report.json"));
    }

    private List<Long> times(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void unchangedRebuildTouchesNothingAndRepeatsTheDiagnostics() throws Exception {
        BuildResult first = new SiteBuilder().build(options());
        assertTrue(first.ok());
        String report = Files.readString(tmp.resolve("report.json"));
        List<Long> before = times(tmp.resolve("out"));
        Thread.sleep(20);
        BuildResult again = new SiteBuilder().build(options());
        assertTrue(again.ok());
        assertEquals(0, again.written());
        // replayed from the state, not built again: the files the state recorded as the first build wrote them
        // (their sizes and checksums taken as written, not read back) are the folder's
        assertNull(again.site(), "the second build is the first one's replay");
        assertEquals(BuildState.scan(tmp.resolve("out").toAbsolutePath().normalize()),
                BuildState.read(BuildState.file(options().cacheFolder(), tmp.resolve("out").toAbsolutePath().normalize()))
                        .orElseThrow().files());
        assertEquals(before, times(tmp.resolve("out")), "no file of the site is touched");
        assertEquals(first.diagnostics().formatted(), again.diagnostics().formatted(), "warnings are shown again");
        assertTrue(again.diagnostics().formatted().get(0).contains("has no content below its heading"));
        assertEquals(first.pageCount(), again.pageCount());
        assertEquals(first.modelCount(), again.modelCount());
        assertEquals(report, Files.readString(tmp.resolve("report.json")));
    }

    @Test
    void aCleanBuildRecordsTheFingerprintOfWhatItRead() throws Exception {
        // a clean build digests its cards as it reads them and the other files before: a rebuild's fingerprint, made
        // from every file read again, is the same, so it replays
        BuildOptions o = options();
        Files.writeString(o.contentDir().resolve("site.yaml"), "title: Fingerprints\n");
        Files.createDirectories(o.contentDir().resolve("more"));
        Files.writeString(o.contentDir().resolve("more/c.markdown"), "# Gamma\n\nText.\n");
        Files.writeString(o.contentDir().resolve(".draft.md"), "# Hidden\n\nSkipped.\n");
        Files.writeString(o.contentDir().resolve("notes.txt"), "not a card");
        BuildResult first = new SiteBuilder().build(o);
        assertTrue(first.ok());
        BuildResult again = new SiteBuilder().build(o);
        assertNull(again.site(), "replayed");
        assertEquals(0, again.written());
        Files.writeString(o.contentDir().resolve("notes.txt"), "still not a card");
        assertTrue(new SiteBuilder().build(o).site() != null, "a file beside the cards is in the fingerprint");
    }

    @Test
    void aCardAddedOrDeletedWhileACleanBuildRunsLeavesNoFingerprint() throws Exception {
        BuildOptions o = options();
        var templates = io.modelcards.check.TemplateSources.read(o.templatesDir()).texts();
        BuildState.ReadFiles read = BuildState.ReadFiles.begin(o.contentDir());
        Path card = o.contentDir().resolve("a.md");
        read.read(card, Files.readAllBytes(card));
        assertEquals(BuildState.fingerprint(o, templates, List.of()), BuildState.fingerprint(o, templates, List.of(), read),
                "what the build read is what a later build reads");
        Files.writeString(o.contentDir().resolve("b.md"), "# Gamma\n\nAdded while the build ran.\n");
        assertNull(BuildState.fingerprint(o, templates, List.of(), read), "a card the build did not see");
        Files.delete(o.contentDir().resolve("b.md"));
        Files.delete(card);
        assertNull(BuildState.fingerprint(o, templates, List.of(), read), "a card the build saw and is gone");
    }

    @Test
    void theBuildStateStaysOutOfThePublishedFolder() throws Exception {
        new SiteBuilder().build(options());
        try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
            List<String> hidden = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".")).sorted().toList();
            assertEquals(List.of(".modelcards-output", ".nojekyll"), hidden, "only the marker and .nojekyll are dot files");
        }
        try (Stream<Path> s = Files.list(tmp.resolve(".modelcards-cache"))) {
            List<String> kept = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("state-out-")).sorted().toList();
            assertEquals(2, kept.size(), "the state and the copy of its report: " + kept);
            assertEquals(kept.get(0) + ".report.json", kept.get(1));
        }
        Path cache = tmp.resolve("elsewhere");
        BuildResult replayed = new SiteBuilder().build(options().withCacheDir(cache));
        assertTrue(replayed.written() == 0 && Files.isDirectory(cache), "--cache-dir is where the state goes");
    }

    @Test
    void aReplayWritesTheReportAgainWhenItWasDeletedOrEdited() throws Exception {
        new SiteBuilder().build(options());
        Path report = tmp.resolve("report.json");
        String written = Files.readString(report);
        assertTrue(written.contains("\"models\" : 2"), written);
        Files.delete(report);
        BuildResult replayed = new SiteBuilder().build(options());
        assertEquals(0, replayed.written(), "replayed, not built");
        assertEquals(written, Files.readString(report), "a deleted report comes back");
        Files.writeString(report, written.replace("\"models\" : 2", "\"models\" : 3"));
        assertEquals(0, new SiteBuilder().build(options()).written());
        assertEquals(written, Files.readString(report), "an edited report is written again");
        // without the copy of the report the state cannot replay it: a full build writes it
        try (Stream<Path> s = Files.list(tmp.resolve(".modelcards-cache"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".report.json")).toList()) Files.delete(p);
        }
        Files.delete(report);
        BuildResult built = new SiteBuilder().build(options());
        assertTrue(built.ok());
        assertEquals(written, Files.readString(report));
    }

    @Test
    void aChangedCardBuildsAgain() throws Exception {
        new SiteBuilder().build(options());
        Files.writeString(tmp.resolve("content/a.md"), "# Alpha\n\nNew text.\n\n# Beta\n\nNow with a body.\n");
        BuildResult again = new SiteBuilder().build(options());
        assertTrue(again.written() > 0);
        assertTrue(Files.readString(tmp.resolve("out/models/alpha/index.html")).contains("New text."));
        assertTrue(again.diagnostics().all().isEmpty());
    }

    @Test
    void aDamagedOutputBuildsAgain() throws Exception {
        new SiteBuilder().build(options());
        Path page = tmp.resolve("out/models/alpha/index.html");
        String good = Files.readString(page);
        Files.writeString(page, "edited by hand");
        Files.delete(tmp.resolve("out/index.html"));
        BuildResult again = new SiteBuilder().build(options());
        assertEquals(2, again.written());
        assertEquals(good, Files.readString(page));
        assertTrue(Files.isRegularFile(tmp.resolve("out/index.html")));
    }
}
