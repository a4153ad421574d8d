package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcards.TestContent;
import io.modelcards.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Builds a real site with the CLI, as a user would, for the browser tests to open. */
final class SiteBuild {
    /** The path of site.yaml's base URL (https://example.github.io/modelcards/): where the tests serve the site. */
    static final String PREFIX = "/modelcards/";

    private SiteBuild() {}

    /** Builds content/ (the seed, with its site.yaml) into {@code dir}/site and returns that folder. */
    static Path seed(Path dir) {
        return build(TestContent.SEED, dir);
    }

    static Path build(Path content, Path dir) {
        Path site = dir.resolve("site");
        int exit = Main.run("build", "--content", content.toString(), "--out", site.toString(),
                "--report", dir.resolve("report.json").toString());
        assertEquals(0, exit, "modelcards build of " + content + " failed");
        return site;
    }

    /** Every .html file of the site, relative to it, with '/' separators, in sorted order. */
    static List<String> pages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
