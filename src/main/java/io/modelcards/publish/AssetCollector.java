package io.modelcards.publish;

import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects site-assets: the ones bundled in the jar, overridden file by file by an --assets folder. Copied
 * byte-for-byte to the same relative paths in the site.
 */
public final class AssetCollector {
    private static final String BUNDLED = "site-assets";

    public List<OutputFile> collect(Path overrideDir) {
        Map<String, byte[]> assets = new TreeMap<>();
        readBundled(assets);
        if (overrideDir != null && Files.isDirectory(overrideDir)) readFolder(overrideDir, assets);
        List<OutputFile> files = new ArrayList<>();
        assets.forEach((path, bytes) -> files.add(new OutputFile(path, bytes)));
        return files;
    }

    private static void readBundled(Map<String, byte[]> assets) {
        URL url = AssetCollector.class.getClassLoader().getResource(BUNDLED);
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
                readFolder(fs.getPath(BUNDLED), assets);
            } else {
                readFolder(Path.of(uri), assets);
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the bundled site-assets: " + e.getMessage(), e));
        }
    }

    private static void readFolder(Path dir, Map<String, byte[]> assets) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) continue;
                assets.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read assets in " + dir + ": " + e.getMessage(), e);
        }
    }
}
