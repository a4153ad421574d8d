package io.modelcards.links;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.HrefKind;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Links and images a card wrote for its home repository, pointed there: {@code LICENSE},
 * {@code ./eval/results.txt} and {@code assets/plot.png} become files of the card's source repository, the way the
 * Hub and GitHub resolve them; {@code /org/repo/blob/main/x}, root-relative on the Hub, becomes an address on the
 * source's host. The source is the card's front matter {@code source_url}, else content/site.yaml's
 * {@code sourceUrl}: a pattern such as {@code https://huggingface.co/{id}/blob/main/{path}} ({@code {id}}: the
 * card's Hub id; {@code {path}}: the link resolved against the card's folder, the repository's root, with its query
 * and fragment); a pattern without {@code {path}} is a folder the path is appended to. Images take the file itself
 * rather than its page: {@code /blob/} becomes {@code /resolve/} on huggingface.co and {@code /raw/} on github.com.
 * Without a source (or with {@code {id}} for a card that has no Hub id, such as a section of a collection file)
 * such a link is a warning and stays as written; so is a bare domain ({@code www.example.com}). None can fail the
 * build: only links between pages of the site can.
 */
final class SourceLinks {
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern BLOB = Pattern.compile("/blob/");
    static final String FRONT_MATTER_KEY = "source_url";
    /** A Hub id: {@code name} or {@code org/name}, as the Hub allows them. */
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    /** What a warning about an unknown source suggests. */
    private static final String SET_SOURCE = "set sourceUrl in content/site.yaml (e.g."
            + " https://huggingface.co/{id}/blob/main/{path})";

    /** One rewritten link or image: what it was, what it became, and why. */
    record Rewrite(String from, String to, String why) {}

    private final String pattern;
    private final String from;
    private final Model model;
    private final Diagnostics diagnostics;

    /** The pages of the catalogue's Hub cards: id ({@code org/name}, lowercase) → slug. */
    private final Map<String, String> slugById;

    SourceLinks(SiteConfig config, Model model, Map<String, String> slugById, Diagnostics diagnostics) {
        this.slugById = slugById;
        String own = model.frontMatter().other().getOrDefault(FRONT_MATTER_KEY, "").strip();
        if (!own.isEmpty() && !WEB_ADDRESS.matcher(own).matches()) {
            diagnostics.warning(model.origin(), FRONT_MATTER_KEY + ": expected an http(s) address, got \"" + own
                    + "\"; the site's sourceUrl applies");
            own = "";
        }
        this.pattern = !own.isEmpty() ? own : config.sourceUrl();
        this.from = !own.isEmpty() ? "the card's source_url" : "sourceUrl in content/site.yaml";
        this.model = model;
        this.diagnostics = diagnostics;
    }

    /** The address {@code href} should have, or null to keep it; warns about what it cannot point anywhere. */
    Rewrite rewrite(String href, boolean image, SourcePosition at) {
        HrefKind kind = HrefKind.of(href);
        String what = image ? "image " : "link ";
        switch (kind) {
            case DOMAIN -> {
                diagnostics.warning(at, what + href + " is a web address without a scheme, so it points into the"
                        + " card's folder; write https://" + href.strip());
                return null;
            }
            case HOST -> {
                String host = host();
                if (host == null) {
                    diagnostics.warning(at, what + href + " is relative to the host of the card's source, which is"
                            + " unknown; " + SET_SOURCE + " or source_url in the card's front matter");
                    return null;
                }
                return new Rewrite(href, host + href.strip(), what + "relative to the source's host " + host
                        + " (" + from + ")");
            }
            case REPOSITORY -> {
                String url = repositoryUrl(href, image);
                if (url == null) {
                    diagnostics.warning(at, what + href + " points into the card's repository, whose address is "
                            + (pattern.isEmpty() ? "unknown; " + SET_SOURCE + " or source_url in the card's front matter"
                            : "not known for a card without a Hub id (" + model.id() + ")")
                            + "; it is left as written");
                    return null;
                }
                return new Rewrite(href, url, what + "into the card's source repository (" + from + ")");
            }
            case SIBLING -> {
                return sibling(href, what, at);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code ../rubert-base-cased} in the card {@code DeepPavlov/rubert-base-cased-conversational} is the Hub
     * repository {@code DeepPavlov/rubert-base-cased}: its page when the catalogue has that card, else its address
     * on the source's host, else a warning.
     */
    private Rewrite sibling(String href, String what, SourcePosition at) {
        String id = model.id();
        int slash = id.indexOf('/');
        String h = href.strip();
        String path = HrefKind.pathOf(h);
        String rest = h.substring(path.length());
        String name = path.substring(3);
        if (slash > 0 && id.indexOf('/', slash + 1) < 0) {
            String sibling = id.substring(0, slash + 1) + name;
            String slug = slugById.get(sibling.toLowerCase(java.util.Locale.ROOT));
            if (slug != null) {
                return new Rewrite(href, "../" + slug + "/index.html" + rest, what + "to the sibling repository "
                        + sibling + ", a card of this site");
            }
            String host = host();
            if (host != null) {
                return new Rewrite(href, host + "/" + sibling + rest, what + "to the sibling repository " + sibling
                        + " on " + host + " (" + from + ")");
            }
        }
        diagnostics.warning(at, what + href + " names a repository beside the card's, which is not in this"
                + " catalogue and whose host is unknown; " + SET_SOURCE + " or link to its address");
        return null;
    }

    /** The address of a repository-relative href, or null when the source is unknown for this card. */
    private String repositoryUrl(String href, boolean image) {
        if (pattern.isEmpty()) return null;
        if (pattern.contains("{id}") && !HUB_ID.matcher(model.id()).matches()) return null;
        String h = href.strip();
        String path = HrefKind.pathOf(h);
        List<String> parts = HrefKind.repositoryPath(path);
        if (parts == null) return null;
        String rest = h.substring(path.length());
        String joined = String.join("/", parts) + (path.endsWith("/") && !parts.isEmpty() ? "/" : "");
        String p = image ? imagePattern(pattern) : pattern;
        p = p.replace("{id}", model.id());
        String url = p.contains("{path}") ? p.replace("{path}", joined) : (p.endsWith("/") ? p : p + "/") + joined;
        return url + rest;
    }

    /** The pattern of an image's file: the Hub serves it at /resolve/, GitHub at /raw/, where pages are /blob/. */
    static String imagePattern(String pattern) {
        String host = hostOf(pattern);
        if (host == null || !pattern.contains("/blob/")) return pattern;
        if (host.equals("https://huggingface.co")) return BLOB.matcher(pattern).replaceFirst("/resolve/");
        if (host.equals("https://github.com")) return BLOB.matcher(pattern).replaceFirst("/raw/");
        return pattern;
    }

    /** The scheme and host of the source, or null without one. */
    private String host() {
        return pattern.isEmpty() ? null : hostOf(pattern);
    }

    private static String hostOf(String pattern) {
        try {
            URI u = URI.create(pattern.replace("{id}", "id").replace("{path}", "path"));
            if (u.getScheme() == null || u.getRawAuthority() == null) return null;
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
