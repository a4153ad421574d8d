package io.modelcards.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How content files map to cards, from {@code cards:} in content/site.yaml: one card per file, one card per
 * level-1 heading (a collection file), or decided per file ({@link Mode#AUTO}). A folder's setting applies to
 * the files below it; the longest matching folder wins; "" is the whole content folder.
 */
public record CardLayout(Map<String, Mode> byFolder) {
    public enum Mode {
        /** README files and files with front matter are one card; other files by their headings (see the parser). */
        AUTO,
        /** The file is one card; its {@code #} headings are sections of it. */
        PER_FILE,
        /** Each {@code #} heading starts a card (a collection file). */
        PER_HEADING;

        /** "per-file", "per-heading", "auto"; null when the text names no mode. */
        public static Mode parse(String text) {
            if (text == null) return null;
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "per-file" -> PER_FILE;
                case "per-heading" -> PER_HEADING;
                case "auto" -> AUTO;
                default -> null;
            };
        }
    }

    public static final CardLayout AUTO = new CardLayout(Map.of());

    public CardLayout {
        Objects.requireNonNull(byFolder, "byFolder");
        TreeMap<String, Mode> copy = new TreeMap<>();
        byFolder.forEach((k, v) -> copy.put(folder(k), Objects.requireNonNull(v, "mode")));
        byFolder = java.util.Collections.unmodifiableMap(copy);
    }

    /** The mode of a file, given its path relative to the content folder ("org/name/README.md"). */
    public Mode modeOf(String relativePath) {
        Mode best = byFolder.getOrDefault("", Mode.AUTO);
        int bestLength = -1;
        for (var e : byFolder.entrySet()) {
            String f = e.getKey();
            if (f.isEmpty()) continue;
            if (relativePath.startsWith(f + "/") && f.length() > bestLength) {
                best = e.getValue();
                bestLength = f.length();
            }
        }
        return best;
    }

    /** "hub/", "./hub", "/hub" and "hub" name the same folder; "." and "/" the content folder itself. */
    private static String folder(String key) {
        String f = key.strip().replace('\\', '/');
        while (f.startsWith("./")) f = f.substring(2);
        while (f.startsWith("/")) f = f.substring(1);
        while (f.endsWith("/")) f = f.substring(0, f.length() - 1);
        return f.equals(".") ? "" : f;
    }
}
