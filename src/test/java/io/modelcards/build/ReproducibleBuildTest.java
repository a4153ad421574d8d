package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two builds of the same content give byte-identical folders (models.json included), and a rebuild writes nothing. */
class ReproducibleBuildTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"content", "src/test/resources/xss/content", "src/test/resources/wild/content"})
    void twoBuildsAreByteIdentical(String content) throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        BuildOptions options = BuildOptions.defaults().withContent(Path.of(content)).withReport(null);
        BuildResult first = new SiteBuilder().build(options.withOutput(one));
        BuildResult second = new SiteBuilder().build(options.withOutput(two));
        assertTrue(first.ok() && second.ok(), String.join("\n", first.diagnostics().formatted()));
        List<String> files = files(one);
        assertEquals(files, files(two));
        assertTrue(files.contains("models.json"), files.toString());
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        assertEquals(first.diagnostics().formatted(), second.diagnostics().formatted());
        BuildResult again = new SiteBuilder().build(options.withOutput(one));
        assertEquals(0, again.written(), "an unchanged file is not rewritten");
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
