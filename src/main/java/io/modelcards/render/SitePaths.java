package io.modelcards.render;

/** Where each page of the site lives, and relative links between them (so file://, / and subpaths all work). */
public final class SitePaths {
    private SitePaths() {}

    public static String model(String slug) {
        return "models/" + slug + "/index.html";
    }

    public static String modelJson(String slug) {
        return "models/" + slug + "/model-index.json";
    }

    /** The relative path from a page back to the site root: "" for index.html, "../../" for models/x/index.html. */
    public static String root(String pagePath) {
        int depth = 0;
        for (int i = 0; i < pagePath.length(); i++) if (pagePath.charAt(i) == '/') depth++;
        return "../".repeat(depth);
    }

    /** A link from one page to another, both given relative to the site root. */
    public static String link(String fromPage, String toPath) {
        return root(fromPage) + toPath;
    }
}
