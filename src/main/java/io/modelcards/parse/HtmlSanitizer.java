package io.modelcards.parse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML (rendered Markdown or raw HTML from a card) with an explicit allow-list suited to model cards,
 * and reports each removal as a warning at the block's position. {@code <nobr>} becomes a no-wrap span.
 * Links may point to http, https, mailto, a relative path or an anchor; images to http, https or a relative
 * path. Classes, ids and roles are kept only where they are our own: math ({@code code.math}), GitHub alerts
 * ({@code div.alert role=note}) and footnotes ({@code sup#fnref-1}, {@code li#fn-1}). Checkboxes (task lists) are
 * kept disabled, named by their state. Doc-builder tags ({@link DocBuilderTags}) become their content. Everything else (script, style, frames, objects, forms, SVG, MathML, event handlers, javascript:,
 * vbscript: and data: URLs) is removed. Pages also forbid inline script through their Content-Security-Policy.
 */
public final class HtmlSanitizer {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator NAMED_ANCHORS = org.jsoup.select.QueryParser.parse("a[id], a[name]");
    private static final org.jsoup.select.Evaluator NOBR = org.jsoup.select.QueryParser.parse("nobr");
    private static final org.jsoup.select.Evaluator WITH_CLASS = org.jsoup.select.QueryParser.parse("[class]");
    private static final org.jsoup.select.Evaluator WITH_ID = org.jsoup.select.QueryParser.parse("[id]");
    private static final org.jsoup.select.Evaluator WITH_ROLE = org.jsoup.select.QueryParser.parse("[role]");
    private static final org.jsoup.select.Evaluator NUMBERED_ITEMS = org.jsoup.select.QueryParser.parse("li[value]");
    private static final org.jsoup.select.Evaluator INPUTS = org.jsoup.select.QueryParser.parse("input");
    private static final org.jsoup.select.Evaluator WITH_URL = org.jsoup.select.QueryParser.parse("[href], [src], [cite]");
    private static final org.jsoup.select.Evaluator IMAGES_WITHOUT_SOURCE = org.jsoup.select.QueryParser.parse("img:not([src])");

    private static final Pattern LIST_NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern CUSTOM_NAME = Pattern.compile("[a-z][a-z0-9_.|-]{0,40}");
    private static final Pattern SPACE_RUNS = Pattern.compile("\\s+");
    private static final String BASE = "https://modelcards.invalid/";
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "mailto");
    private static final Safelist SAFELIST = safelist();
    private static final Pattern OWN_CLASS = Pattern.compile("nowrap|language-[A-Za-z0-9_+#-]{1,40}|math|math-inline"
            + "|math-display|alert|alert-(?:note|tip|important|warning|caution)|alert-title|footnotes|footnote-ref"
            + "|footnote-backref");
    private static final Pattern FOOTNOTE_REF_ID = Pattern.compile("fnref-\\d{1,6}(?:-\\d{1,6})?");
    private static final Pattern FOOTNOTE_ID = Pattern.compile("fn-\\d{1,6}");
    /** Presentation-only attributes dropped without a warning: real cards use them a lot, they are harmless. */
    private static final Set<String> COSMETIC = Set.of("class", "style", "id", "align", "width", "height",
            "valign", "border", "cellpadding", "cellspacing", "bgcolor", "dir", "lang", "target", "rel",
            "loading", "decoding", "nowrap");
    /** Elements that run code, load other documents or take input: named "unsafe" in warnings. */
    private static final Set<String> UNSAFE_TAGS = Set.of("script", "style", "iframe", "frame", "frameset",
            "object", "embed", "applet", "form", "input", "button", "textarea", "select", "option", "link", "meta",
            "base", "svg", "math", "template", "noscript", "portal", "xmp", "plaintext", "noembed", "noframes",
            "audio", "video", "source", "track", "canvas", "dialog", "marquee", "isindex", "param", "title",
            "head", "html", "body");

    private static Safelist safelist() {
        Safelist s = new Safelist()
                .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
                        "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
                        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
                        "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody",
                        "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "input")
                .addAttributes("a", "href", "title")
                .addAttributes("abbr", "title")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("td", "colspan", "rowspan", "align")
                .addAttributes("th", "colspan", "rowspan", "align", "scope")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("ol", "start", "type")
                .addAttributes("code", "class")
                .addAttributes("span", "class")
                // our own markup, kept only with the values below: math, GitHub alerts, footnotes
                .addAttributes("pre", "class")
                .addAttributes("div", "class", "role")
                .addAttributes("p", "class")
                .addAttributes("a", "class", "id")
                .addAttributes("sup", "id")
                .addAttributes("li", "id", "value")
                .addAttributes("details", "open")
                .addAttributes("input", "type", "checked", "disabled", "aria-label")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https");
        s.preserveRelativeLinks(true);
        return s;
    }

    /**
     * The prefix of an anchor the card set itself ({@code <a id="paper-1">}, {@code <a name="paper-1">}): GitHub keeps
     * such anchors as {@code user-content-paper-1}, so that they never meet the page's own ids, and its page script
     * finds them for {@code #paper-1}; the links stage points those links to the prefixed id.
     */
    public static final String AUTHOR_ID_PREFIX = "user-content-";

    /** An author's anchor name GitHub keeps: no whitespace, not too long. */
    private static final Pattern AUTHOR_ID = Pattern.compile("[^\\s]{1,200}");

    /** Gives each {@code <a id|name>} of the card GitHub's prefixed id, and drops its {@code name}. */
    private static void authorAnchors(Element body) {
        for (Element a : body.select(NAMED_ANCHORS)) {
            String v = (a.hasAttr("id") && !a.id().isBlank() ? a.id() : a.attr("name")).strip();
            a.removeAttr("name");
            a.removeAttr("id");
            if (AUTHOR_ID.matcher(v).matches()) a.attr("id", AUTHOR_ID_PREFIX + v);
        }
    }

    /** A cleaned fragment and the warnings its cleaning gave, kept for fragments that come back (table headers). */
    private record Cleaned(String html, List<String> warnings) {}

    private static final int CACHE_LIMIT = 20_000;
    private static final int CACHE_MAX_LENGTH = 300;
    private final java.util.Map<String, Cleaned> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Cleans {@code html}; removals are reported as warnings at {@code at} (none when diagnostics is null). */
    public String clean(String html, SourcePosition at, Diagnostics diagnostics) {
        if (isPlainText(html)) return html; // nothing to clean, and jsoup would return the same characters
        // a plain paragraph as flexmark writes it, or a plain http(s) link: the same characters would come back
        if (KnownSafeHtml.is(html)) return html;
        Cleaned c = cache.get(html);
        if (c == null) {
            Diagnostics local = new Diagnostics();
            String out = cleanNow(html, at, local);
            List<String> warnings = new ArrayList<>();
            for (io.modelcards.diag.Diagnostic d : local.all()) warnings.add(d.message());
            c = new Cleaned(out, List.copyOf(warnings));
            // short fragments come back (headers, link cells); paragraphs do not, and would only hold memory
            if (html.length() <= CACHE_MAX_LENGTH && cache.size() < CACHE_LIMIT) cache.put(html, c);
        }
        if (diagnostics != null) for (String w : c.warnings()) diagnostics.warning(at, w);
        return c.html();
    }

    /** The full cleaning, without the shortcuts and the memo: for tests that check the shortcuts against it. */
    String cleanNow(String html, SourcePosition at, Diagnostics diagnostics) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        for (Element nobr : dirty.select(NOBR)) {
            nobr.tagName("span").attr("class", "nowrap");
        }
        if (DocBuilderTags.mayHaveTag(html) || html.toLowerCase(Locale.ROOT).contains("<youtube")) {
            DocBuilderTags.rewrite(dirty.body());
        }
        showUnknownTagsAsText(dirty.body());
        authorAnchors(dirty.body());
        List<String> removed = findRemovals(dirty.body());
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        // classes, ids and roles: keep only our own (the card's are presentation, and must not meet the page's)
        for (Element e : clean.select(WITH_CLASS)) {
            List<String> own = new ArrayList<>();
            for (String c : e.classNames()) if (OWN_CLASS.matcher(c).matches()) own.add(c);
            if (own.isEmpty()) e.removeAttr("class");
            else e.attr("class", String.join(" ", own));
        }
        for (Element e : clean.select(WITH_ID)) {
            if (e.normalName().equals("a") && e.id().startsWith(AUTHOR_ID_PREFIX)) continue;
            Pattern own = e.normalName().equals("sup") ? FOOTNOTE_REF_ID : FOOTNOTE_ID;
            if (!own.matcher(e.id()).matches()) e.removeAttr("id");
        }
        for (Element e : clean.select(WITH_ROLE)) if (!e.attr("role").equals("note")) e.removeAttr("role");
        for (Element e : clean.select(NUMBERED_ITEMS)) if (!LIST_NUMBER.matcher(e.attr("value")).matches()) e.removeAttr("value");
        for (Element input : clean.select(INPUTS)) {
            if (!"checkbox".equalsIgnoreCase(input.attr("type"))) input.remove();
            else {
                input.attr("disabled", ""); // a card's checkbox is shown as GitHub shows a task: never editable
                if (input.hasAttr("checked")) input.attr("checked", "");
                // a name for assistive technology (axe's "label" rule): the task's state, never the card's words
                input.attr("aria-label", input.hasAttr("checked") ? "done" : "to do");
            }
        }
        // belt and braces: jsoup's protocol check already did this; a URL that slipped through is dropped here
        for (Element e : clean.select(WITH_URL)) {
            for (String key : List.of("href", "src", "cite")) {
                if (e.hasAttr(key) && !isSafeUrl(e.attr(key))) e.removeAttr(key);
            }
        }
        // an image whose address was removed would show as a broken icon: show its alt text instead
        for (Element img : clean.select(IMAGES_WITHOUT_SOURCE)) {
            if (img.attr("alt").isBlank()) img.remove();
            else img.replaceWith(new TextNode(img.attr("alt")));
        }
        if (diagnostics != null && !removed.isEmpty()) {
            for (String r : new TreeSet<>(removed)) diagnostics.warning(at, r);
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * A whole-document parse moves script, style, meta, link and base into {@code <head>} and merges the
     * attributes of {@code <html>} and {@code <body>} tags into the document's own: put the former back into
     * the body, where {@link #clean} removes and reports them, and report the latter (they are never kept).
     */
    public void recoverOutsideBody(Document doc, SourcePosition at, Diagnostics diagnostics) {
        doc.body().prependChildren(new ArrayList<>(doc.head().children()));
        List<String> removed = new ArrayList<>();
        for (Element e : List.of(doc.child(0), doc.body())) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                removed.add(key.startsWith("on") ? "removed unsafe HTML: event handler " + shorten(key) + " on <"
                        + e.normalName() + ">" : "removed unsafe HTML: attribute " + shorten(key) + " on <" + e.normalName() + ">");
            }
        }
        if (diagnostics != null) for (String r : new TreeSet<>(removed)) diagnostics.warning(at, r);
    }

    /**
     * Cards write tokens such as {@code <unk>}, {@code <pad>} or {@code <|endoftext|>} in prose: they are not
     * HTML, so they are shown as the text they were rather than removed (text is always safe).
     */
    private static void showUnknownTagsAsText(Element root) {
        for (Element e : root.getAllElements()) {
            if (e == root || e.tag().isKnownTag() || !CUSTOM_NAME.matcher(e.normalName()).matches()) continue;
            if (e.parents().stream().anyMatch(p -> p.normalName().equals("svg") || p.normalName().equals("math"))) continue;
            StringBuilder open = new StringBuilder("<").append(e.tagName());
            for (Attribute a : e.attributes()) {
                open.append(' ').append(a.getKey());
                if (!a.getValue().isEmpty()) open.append("=\"").append(a.getValue()).append('"');
            }
            e.before(new TextNode(open.append('>').toString()));
            e.unwrap();
        }
    }

    /** Text without markup or entities: jsoup would hand it back unchanged. */
    private static boolean isPlainText(String html) {
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u00A0') return false;
        }
        return true;
    }

    private static List<String> findRemovals(Element root) {
        List<String> removed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root) continue;
            String tag = e.normalName();
            if (tag.equals("input") && !"checkbox".equalsIgnoreCase(e.attr("type"))) {
                removed.add("removed unsafe HTML: <input> element");
                continue;
            }
            if (!SAFELIST.isSafeTag(tag)) {
                if (UNSAFE_TAGS.contains(tag)) removed.add("removed unsafe HTML: <" + tag + "> element");
                else removed.add("removed unsupported HTML: <" + shorten(tag) + "> element (its text is kept)");
                continue;
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (!SAFELIST.isSafeAttribute(tag, e, a)) {
                    if (COSMETIC.contains(key)) continue; // dropped silently: presentation only
                    String value = a.getValue();
                    if (key.startsWith("on")) {
                        removed.add("removed unsafe HTML: event handler " + shorten(key) + " on <" + tag + ">");
                    } else if (key.equals("href") || key.equals("src") || key.equals("cite")) {
                        removed.add("removed unsafe HTML: unsafe URL in " + key + " of <" + tag + ">: "
                                + shorten(value));
                    } else {
                        removed.add("removed unsafe HTML: attribute " + shorten(key) + " on <" + tag + ">");
                    }
                }
            }
        }
        return removed;
    }

    /** True when the URL may appear in a link of the site (http, https, mailto, relative or #anchor). */
    public static boolean isSafeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        StringBuilder cleaned = new StringBuilder();
        for (char c : u.toCharArray()) if (c > ' ' && c != 0x7f) cleaned.append(c);
        String v = cleaned.toString();
        int colon = v.indexOf(':');
        int slash = v.indexOf('/');
        int hash = v.indexOf('#');
        int q = v.indexOf('?');
        if (colon < 0) return true;
        if ((slash >= 0 && slash < colon) || (hash >= 0 && hash < colon) || (q >= 0 && q < colon)) return true;
        return URL_SCHEMES.contains(v.substring(0, colon));
    }

    private static String shorten(String s) {
        String oneLine = SPACE_RUNS.matcher(s).replaceAll(" ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
