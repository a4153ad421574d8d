package io.modelcards.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * GitHub alerts: a block quote whose first line is {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]},
 * {@code [!WARNING]} or {@code [!CAUTION]} becomes {@code <div class="alert alert-note" role="note">} with a
 * title paragraph. Works on sanitized HTML; any other block quote is left as it is.
 */
final class Alerts {
    private static final Pattern MARKER = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*(?:\\n|$)",
            Pattern.CASE_INSENSITIVE);

    private Alerts() {}

    static String apply(String html) {
        if (!html.contains("[!")) return html;
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element quote : doc.body().children()) {
            if (!quote.normalName().equals("blockquote")) continue;
            Element first = quote.firstElementChild();
            if (first == null || !first.normalName().equals("p") || first.childNodeSize() == 0) continue;
            if (!(first.childNode(0) instanceof TextNode text)) continue;
            Matcher m = MARKER.matcher(text.getWholeText());
            if (!m.find()) continue;
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            text.text(text.getWholeText().substring(m.end()));
            // "[!NOTE]<br>" (a hard break after the marker) leaves a break in front of the text
            while (first.childNodeSize() > 0 && isBlank(first.childNode(0))) first.childNode(0).remove();
            if (first.childNodeSize() > 0 && first.childNode(0) instanceof Element br && br.normalName().equals("br")) br.remove();
            if (first.childNodeSize() == 0) first.remove();
            Element alert = new Element("div").addClass("alert").addClass("alert-" + kind).attr("role", "note");
            alert.appendElement("p").addClass("alert-title").text(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1));
            for (Node c : quote.childNodesCopy()) alert.appendChild(c);
            quote.replaceWith(alert);
            changed = true;
        }
        return changed ? doc.body().html() : html;
    }

    private static boolean isBlank(Node n) {
        return n instanceof TextNode t && t.isBlank();
    }
}
