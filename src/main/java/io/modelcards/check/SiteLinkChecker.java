package io.modelcards.check;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.HrefKind;
import io.modelcards.render.OutputFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks every internal link of the rendered site, like Docusaurus' onBrokenLinks: each href/src/action of each
 * HTML page must resolve to a generated file, and its #fragment to an id in that page. A broken link is an error
 * at the content line that wrote it, or at the template line (reported once, with how many pages have it).
 */
public final class SiteLinkChecker {
    private static final Pattern TRAILING_SLASH = Pattern.compile("/?$");
    /** A URL's scheme ({@code https:}, {@code mailto:}): what {@link #hasScheme} reads without a regex. */
    static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** Whether {@code h} starts with a scheme, as {@link #SCHEME} finds one: a letter, letters, digits, {@code +.-}, a colon. */
    static boolean hasScheme(String h) {
        if (h.isEmpty() || !isLetter(h.charAt(0))) return false;
        for (int i = 1; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == ':') return true;
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') return false;
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A broken link as found in one page. */
    public record Broken(String page, String href, String reason) {}

    /** A start tag with attributes is {@code <([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)>}; Collector.add finds them by hand. */
    /** The attributes the check reads; {@link Collector#scanAttributes} finds its matches by hand. */
    static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s(id|name|href|src|action)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    /** Embedded media: a missing one shows as a gap in the page, so it is a warning; a broken link is an error. */
    static final Set<String> MEDIA = Set.of("img", "source", "video", "audio");
    static final Set<String> LINKING = Set.of("a", "area", "link", "script", "img", "source", "iframe",
            "video", "audio", "form");

    /** Checks the files and reports each broken link; returns them too, sorted by page. */
    public List<Broken> check(List<OutputFile> files, LinkSources sources, Diagnostics diagnostics) {
        Collector c = new Collector();
        for (OutputFile f : files) c.add(f);
        return c.finish(sources, diagnostics);
    }

    /**
     * Gathers what the check needs page by page, so that pages need not stay in memory: every path, the ids of
     * each page and its internal links. Reads the generated markup with a scanner of tags rather than a DOM
     * (our pages always quote attributes, and text never holds a raw '<'). Thread-safe.
     */
    public static final class Collector {
        private PathSet paths = new PathSet();
        /** Each page's ids, as {@link PageIds} holds them. */
        private final Map<String, int[]> ids;
        private final Map<String, List<Ref>> links;
        /**
         * Each link held once for all pages: pages repeat them ("#r-12", "../../index.html"), and a list of links per
         * page, each of its own strings, was most of the collector at 10,000 cards.
         */
        private final Map<Object, Object> shared;

        public Collector() {
            this(16);
        }

        /**
         * A collector for a site of about {@code pages} pages, its tables made for them up front (grown from their first
         * size, they were copied into larger ones again and again while pages arrived from every core: 0.6 % of a build
         * of the 26,354 real cards).
         */
        public Collector(int pages) {
            int n = Math.max(16, pages);
            ids = new java.util.concurrent.ConcurrentHashMap<>(n);
            links = new java.util.concurrent.ConcurrentHashMap<>(n);
            shared = new java.util.concurrent.ConcurrentHashMap<>(2 * n);
        }

        @SuppressWarnings("unchecked")
        private <T> T shared(T value) {
            Object kept = shared.putIfAbsent(value, value);
            return kept == null ? value : (T) kept;
        }

        public void add(OutputFile f) {
            paths.add(f.path());
            if (!f.path().endsWith(".html")) return;
            Set<String> pageIds = new HashSet<>();
            List<Ref> pageLinks = new java.util.ArrayList<>();
            Attributes attributes = new Attributes(pageIds, pageLinks);
            byte[] b = f.bytes();
            // start tags with attributes, found in the UTF-8 bytes (tag syntax is ASCII) without decoding the page; a
            // call of afterTag per tag rather than one loop over the page's bytes here: without on-stack replacement
            // (the launcher's setting for a large build) add's first hundred calls ran in the interpreter, a page each
            for (int i = 0; i < b.length; ) i = afterTag(b, i, attributes);
            // the ids as hashes and the links as an array of the shared ones (a set of strings per page was 270 MB
            // of a build's heap at 100,000 cards: 4.6 million ids, most of them different)
            int[] idHashes = PageIds.of(pageIds);
            ids.put(f.path(), idHashes);
            // a link within the page ("#r-12", a third of a model page's links) is resolved now, against the page's
            // own ids, and kept only when broken (then resolved again with the others, so that a page's broken links
            // are reported in the page's order)
            pageLinks.removeIf(r -> samePage(r.href()) && resolve(f.path(), r.href(), p -> true, p -> idHashes) == null);
            links.put(f.path(), List.copyOf(pageLinks));
        }

        /**
         * From {@code from}: the next start tag with attributes, its ids and internal links added to the page's;
         * returns where the scan goes on ({@code b.length} when no tag is left).
         */
        private int afterTag(byte[] b, int from, Attributes attributes) {
            for (int i = from; i < b.length; i++) {
                if (b[i] != '<' || i + 1 >= b.length || !isAsciiLetter(b[i + 1])) continue;
                int nameEnd = i + 2;
                while (nameEnd < b.length && (isAsciiLetter(b[nameEnd]) || isAsciiDigit(b[nameEnd]) || b[nameEnd] == '-')) nameEnd++;
                if (nameEnd >= b.length || !isSpace(b[nameEnd])) continue; // no attributes (or not a tag)
                int end = nameEnd;
                while (end < b.length && b[end] != '<' && b[end] != '>') end++;
                if (end >= b.length || b[end] != '>') continue; // the scan goes on from the next '<'
                // what the tag links, read once per tag (not once per attribute) from its name's bytes
                attributes.kind = kind(b, i + 1, nameEnd);
                scanAttributes(b, nameEnd, end, attributes);
                return end + 1;
            }
            return b.length;
        }

        /**
         * What a page's tags' attributes add to its ids and internal links, the tag's {@link #kind} set before each
         * tag's are scanned: one per page (a lambda per tag, capturing the tag's kind, was 1 % of the bytes a build of
         * 10,000 synthetic cards allocated).
         */
        private final class Attributes implements java.util.function.BiConsumer<String, String> {
            private final Set<String> pageIds;
            private final List<Ref> pageLinks;
            /** What the tag being scanned links ({@link #kind(byte[], int, int)}). */
            int kind;

            Attributes(Set<String> pageIds, List<Ref> pageLinks) {
                this.pageIds = pageIds;
                this.pageLinks = pageLinks;
            }

            @Override
            public void accept(String key, String raw) {
                String value = raw.indexOf('&') < 0 ? raw : org.jsoup.parser.Parser.unescapeEntities(raw, true);
                switch (key) {
                    case "id" -> pageIds.add(value);
                    case "name" -> { if ((kind & ANCHOR) != 0) pageIds.add(value); }
                    default -> {
                        if (kind == 0) break;
                        String h = value.strip();
                        if (!h.startsWith("//") && !hasScheme(h)) pageLinks.add(shared(new Ref(value, (kind & MEDIA_TAG) != 0)));
                    }
                }
            }
        }

        /**
         * The matches of ATTRIBUTE in the bytes [from, end) of a tag, found by hand (the regex was a tenth of a
         * build): whitespace, a key, "=", a value in double, single or no quotes; each as (key, raw value).
         */
        static void scanAttributes(byte[] b, int from, int end, java.util.function.BiConsumer<String, String> found) {
            for (int j = from; j < end; j++) {
                if (!isSpace(b[j])) continue;
                String key = keyAt(b, j + 1, end);
                if (key == null) continue;
                int k = j + 1 + key.length();
                while (k < end && isSpace(b[k])) k++;
                if (k >= end || b[k] != '=') continue;
                k++;
                while (k < end && isSpace(b[k])) k++;
                if (k >= end) continue;
                int valueStart;
                int valueEnd;
                int next;
                if (b[k] == '"' || b[k] == '\'') {
                    byte quote = b[k];
                    valueStart = k + 1;
                    valueEnd = valueStart;
                    while (valueEnd < end && b[valueEnd] != quote) valueEnd++;
                    if (valueEnd >= end) continue; // unclosed: no match here
                    next = valueEnd + 1;
                } else {
                    valueStart = k;
                    valueEnd = k;
                    while (valueEnd < end && !isSpace(b[valueEnd]) && b[valueEnd] != '"' && b[valueEnd] != '\''
                            && b[valueEnd] != '>') valueEnd++;
                    if (valueEnd == valueStart) continue;
                    next = valueEnd;
                }
                j = next - 1; // the next match starts after this one
                found.accept(key, new String(b, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
            }
        }

        private static final int LINKS = 1, ANCHOR = 2, MEDIA_TAG = 4;
        /** The names of {@link #LINKING} in lower case, as bytes, with what each is ({@link #kind}). */
        private static final byte[][] LINKING_NAMES;
        private static final int[] KINDS;

        static {
            List<String> names = new java.util.ArrayList<>(new TreeSet<>(LINKING));
            LINKING_NAMES = new byte[names.size()][];
            KINDS = new int[names.size()];
            for (int k = 0; k < names.size(); k++) {
                String n = names.get(k);
                LINKING_NAMES[k] = n.getBytes(StandardCharsets.US_ASCII);
                KINDS[k] = LINKS | (n.equals("a") ? ANCHOR : 0) | (MEDIA.contains(n) ? MEDIA_TAG : 0);
            }
        }

        /**
         * What the tag named by the bytes [from, to) (ASCII letters, digits and '-') links: 0 for a tag not in
         * {@link #LINKING}, else {@code LINKS} with {@code ANCHOR} for "a" and {@code MEDIA_TAG} for {@link #MEDIA}, in
         * any case. Read from the bytes: a lower-case String of each tag's name, looked up in two sets, was a third of the
         * check's time (10 million tags at 10,000 synthetic cards).
         */
        static int kind(byte[] b, int from, int to) {
            int length = to - from;
            names:
            for (int k = 0; k < LINKING_NAMES.length; k++) {
                byte[] name = LINKING_NAMES[k];
                if (name.length != length) continue;
                for (int n = 0; n < length; n++) if ((b[from + n] | 0x20) != name[n]) continue names;
                return KINDS[k];
            }
            return 0;
        }

        private static final String[] KEYS = {"id", "name", "href", "src", "action"};

        /** The key of ATTRIBUTE starting at {@code at} (before {@code end}), or null. */
        private static String keyAt(byte[] b, int at, int end) {
            for (String key : KEYS) {
                if (at + key.length() > end) continue;
                boolean same = true;
                for (int n = 0; n < key.length() && same; n++) same = b[at + n] == key.charAt(n);
                if (same) return key;
            }
            return null;
        }

        private static boolean isAsciiLetter(byte c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAsciiDigit(byte c) {
            return c >= '0' && c <= '9';
        }

        /** The characters of the regex class \\s (a table: the attribute scan asks it of every byte of every tag). */
        private static boolean isSpace(byte c) {
            return SPACE[c & 0xFF];
        }

        private static final boolean[] SPACE = new boolean[256];

        static {
            for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) SPACE[c] = true;
        }

        /** Checks what was gathered and reports it; what was gathered is let go of (a build goes on to its report). */
        public List<Broken> finish(LinkSources sources, Diagnostics diagnostics) {
            // each page's links resolved on every core (the paths and ids are only read now): one thread resolving the
            // 26,354 real cards' links was 2.7 % of that build's samples, on the main thread alone
            PathSet known = paths;
            Map<String, List<Found>> found = new TreeMap<>(links.entrySet().parallelStream()
                    .map(e -> Map.entry(e.getKey(), resolveAll(e.getKey(), e.getValue(), known::contains, ids::get)))
                    .filter(e -> !e.getValue().isEmpty())
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            paths = new PathSet();
            ids.clear();
            links.clear();
            shared.clear();
            return report(found, sources, diagnostics);
        }
    }

    /** What the check reads from one page: its ids ({@link PageIds}) and the internal links it makes, in order. */
    private record Page(int[] ids, List<Ref> links) {}

    private record Ref(String href, boolean media) {}

    /** A link of a page that does not resolve, and why. */
    private record Found(Ref ref, String reason) {}

    private static List<Found> resolveAll(String page, List<Ref> refs, java.util.function.Predicate<String> paths,
                                          java.util.function.Function<String, int[]> ids) {
        List<Found> found = new java.util.ArrayList<>();
        for (Ref ref : refs) {
            String reason = resolve(page, ref.href(), paths, ids);
            if (reason != null) found.add(new Found(ref, reason));
        }
        return found.isEmpty() ? List.of() : found;
    }

    /** Reports the broken links found, page by page in path order ({@code found} is sorted by page). */
    private static List<Broken> report(Map<String, List<Found>> found, LinkSources sources, Diagnostics diagnostics) {
        List<Broken> broken = new java.util.ArrayList<>();
        Map<String, TreeSet<String>> fromTemplates = new TreeMap<>();
        Map<String, SourcePosition> templateAt = new HashMap<>();
        Map<String, String> firstHref = new HashMap<>();
        for (var e : found.entrySet()) {
            String page = e.getKey();
            for (Found f : e.getValue()) {
                Ref ref = f.ref();
                String href = ref.href();
                String reason = f.reason();
                LinkSources.Located at = sources.locate(page, href);
                // a card's link into its own repository, or a bare domain: the links stage pointed it to the
                // source repository or warned about it; only links between pages of the site fail the build
                if (at.fromContent() && !HrefKind.of(href).isSiteLink()) continue;
                broken.add(new Broken(page, href, reason));
                if (at.fromContent() && ref.media()) {
                    diagnostics.warning(at.at(), "missing image " + href + " on " + page + ": " + reason
                            + "; the page shows its alt text");
                } else if (at.fromContent() && href.startsWith("#")) {
                    // an anchor within the card's own page, as broken on the Hub as here: the page is still whole, so
                    // a warning (Docusaurus' onBrokenAnchors and MkDocs' anchor validation do not fail either)
                    diagnostics.warning(at.at(), "broken anchor " + href + " on " + page + ": " + reason
                            + "; the link stays on the page without moving");
                } else if (at.fromContent()) {
                    diagnostics.error(at.at(), "broken link " + href + " on " + page + ": " + reason);
                } else {
                    String key = at.at() + "\u0000" + reason;
                    fromTemplates.computeIfAbsent(key, k -> new TreeSet<>()).add(page);
                    templateAt.put(key, at.at());
                    firstHref.putIfAbsent(key, href);
                }
            }
        }
        fromTemplates.forEach((key, onPages) -> {
            String reason = key.substring(key.indexOf('\u0000') + 1);
            diagnostics.error(templateAt.get(key), "broken link " + firstHref.get(key) + " on " + onPages.first()
                    + (onPages.size() > 1 ? " and " + (onPages.size() - 1) + " more pages" : "") + ": " + reason);
        });
        return broken;
    }

    /**
     * The check for serve, which checks the whole site again after each change: a page whose bytes are the very
     * array of the last check is not read again, and while no path and no page's ids changed, its links are not
     * resolved again either. Reports exactly what {@link SiteLinkChecker#check} reports. Not thread-safe.
     */
    public static final class Cache {
        /** One page read as {@link Collector#add} reads it. */
        private static Page scan(OutputFile f) {
            Collector one = new Collector();
            one.add(f);
            return new Page(one.ids.get(f.path()), one.links.get(f.path()));
        }

        private Map<String, Checked> checked = new HashMap<>();
        private Set<String> lastPaths = Set.of();
        private String[] lastPathList = new String[0];
        /** The files of the last check, in its order (serve: an unchanged file is the same instance in its place). */
        private OutputFile[] lastFiles = new OutputFile[0];

        /**
         * One page as last checked: the file (whose bytes never change; not its bytes, which serve may hold packed),
         * what they hold, and its broken links (null: not resolved yet).
         */
        private static final class Checked {
            final OutputFile file;
            final Page page;
            List<Found> found;

            Checked(OutputFile file, Page page) {
                this.file = file;
                this.page = page;
            }
        }

        public List<Broken> check(List<OutputFile> files, LinkSources sources, Diagnostics diagnostics) {
            // the same paths in the same order as last time: the set of paths and the map of pages are kept
            boolean samePaths = files.size() == lastPathList.length;
            for (int i = 0; samePaths && i < files.size(); i++) {
                OutputFile f = files.get(i);
                samePaths = f == lastFiles[i] || f.path().equals(lastPathList[i]);
            }
            Set<String> paths = samePaths ? lastPaths : new HashSet<>();
            Map<String, Checked> now = samePaths ? checked : new HashMap<>();
            boolean idsChanged = false;
            List<Checked> scanned = new java.util.ArrayList<>(); // the pages read this time, whose links are not resolved yet
            for (int i = 0; i < files.size(); i++) {
                OutputFile f = files.get(i);
                // the same file in the same place as last time: its page was read then (serve's 20,000 files at
                // 10,000 cards, each looked up by path on every edit, were most of the check)
                if (samePaths && f == lastFiles[i]) continue;
                if (!samePaths) paths.add(f.path());
                if (!f.isPage()) continue;
                Checked prev = checked.get(f.path());
                Checked c = prev != null && prev.file == f ? prev : new Checked(f, scan(f));
                if (c != prev && (prev == null || !java.util.Arrays.equals(prev.page.ids(), c.page.ids()))) idsChanged = true;
                if (c != prev || !samePaths) now.put(f.path(), c);
                if (c != prev) scanned.add(c);
            }
            if (!samePaths) {
                lastPathList = new String[files.size()];
                for (int i = 0; i < files.size(); i++) lastPathList[i] = files.get(i).path();
                lastFiles = new OutputFile[files.size()];
            }
            for (int i = 0; i < files.size(); i++) lastFiles[i] = files.get(i);
            java.util.function.Function<String, int[]> ids = path -> {
                Checked c = now.get(path);
                return c == null ? null : c.page.ids();
            };
            boolean again = idsChanged || !paths.equals(lastPaths);
            if (again) broken.clear();
            // every page's links when a page's ids or the site's paths changed, else only those of the pages read now
            // (a page kept from the last check has its links resolved)
            for (Checked c : again ? now.values() : scanned) {
                if (!again && c.found != null) continue;
                String path = c.file.path();
                c.found = resolveAll(path, c.page.links(), paths::contains, ids);
                if (c.found.isEmpty()) broken.remove(path);
                else broken.put(path, c.found);
            }
            checked = now;
            lastPaths = paths;
            return report(broken, sources, diagnostics);
        }

        /** The pages with a broken link, and those links; the same paths are in {@link #lastPaths}. */
        private final Map<String, List<Found>> broken = new TreeMap<>();
    }

    /** Why an href of {@code page} does not resolve, or null when it does (or points outside the site). */
    static String resolve(String page, String href, java.util.function.Predicate<String> paths,
                          java.util.function.Function<String, int[]> ids) {
        String h = href.strip();
        if (h.startsWith("//") || hasScheme(h)) return null;
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
            if (!paths.test(target)) {
                if (paths.test(target + "/index.html")) target = target + "/index.html";
                else return "no file " + target + " in the site";
            }
        }
        if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) return null;
        String id = decode(fragment);
        if (id.equalsIgnoreCase("top")) return null; // browsers scroll to the top for #top
        int[] known = ids.apply(target);
        if (known == null || !PageIds.has(known, id)) return "no element with id \"" + id + "\" in " + target;
        return null;
    }

    /**
     * Whether {@code href} stays on its page: no path before its query or fragment ("#r-12", "?tab=2#x", ""), so that
     * {@link #resolve} reads only the page's own ids for it.
     */
    static boolean samePage(String href) {
        String h = href.strip();
        return h.isEmpty() || h.charAt(0) == '#' || h.charAt(0) == '?';
    }

    /** The site-relative path of {@code path} seen from {@code page}; null when it climbs above the root. */
    static String normalise(String page, String path) {
        // one pass over each string, as page.split("/") without its last item and then path.split("/", -1) would give
        // their items (split drops a page's trailing empty items)
        Parts parts = new Parts(page.length() + path.length());
        if (!path.startsWith("/")) {
            int end = page.length();
            while (end > 0 && page.charAt(end - 1) == '/') end--;
            int dirsEnd = end == 0 ? -1 : page.lastIndexOf('/', end - 1);
            for (int from = 0; from <= dirsEnd; ) {
                int slash = page.indexOf('/', from); // at most dirsEnd, itself a '/'
                parts.push(page, from, slash);
                from = slash + 1;
            }
        }
        for (int from = 0; ; ) {
            int slash = path.indexOf('/', from);
            boolean last = slash < 0;
            int to = last ? path.length() : slash;
            int length = to - from;
            if (length == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.') {
                if (!parts.pop()) return null;
            } else if (!(length == 1 && path.charAt(from) == '.') && !(length == 0 && !last)) {
                parts.push(path, from, to);
            }
            if (last) break;
            from = slash + 1;
        }
        String out = parts.toString();
        return path.endsWith("/") && !out.isEmpty() ? TRAILING_SLASH.matcher(out).replaceFirst("/") : out;
    }

    /** Path items joined by '/', the last one taken off again by {@link #pop}. */
    private static final class Parts {
        private final StringBuilder joined;
        /** Where each item begins in {@link #joined}, its '/' included. */
        private int[] starts = new int[16];
        private int size;

        Parts(int capacity) {
            joined = new StringBuilder(capacity);
        }

        void push(String s, int from, int to) {
            if (size == starts.length) starts = java.util.Arrays.copyOf(starts, size * 2);
            starts[size] = joined.length();
            if (size++ > 0) joined.append('/');
            joined.append(s, from, to);
        }

        /** Takes the last item off; false when there is none. */
        boolean pop() {
            if (size == 0) return false;
            joined.setLength(starts[--size]);
            return true;
        }

        @Override
        public String toString() {
            return joined.toString();
        }
    }

    private static String decode(String s) {
        // what URLDecoder changes is only a '%' escape or a '+': most hrefs have neither
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % is taken literally
        }
    }
}
