package io.modelcards.check;

import io.modelcards.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of the templates a site was rendered with (bundled ones, overridden file by file by --templates), so
 * that a broken link made by a template can be reported at the template line that writes it.
 */
public final class TemplateSources {
    private static final String BUNDLED = "templates";
    private final Map<String, String> texts;

    TemplateSources(Map<String, String> texts) {
        this.texts = new TreeMap<>(texts);
    }

    public static TemplateSources read(Path overrideDir) {
        Map<String, String> texts = new TreeMap<>();
        readBundled(texts);
        if (overrideDir != null && Files.isDirectory(overrideDir)) readFolder(overrideDir, texts);
        return new TemplateSources(texts);
    }

    /** Every template by name (bundled, overridden by --templates), for fingerprinting the build's inputs. */
    public Map<String, String> texts() {
        return java.util.Collections.unmodifiableMap(texts);
    }

    /** The first template line containing {@code needle}, preferring {@code preferred}; null when none has it. */
    SourcePosition find(String needle, String preferred) {
        if (needle.isEmpty()) return null;
        SourcePosition inPreferred = findIn(preferred, needle);
        if (inPreferred != null) return inPreferred;
        for (String name : texts.keySet()) {
            SourcePosition p = findIn(name, needle);
            if (p != null) return p;
        }
        return null;
    }

    private SourcePosition findIn(String name, String needle) {
        String text = texts.get(name);
        if (text == null) return null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) return SourcePosition.of(BUNDLED + "/" + name, i + 1);
        }
        return null;
    }

    private static void readBundled(Map<String, String> texts) {
        URL url = TemplateSources.class.getClassLoader().getResource(BUNDLED);
        if (url == null) return;
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                readFolder(fs.getPath(BUNDLED), texts);
            } else {
                readFolder(Path.of(uri), texts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled templates: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bundled templates have a bad location: " + url, e);
        }
    }

    private static void readFolder(Path dir, Map<String, String> texts) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".html")) texts.put(rel, Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates in " + dir + ": " + e.getMessage(), e);
        }
    }
}
