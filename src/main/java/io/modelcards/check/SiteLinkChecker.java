package io.modelcards.check;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.render.OutputFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link of the rendered site, like Docusaurus' onBrokenLinks: each href/src/action of each
 * HTML page must resolve to a generated file, and its #fragment to an id in that page. A broken link is an error
 * at the content line that wrote it, or at the template line (reported once, with how many pages have it).
 */
public final class SiteLinkChecker {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final String LINKS = "a[href], area[href], link[href], script[src], img[src], source[src], "
            + "iframe[src], video[src], audio[src], form[action]";

    /** A broken link as found in one page. */
    public record Broken(String page, String href, String reason) {}

    /** Checks the files and reports each broken link; returns them too, sorted by page. */
    public List<Broken> check(List<OutputFile> files, LinkSources sources, Diagnostics diagnostics) {
        Map<String, Document> pages = new TreeMap<>();
        Set<String> paths = new HashSet<>();
        for (OutputFile f : files) {
            paths.add(f.path());
            if (f.path().endsWith(".html")) pages.put(f.path(), Jsoup.parse(f.asText()));
        }
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach((path, doc) -> {
            Set<String> s = new HashSet<>();
            for (Element e : doc.select("[id]")) s.add(e.id());
            for (Element e : doc.select("a[name]")) s.add(e.attr("name"));
            ids.put(path, s);
        });
        List<Broken> broken = new java.util.ArrayList<>();
        Map<String, TreeSet<String>> fromTemplates = new TreeMap<>();
        Map<String, SourcePosition> templateAt = new HashMap<>();
        Map<String, String> firstHref = new HashMap<>();
        pages.forEach((page, doc) -> {
            for (Element e : doc.select(LINKS)) {
                String href = e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action");
                String reason = resolve(page, href, paths, ids);
                if (reason == null) continue;
                broken.add(new Broken(page, href, reason));
                LinkSources.Located at = sources.locate(page, href);
                if (at.fromContent()) {
                    diagnostics.error(at.at(), "broken link " + href + " on " + page + ": " + reason);
                } else {
                    String key = at.at() + "\u0000" + reason;
                    fromTemplates.computeIfAbsent(key, k -> new TreeSet<>()).add(page);
                    templateAt.put(key, at.at());
                    firstHref.putIfAbsent(key, href);
                }
            }
        });
        fromTemplates.forEach((key, onPages) -> {
            String reason = key.substring(key.indexOf('\u0000') + 1);
            diagnostics.error(templateAt.get(key), "broken link " + firstHref.get(key) + " on " + onPages.first()
                    + (onPages.size() > 1 ? " and " + (onPages.size() - 1) + " more pages" : "") + ": " + reason);
        });
        return broken;
    }

    /** Why an href of {@code page} does not resolve, or null when it does (or points outside the site). */
    static String resolve(String page, String href, Set<String> paths, Map<String, Set<String>> ids) {
        String h = href.strip();
        if (h.startsWith("//") || SCHEME.matcher(h).find()) return null;
        int hash = h.indexOf('#');
        String fragment = hash < 0 ? null : h.substring(hash + 1);
        String path = hash < 0 ? h : h.substring(0, hash);
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            target = normalise(page, decode(path));
            if (target == null) return "it points outside the site";
            if (target.isEmpty() || target.endsWith("/")) target = target + "index.html";
            if (!paths.contains(target)) {
                if (paths.contains(target + "/index.html")) target = target + "/index.html";
                else return "no file " + target + " in the site";
            }
        }
        if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) return null;
        String id = decode(fragment);
        if (id.equalsIgnoreCase("top")) return null; // browsers scroll to the top for #top
        Set<String> known = ids.get(target);
        if (known == null || !known.contains(id)) return "no element with id \"" + id + "\" in " + target;
        return null;
    }

    /** The site-relative path of {@code path} seen from {@code page}; null when it climbs above the root. */
    private static String normalise(String page, String path) {
        Deque<String> parts = new ArrayDeque<>();
        if (!path.startsWith("/")) {
            String[] dirs = page.split("/");
            for (int i = 0; i < dirs.length - 1; i++) parts.addLast(dirs[i]);
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else if (!s.equals(".") && !(s.isEmpty() && i < segments.length - 1)) {
                parts.addLast(s);
            }
        }
        String joined = String.join("/", parts);
        return path.endsWith("/") && !joined.isEmpty() ? joined.replaceFirst("/?$", "/") : joined;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % is taken literally
        }
    }
}
