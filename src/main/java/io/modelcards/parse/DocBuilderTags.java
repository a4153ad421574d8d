package io.modelcards.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The tags of Hugging Face's doc-builder that cards paste from the Transformers docs, shown as their content:
 * {@code <hfoptions>} (tabs) and each {@code <hfoption id="PyTorch">} as an open details element titled with
 * its id; {@code <Tip>} and {@code <Tip warning={true}>} as GitHub-alert callouts (tip, warning);
 * {@code [[autodoc]] transformers.Foo} as a line naming the API; {@code [[open-in-colab]]} dropped (the button
 * needs the docs' notebook); {@code <Youtube id="…"/>} as a link to the video. Block-level tags become blocks in
 * ModelCardParser; tags inside one HTML fragment are rewritten here before sanitizing.
 */
final class DocBuilderTags {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator DOC_TAGS = org.jsoup.select.QueryParser.parse("hfoptions, hfoption, tip, youtube");

    private static final Pattern MEMBER_LINES = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern DASH_START = Pattern.compile("^-\\s*");
    private static final Pattern TRUE = Pattern.compile("(?i)\\{?\\s*true\\s*}?");
    /** An opening or closing hfoptions, hfoption or Tip tag; attribute values may hold {@code >} when quoted. */
    static final Pattern TAG = Pattern.compile("(?i)<(/?)(hfoptions|hfoption|tip)\\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ID = Pattern.compile("(?i)\\bid\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>/]+))");
    private static final Pattern WARNING = Pattern.compile("(?i)\\bwarning\\s*=\\s*(?:\\{\\s*true\\s*}|\"true\"|true)");
    private static final Pattern AUTODOC = Pattern.compile("\\[\\[autodoc]]\\s*([\\w.]+)\\s*((?:\\n\\s*-\\s*\\w+\\s*)*)");
    private static final Pattern COLAB = Pattern.compile("\\[\\[open-in-colab]]\\s*");
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private DocBuilderTags() {}

    /** Cheap test before the pattern: the text may hold one of the tags. */
    static boolean mayHaveTag(String raw) {
        if (raw.indexOf('<') < 0) return false;
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.contains("<hfoption") || lower.contains("</hfoption") || lower.contains("<tip") || lower.contains("</tip");
    }

    /**
     * True when the text is nothing but tags: CommonMark reads {@code <Tip warning={true}>} on its own line as a
     * paragraph of text, not as HTML (the braces), so such a paragraph is a tag all the same.
     */
    static boolean isOnlyTags(CharSequence text) {
        return mayHaveTag(text.toString()) && TAG.matcher(text).replaceAll("").isBlank();
    }

    /** The {@code id} of an hfoption tag's attributes, or "Option" when it has none. */
    static String id(String attributes) {
        Matcher m = ID.matcher(attributes);
        if (!m.find()) return "Option";
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return v.isBlank() ? "Option" : v.strip();
    }

    /** "warning" for {@code <Tip warning={true}>}, else "tip": the GitHub alert whose look the callout takes. */
    static String calloutKind(String attributes) {
        return WARNING.matcher(attributes).find() ? "warning" : "tip";
    }

    /**
     * The HTML of a paragraph that is a doc-builder directive: {@code [[autodoc]] Foo} (with its {@code - method}
     * lines) becomes "API reference: Foo"; {@code [[open-in-colab]]} becomes "" (dropped). Null when the paragraph
     * is not a directive.
     */
    static String directive(String paragraph) {
        String t = paragraph.strip();
        if (COLAB.matcher(t).matches()) return "";
        Matcher m = AUTODOC.matcher(t);
        if (!m.matches()) return null;
        StringBuilder html = new StringBuilder("<p>API reference: <code>").append(Entities.escape(m.group(1))).append("</code>");
        String members = m.group(2).strip();
        if (!members.isEmpty()) {
            html.append(" (");
            String[] names = MEMBER_LINES.split(members);
            for (int i = 0; i < names.length; i++) {
                if (i > 0) html.append(", ");
                html.append("<code>").append(Entities.escape(DASH_START.matcher(names[i]).replaceFirst(""))).append("</code>");
            }
            html.append(')');
        }
        return html.append("</p>").toString();
    }

    /** Rewrites the doc-builder elements of a parsed fragment into HTML the sanitizer keeps. */
    static void rewrite(Element root) {
        for (Element e : root.select(DOC_TAGS)) {
            switch (e.normalName()) {
                case "hfoption" -> {
                    Element details = new Element("details").attr("open", "");
                    details.appendElement("summary").text(id(" id=\"" + e.attr("id") + "\""));
                    for (var c : e.childNodesCopy()) details.appendChild(c);
                    e.replaceWith(details);
                }
                case "tip" -> {
                    String kind = e.hasAttr("warning") && TRUE.matcher(e.attr("warning")).matches() ? "warning" : "tip";
                    Element alert = new Element("div").addClass("alert").addClass("alert-" + kind).attr("role", "note");
                    alert.appendElement("p").addClass("alert-title").text(kind.equals("tip") ? "Tip" : "Warning");
                    for (var c : e.childNodesCopy()) alert.appendChild(c);
                    e.replaceWith(alert);
                }
                case "youtube" -> {
                    String id = e.attr("id");
                    if (VIDEO_ID.matcher(id).matches()) {
                        Element a = new Element("a").attr("href", "https://www.youtube.com/watch?v=" + id).text("Video on YouTube");
                        e.replaceWith(a);
                    } else {
                        e.unwrap();
                    }
                }
                default -> e.unwrap();
            }
        }
    }
}
