package io.modelcards.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a link or image written in a card points at, seen from the card's page ({@code models/<slug>/index.html}).
 * Only {@link #ANCHOR} and {@link #SITE} links are links between pages of the site, which the link check holds
 * to account; the others were written for the card's home repository (on the Hub or GitHub) and are the links
 * stage's business: {@link #REPOSITORY} ({@code LICENSE}, {@code ./eval/results.txt}, {@code assets/plot.png}),
 * {@link #HOST} ({@code /org/repo/blob/main/x}, root-relative on the Hub), {@link #DOMAIN} ({@code www.example.com}
 * written without a scheme), {@link #SIBLING} ({@code ../rubert-base-cased}: on the Hub, the repository of that name
 * beside the card's, {@code org/rubert-base-cased}).
 */
public enum HrefKind {
    EXTERNAL, ANCHOR, SITE, REPOSITORY, HOST, DOMAIN, SIBLING;

    /** A file, not a repository: {@code ../outside.txt}, {@code ../index.html}. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)\\.(txt|md|html?|png|jpe?g|gif|svg|webp|json|ya?ml|py|ipynb|pdf|bin|csv|tsv|zip|gz|tar|pt|pth|ckpt|safetensors|onnx|h5)$");
    /** {@code ../name}: one level up, one plain segment, no page of the site ({@code ../beta/index.html} is one). */
    private static final Pattern SIBLING_PATH = Pattern.compile("\\.\\./[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * A first path segment that is a host name: {@code www.} anything, or a dotted name ending in a common
     * top-level domain. Country codes that are also file extensions (.md, .py, .sh, .pl, .cc) are left out.
     */
    private static final Pattern DOMAIN_NAME = Pattern.compile(
            "(?i)(www\\.[a-z0-9.-]+|([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(com|org|net|ai|io|co|edu|gov|dev|info|app|"
                    + "xyz|tech|uk|de|fr|cn|jp|kr|ru|br|it|es|nl|eu|ch|us|ca|au|tw|vn|se|fi|no|dk|pl|cz|ir|tr|gr|hu"
                    + "|be|at|ar|mx|sg|hk|il|za|nz))(:\\d+)?");

    public static HrefKind of(String href) {
        String h = href.strip();
        if (h.startsWith("//") || SCHEME.matcher(h).find()) return EXTERNAL;
        if (h.startsWith("#") || h.isEmpty()) return ANCHOR;
        if (h.startsWith("/")) return HOST;
        String path = pathOf(h);
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (DOMAIN_NAME.matcher(first).matches()) return DOMAIN;
        List<String> inRepo = repositoryPath(path);
        if (inRepo == null && SIBLING_PATH.matcher(path).matches() && !FILE_NAME.matcher(path).find()) return SIBLING;
        if (inRepo == null) return SITE; // climbs out of the card's folder into the site: models/…, benchmarks/…
        if (inRepo.isEmpty()) return SITE; // the page itself
        if (inRepo.size() == 1 && (inRepo.get(0).equals("index.html") || inRepo.get(0).equals("model-index.json"))) {
            return SITE; // the files the site writes beside each model page
        }
        return REPOSITORY;
    }

    /** The path of a relative href: without its query and fragment. */
    public static String pathOf(String href) {
        String h = href.strip();
        int cut = h.length();
        int hash = h.indexOf('#');
        if (hash >= 0) cut = hash;
        int query = h.indexOf('?');
        if (query >= 0 && query < cut) cut = query;
        return h.substring(0, cut);
    }

    /**
     * The segments of a relative path resolved against the card's own folder (its repository's root); null when
     * it climbs above it. {@code ./config/../vocab.txt} → [vocab.txt].
     */
    public static List<String> repositoryPath(String path) {
        List<String> parts = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else if (!s.equals(".") && !s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }

    /** Whether the link check may fail the build on this link: it links pages of the site. */
    public boolean isSiteLink() {
        return this == ANCHOR || this == SITE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
