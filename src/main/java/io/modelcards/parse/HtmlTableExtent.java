package io.modelcards.parse;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a raw HTML table of a card ends. CommonMark ends an HTML block at a blank line, so a table with a blank
 * line inside comes out of flexmark as several nodes; browsers and GitHub read on to {@code </table>}.
 */
final class HtmlTableExtent {
    private static final Pattern TABLE_OPEN = Pattern.compile("(?i)<table\\b");
    private static final Pattern TABLE_TAG = Pattern.compile("(?i)<(/?)table\\b");

    private HtmlTableExtent() {}

    static boolean opensTable(CharSequence raw) {
        return TABLE_OPEN.matcher(raw).find();
    }

    /**
     * When the HTML block at {@code i} opens a table it does not close (flexmark reads its rows after a blank
     * line as paragraphs or indented code), the index of the node that closes it; {@code i} when the block closes
     * its tables, or when a heading, a code fence or the end of the nodes comes first.
     */
    static int end(List<NodeAt> items, int i, String raw, String text) {
        int depth = depth(raw);
        if (depth <= 0) return i;
        for (int j = i + 1; j < items.size(); j++) {
            Node n = items.get(j).node();
            if (n instanceof Heading || n instanceof FencedCodeBlock) return i;
            int base = items.get(j).base();
            depth += depth(slice(text, base + n.getStartOffset(), base + n.getEndOffset()));
            if (depth <= 0) return j;
        }
        return i;
    }

    /** {@code text.substring(from, to)}, kept inside the text (node offsets are the file's, so it always is). */
    static String slice(String text, int from, int to) {
        int f = Math.max(0, Math.min(from, text.length()));
        return text.substring(f, Math.max(f, Math.min(to, text.length())));
    }

    /** {@code <table>} tags minus {@code </table>} tags. */
    static int depth(String raw) {
        if (raw.indexOf('<') < 0) return 0;
        int depth = 0;
        Matcher m = TABLE_TAG.matcher(raw);
        while (m.find()) depth += m.group(1).isEmpty() ? 1 : -1;
        return depth;
    }
}
