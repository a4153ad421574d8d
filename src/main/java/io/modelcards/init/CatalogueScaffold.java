package io.modelcards.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a new catalogue into a folder from the bundled templates. Into a new or empty folder it writes every file;
 * with {@code force}, into an existing one (a repository), it adds only what is missing and never overwrites.
 */
public final class CatalogueScaffold {
    private static final String BUNDLED = "io/modelcards/init/";
    /** Where the example card goes; it is left out when content/ already has files of its own. */
    static final String EXAMPLE_CARD = "content/example-org/tiny-sentiment/README.md";

    /** A template: its resource under {@code io/modelcards/init/}, where it goes, and whether placeholders are filled. */
    record Template(String resource, String target, boolean filled) {}

    /** Every file of a new catalogue, in the order they are listed. */
    static final List<Template> FILES = List.of(
            new Template("README.md", "README.md", true),
            new Template("pom.xml", "pom.xml", true),
            new Template("gitignore", ".gitignore", false),
            // the project's own .github/workflows/pages.yml, bundled by the pom: one file for both, never filled
            new Template("workflows/pages.yml", ".github/workflows/pages.yml", false),
            new Template("content/site.yaml", "content/site.yaml", true),
            new Template("content/example-org/tiny-sentiment/README.md", EXAMPLE_CARD, false));

    /** A file not written, and why. */
    public record Skipped(String path, String reason) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What {@link #write} did: the files written and the ones skipped, as paths relative to the folder, with '/'. */
    public record Result(List<String> written, List<Skipped> skipped) {
        public Result {
            written = List.copyOf(written);
            skipped = List.copyOf(skipped);
        }
    }

    private final String version;

    /** @param version the modelcards version the new pom.xml asks for (this one's, so that it is installed) */
    public CatalogueScaffold(String version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The names in {@code dir}, sorted; empty when it does not exist. */
    public static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Writes the catalogue into {@code dir} (made when missing). Existing files are always kept: the caller decides
     * whether a non-empty folder may be written into at all ({@code init --force}).
     */
    public Result write(Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean contentHasFiles = hasFiles(dir.resolve("content"));
        List<String> written = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Template t : FILES) {
            Path target = dir.resolve(t.target());
            if (Files.exists(target)) {
                skipped.add(new Skipped(t.target(), "exists, kept as it is"));
            } else if (t.target().equals(EXAMPLE_CARD) && contentHasFiles) {
                skipped.add(new Skipped(t.target(), "content/ has cards of its own"));
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes(t, artifactId(dir)));
                written.add(t.target());
            }
        }
        return new Result(written, skipped);
    }

    /** A template's bytes, with {@code @modelcards.version@} and {@code @artifactId@} filled where it asks for it. */
    byte[] bytes(Template t, String artifactId) {
        byte[] raw = resource(t.resource());
        if (!t.filled()) return raw;
        String text = new String(raw, StandardCharsets.UTF_8)
                .replace("@modelcards.version@", version)
                .replace("@artifactId@", artifactId);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A bundled template, byte for byte. */
    public static byte[] resource(String name) {
        try (InputStream in = CatalogueScaffold.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
            if (in == null) throw new IllegalStateException("template " + BUNDLED + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + BUNDLED + name + ": " + e.getMessage(), e);
        }
    }

    /** The Maven artifactId of the new project: its folder's name, lowercased, with only letters, digits, . _ -. */
    static String artifactId(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-._]+|[-._]+$", "");
        return s.isEmpty() ? "model-cards" : s;
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
