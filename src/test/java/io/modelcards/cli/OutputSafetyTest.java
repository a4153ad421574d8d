package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost: content is never modified, --out never overlaps the inputs, writes never leave half pages. */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    private Path content() throws Exception {
        Path dir = tmp.resolve("content");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.md"), "# Alpha\n\nFirst.\n\n# Beta\n\nSecond.\n");
        Files.writeString(dir.resolve("site.yaml"), "title: Safety\n");
        return dir;
    }

    private CliRun build(Path content, Path out, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", out.toString(), "--report",
            tmp.resolve("report.json").toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        return r;
    }

    /** Every file under dir → its SHA-256. */
    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d));
            }
        }
        return out;
    }

    @Test
    void contentFilesAreNeverModified() throws Exception {
        Path seed = tmp.resolve("seed");
        copy(TestContent.SEED, seed);
        Map<String, String> before = hashes(seed);
        long modified = Files.getLastModifiedTime(seed.resolve("model-cards.md")).toMillis();
        assertEquals(0, build(seed, tmp.resolve("out")).exit());
        assertEquals(before, hashes(seed));
        assertEquals(modified, Files.getLastModifiedTime(seed.resolve("model-cards.md")).toMillis());
    }

    @Test
    void outEqualToContentIsRefused() throws Exception {
        Path c = content();
        Map<String, String> before = hashes(c);
        CliRun r = build(c, c);
        assertEquals(2, r.exit());
        assertEquals(before, hashes(c));
    }

    @Test
    void outInsideContentIsRefused() throws Exception {
        Path c = content();
        CliRun r = build(c, c.resolve("site"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("overlaps --content"), r.err());
        assertFalse(Files.exists(c.resolve("site")));
    }

    @Test
    void contentInsideOutIsRefusedEvenWhenOutIsAnOldSite() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".modelcards-output"), "marker\n"); // looks like our folder: stale files would go
        Path c = out.resolve("content");
        Files.createDirectories(c);
        Files.writeString(c.resolve("a.md"), "# A\n\nText.\n");
        CliRun r = build(c, out);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("overlaps --content"), r.err());
        assertEquals("# A\n\nText.\n", Files.readString(c.resolve("a.md")));
    }

    @Test
    void templatesInsideOutAreRefused() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, build(content(), out).exit());
        Files.createDirectories(out.resolve("mytemplates"));
        CliRun r = build(content(), out, "--templates", out.resolve("mytemplates").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("overlaps --templates"), r.err());
        assertTrue(Files.isDirectory(out.resolve("mytemplates")));
    }

    @Test
    void reportInsideContentIsRefused() throws Exception {
        Path c = content();
        CliRun r = CliRun.of("build", "--content", c.toString(), "--out", tmp.resolve("out").toString(), "--report",
                c.resolve("a.md").toString());
        assertEquals(2, r.exit());
        assertEquals("# Alpha\n\nFirst.\n\n# Beta\n\nSecond.\n", Files.readString(c.resolve("a.md")));
    }

    @Test
    void folderWithOtherFilesIsRefusedAndNothingIsDeleted() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".bashrc"), "alias x=y\n");
        Files.writeString(home.resolve(".config/app.ini"), "a=1\n");
        Map<String, String> before = hashes(home);
        CliRun r = build(content(), home);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is not empty and was not written by modelcards"), r.err());
        assertEquals(before, hashes(home));
    }

    @Test
    void projectRootIsRefused() throws Exception {
        Map<String, String> before = hashes(TestContent.SEED);
        CliRun r = build(content(), TestContent.PROJECT);
        assertEquals(2, r.exit());
        assertTrue(Files.isRegularFile(TestContent.PROJECT.resolve("pom.xml")));
        assertFalse(Files.exists(TestContent.PROJECT.resolve(".modelcards-output")));
        assertEquals(before, hashes(TestContent.SEED));
    }

    @Test
    void staleFilesAndLeftoverTemporaryFilesAreRemovedOnlyInsideOurFolder() throws Exception {
        Path out = tmp.resolve("out");
        Path c = content();
        assertEquals(0, build(c, out).exit());
        Files.writeString(out.resolve("models/alpha/.tmp-123.part"), "half a page"); // a killed build's leftover
        Files.writeString(c.resolve("a.md"), "# Alpha\n\nFirst.\n");
        assertEquals(0, build(c, out).exit());
        assertFalse(Files.exists(out.resolve("models/beta")), "stale page removed");
        assertEquals(0, temporaryFiles(out));
        assertTrue(Files.isRegularFile(out.resolve("models/alpha/index.html")));
    }

    @Test
    void writeFailureHalfWayLeavesNoHalfPageAndSaysWhy() throws Exception {
        Path out = tmp.resolve("out");
        Path c = content();
        assertEquals(0, build(c, out).exit());
        // a page's place taken by a folder: the rename into place fails half-way through the build (works as root,
        // unlike a read-only folder)
        Path beta = out.resolve("models/beta/index.html");
        Files.delete(beta);
        Files.createDirectories(beta);
        Files.writeString(beta.resolve("keep.txt"), "x");
        Files.writeString(c.resolve("a.md"), "# Alpha\n\nFirst, changed.\n\n# Beta\n\nSecond, changed.\n");
        CliRun r = build(c, out);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("modelcards: error: cannot write " + beta), r.err());
        assertTrue(r.err().contains("the others keep their earlier version"), r.err());
        assertEquals(0, temporaryFiles(out));
        String alpha = Files.readString(out.resolve("models/alpha/index.html"));
        assertTrue(alpha.contains("First, changed.") || alpha.contains("First."), "a whole page, old or new");
        assertTrue(alpha.strip().endsWith("</html>"), "a whole page");
    }

    private static long temporaryFiles(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".tmp-")).count();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void firstBuildThatFindsErrorsWhileRenderingLeavesTheNewFolderEmpty() throws Exception {
        Path content = content();
        // a broken link is found only once the pages are rendered, and a first build writes them in place
        Files.writeString(content.resolve("a.md"), "# Alpha\n\nSee [nowhere](../nowhere/index.html).\n\n# Beta\n\nSecond.\n");
        Path out = tmp.resolve("new-out");
        CliRun r = build(content, out);
        assertEquals(1, r.exit(), r.err());
        assertEquals(java.util.Set.of(".modelcards-output"), hashes(out).keySet(), "only the marker stays");
        // and a good build into that folder afterwards is a complete site
        Files.writeString(content.resolve("a.md"), "# Alpha\n\nFirst.\n\n# Beta\n\nSecond.\n");
        assertEquals(0, build(content, out).exit());
        assertTrue(Files.isRegularFile(out.resolve("models/alpha/index.html")));
        assertFalse(Files.exists(out.resolve(".modelcards-staging")));
    }
}
