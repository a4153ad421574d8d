package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-folder tests: each folder under src/test/resources/golden/ has content/ (or content.path naming a
 * project folder such as the seed's content/) and expected/ with the pages it must produce plus
 * diagnostics.txt. Pages (and the catalogue's data file) are compared whole, after normalising line endings and
 * trailing spaces.
 * Accept intended changes with {@code mvn test -Dtest=GoldenSiteTest -Dgolden.update=true}, then review the diff.
 */
class GoldenSiteTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("golden.update", "false"));

    @TestFactory
    Stream<DynamicTest> goldenSites() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(GOLDEN)) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                BuildResult result = build(dir);
                Path expected = dir.resolve("expected");
                if (UPDATE) update(result, expected);
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/diagnostics.txt", () ->
                        compare(expected.resolve("diagnostics.txt"), diagnostics(result))));
                try (Stream<Path> files = Files.walk(expected)) {
                    for (Path f : files.filter(p -> isCompared(p.toString())).sorted().toList()) {
                        String rel = expected.relativize(f).toString().replace('\\', '/');
                        tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + rel, () -> {
                            OutputFile out = result.files().stream().filter(o -> o.path().equals(rel)).findFirst()
                                    .orElseThrow(() -> new AssertionError("not produced: " + rel));
                            compare(f, out.asText());
                        }));
                    }
                }
            }
        }
        assertTrue(!tests.isEmpty(), "no golden cases");
        return tests.stream();
    }

    private static BuildResult build(Path dir) throws IOException {
        Path content = dir.resolve("content");
        Path pointer = dir.resolve("content.path");
        if (Files.isRegularFile(pointer)) content = Path.of(Files.readString(pointer).strip());
        return new SiteBuilder().render(BuildOptions.defaults().withContent(content).withReport(null));
    }

    private static String diagnostics(BuildResult r) {
        StringBuilder sb = new StringBuilder();
        for (String line : r.diagnostics().formatted()) sb.append(line).append('\n');
        return sb.toString();
    }

    private static void update(BuildResult r, Path expected) throws IOException {
        io.modelcards.TestFiles.deleteTree(expected);
        Files.createDirectories(expected);
        Files.writeString(expected.resolve("diagnostics.txt"), diagnostics(r));
        for (OutputFile f : r.files()) {
            if (!isCompared(f.path())) continue;
            Path target = expected.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.write(target, f.bytes());
        }
    }

    /** Pages, and the catalogue's data file (one line of JSON, but what catalogue.js shows). */
    private static boolean isCompared(String path) {
        return path.endsWith(".html") || path.endsWith(CatalogueData.PATH);
    }

    private static void compare(Path expectedFile, String actual) throws IOException {
        if (!Files.exists(expectedFile)) fail("missing golden file " + expectedFile + " (run with -Dgolden.update=true)");
        List<String> want = normalise(Files.readString(expectedFile, StandardCharsets.UTF_8));
        List<String> got = normalise(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of file>";
            String g = i < got.size() ? got.get(i) : "<end of file>";
            if (!w.equals(g)) {
                assertEquals(w, g, expectedFile + ": first difference at line " + (i + 1)
                        + " (accept intended changes with -Dgolden.update=true)");
            }
        }
    }

    private static List<String> normalise(String s) {
        List<String> lines = new ArrayList<>();
        for (String l : s.replace("\r\n", "\n").split("\n", -1)) lines.add(l.stripTrailing());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }
}
