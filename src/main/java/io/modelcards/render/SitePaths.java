package io.modelcards.render;

import java.net.URI;

/** Where each page of the site lives, and relative links between them (so file://, / and subpaths all work). */
public final class SitePaths {
    private SitePaths() {}

    public static String model(String slug) {
        return "models/" + slug + "/index.html";
    }

    public static String modelJson(String slug) {
        return "models/" + slug + "/model-index.json";
    }

    /** The model's normalized, lossless JSON (the catalogue's models.json lists these files). */
    public static String modelData(String slug) {
        return "models/" + slug + "/model.json";
    }

    /** The relative path from a page back to the site root: "" for index.html, "../../" for models/x/index.html. */
    public static String root(String pagePath) {
        int depth = 0;
        for (int i = 0; i < pagePath.length(); i++) if (pagePath.charAt(i) == '/') depth++;
        return "../".repeat(depth);
    }

    /**
     * The {@code <base href>} of 404.html, which a host serves at any depth (GitHub Pages answers /repo/a/b/c
     * with it), where its relative links would break: the path of the configured base URL ("/modelcards/" for
     * https://x.github.io/modelcards/), or "" when no base URL is set (then only a root-level 404 works).
     */
    public static String notFoundBase(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return "";
        String path;
        try {
            path = URI.create(baseUrl.trim()).getRawPath();
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (path == null || path.isEmpty()) return "/";
        return path.endsWith("/") ? path : path + "/";
    }

    /** A link from one page to another, both given relative to the site root. */
    public static String link(String fromPage, String toPath) {
        return root(fromPage) + toPath;
    }
}
