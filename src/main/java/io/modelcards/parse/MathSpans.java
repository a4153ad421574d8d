package io.modelcards.parse;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * LaTeX math ({@code $…$}, {@code $$…$$}, and the Hub's {@code \\(…\\)} and {@code \\[…\\]}, written with two
 * backslashes so that Markdown leaves one) shown as its source: CommonMark would turn {@code \%} into {@code %},
 * {@code \\} into {@code \} and {@code _…_} into emphasis. Before flexmark parses a file, each math span outside
 * code and raw HTML is replaced by a placeholder of private-use characters of the same length (so offsets and
 * lines stay those of the source); rendered HTML gets the exact source back in {@code <code class="math">} (or
 * {@code <pre class="math">} for a display formula that is a paragraph of its own).
 */
final class MathSpans {
    private static final Pattern BLANK_LINE = Pattern.compile("(?s).*\n[ \t]*\n.*");
    static final MathSpans NONE = new MathSpans(List.of(), List.of());
    static final DataKey<MathSpans> KEY = new DataKey<>("MODELCARDS_MATH_SPANS", NONE);

    private static final char INLINE = '\uE000';
    private static final char DISPLAY = '\uE001';
    private static final char END = '\uE002';
    private static final char FILL = '\uE003';
    private static final char DIGIT0 = '\uE100';
    /** A backtick of an overlong line, masked (see {@link #maskLongLineTicks}). */
    private static final char TICK = '\uE004';
    private static final int LONG_LINE = 4_000;
    private static final Pattern TICK_SPAN = Pattern.compile("\uE004([^\uE004<>\n]*)\uE004");
    private static final int BASE = 4096;
    private static final int MAX_INLINE = 2_000;
    private static final int MAX_DISPLAY = 20_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("[\uE000\uE001]([\uE100-\uF0FF]+)[^\uE002]*?\uE002");
    private static final Pattern DISPLAY_PARAGRAPH = Pattern.compile(
            "<p>\\s*(\uE001[\uE100-\uF0FF]+[^\uE002]*?\uE002)\\s*</p>");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("(?m)(?<=\n)[ \t]*(?:>[ \t]?)+");

    private final List<String> sources;
    private final List<Boolean> display;

    private MathSpans(List<String> sources, List<Boolean> display) {
        this.sources = sources;
        this.display = display;
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The spans of a parsed document (NONE when it has none). */
    static MathSpans of(Node node) {
        Document doc = node.getDocument();
        return doc == null ? NONE : KEY.get(doc);
    }

    /** The text with math replaced by placeholders, and the spans to put back. */
    record Masked(String text, MathSpans spans) {}

    /** Masks the math of {@code markdown}; {@code parsed} is flexmark's tree of it, read for code and HTML. */
    static Masked mask(String markdown, Document parsed) {
        if (!mayHaveMath(markdown)) return new Masked(markdown, NONE);
        BitSet off = untouchable(parsed);
        char[] text = markdown.toCharArray();
        List<String> sources = new ArrayList<>();
        List<Boolean> display = new ArrayList<>();
        int n = text.length;
        int i = 0;
        while (i < n) {
            char c = text[i];
            if (off.get(i)) { i++; continue; }
            int bracket = c == '\\' ? bracketKind(markdown, i) : 0;
            if (c == '\\' && bracket == 0) { i += 2; continue; }
            if (c != '$' && bracket == 0) { i++; continue; }
            boolean isDisplay = bracket == 0 ? i + 1 < n && text[i + 1] == '$' : bracket == '[';
            int end = bracket != 0 ? bracketEnd(markdown, i, bracket)
                    : isDisplay ? displayEnd(markdown, i) : inlineEnd(text, i);
            if (end < 0 || off.nextSetBit(i) >= 0 && off.nextSetBit(i) < end) {
                i += bracket != 0 ? 3 : isDisplay ? 2 : 1;
                continue;
            }
            String source = markdown.substring(i, end);
            if (placeholder(text, i, end, sources.size(), isDisplay)) {
                sources.add(source.contains(">") ? QUOTE_PREFIX.matcher(source).replaceAll("") : source);
                display.add(isDisplay);
            }
            i = end;
        }
        return sources.isEmpty() ? new Masked(markdown, NONE) : new Masked(new String(text), new MathSpans(sources, display));
    }

    /** True when the text has a character that can open math: a dollar, or {@code \\(} or {@code \\[}. */
    static boolean mayHaveMath(String markdown) {
        return markdown.indexOf('$') >= 0 || markdown.contains("\\\\(") || markdown.contains("\\\\[");
    }

    /**
     * {@code '('} or {@code '['} when {@code \\(} or {@code \\[} opens math at {@code i}, else 0. One backslash,
     * {@code \(1\)}, is Markdown's escaped parenthesis, as cards from the wild use it (DeepPavlov's
     * {@code \(Russian, cased\)}), and stays text. {@code \\[} opens display math only at the start of its line (in
     * the corpus a mid-line one is an arXiv category in a link, {@code [2104.08671 \\[cs.CL\\]]}).
     */
    private static int bracketKind(String text, int i) {
        if (!text.startsWith("\\\\", i) || i + 2 >= text.length()) return 0;
        char open = text.charAt(i + 2);
        if (open == '(') return '(';
        if (open != '[') return 0;
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        for (int k = lineStart; k < i; k++) if (text.charAt(k) != ' ' && text.charAt(k) != '\t' && text.charAt(k) != '>') return 0;
        return '[';
    }

    /** The end of {@code \\(…\\)} or {@code \\[…\\]}: not empty, not across a blank line, bounded. */
    private static int bracketEnd(String text, int start, int kind) {
        String close = kind == '(' ? "\\\\)" : "\\\\]";
        int limit = kind == '(' ? MAX_INLINE : MAX_DISPLAY;
        int at = text.indexOf(close, start + 3);
        if (at < 0 || at - start > limit || text.substring(start + 3, at).isBlank()) return -1;
        String inner = text.substring(start + 3, at);
        if (BLANK_LINE.matcher(QUOTE_PREFIX.matcher(inner.replace("\r", "")).replaceAll("")).matches()) return -1;
        return at + 3;
    }

    /** Code, raw HTML and link destinations keep their dollars. */
    private static BitSet untouchable(Document parsed) {
        BitSet off = new BitSet();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(parsed);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock
                    || n instanceof HtmlBlock || n instanceof HtmlCommentBlock || n instanceof HtmlInline
                    || n instanceof HtmlInlineComment) {
                off.set(n.getStartOffset(), n.getEndOffset());
                continue;
            }
            if (n instanceof Link l) off.set(l.getUrl().getStartOffset(), l.getUrl().getEndOffset());
            if (n instanceof Image im) off.set(im.getUrl().getStartOffset(), im.getUrl().getEndOffset());
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
        }
        return off;
    }

    /** {@code $x$} on one line: no space after the opening dollar, none before the closing one, no digit after. */
    private static int inlineEnd(char[] text, int start) {
        int n = text.length;
        if (start + 1 >= n || Character.isWhitespace(text[start + 1])) return -1;
        if (start > 0 && Character.isDigit(text[start - 1])) return -1; // 5$ and 10$ are prices
        int limit = Math.min(n, start + MAX_INLINE); // bounded: a line of lone dollars must not cost n²
        for (int k = start + 1; k < limit && text[k] != '\n'; k++) {
            if (text[k] == '\\') { k++; continue; }
            if (text[k] != '$') continue;
            if (Character.isWhitespace(text[k - 1]) || k + 1 < n && Character.isDigit(text[k + 1])) continue;
            return k + 1;
        }
        return -1;
    }

    /** {@code $$…$$}, possibly over several lines, but not across a blank line. */
    private static int displayEnd(String text, int start) {
        int close = text.indexOf("$$", start + 2);
        if (close < 0 || close == start + 2 || close - start > MAX_DISPLAY) return -1;
        String inner = text.substring(start + 2, close);
        if (BLANK_LINE.matcher(QUOTE_PREFIX.matcher(inner.replace("\r", "")).replaceAll("")).matches()) return -1;
        return close + 2;
    }

    /** Writes the placeholder over {@code text[from, to)}, keeping line breaks and block quote markers. */
    private static boolean placeholder(char[] text, int from, int to, int index, boolean isDisplay) {
        List<Integer> slots = new ArrayList<>();
        boolean lineStart = false;
        for (int k = from; k < to; k++) {
            char c = text[k];
            if (c == '\n' || c == '\r') { lineStart = true; continue; }
            if (lineStart && (c == ' ' || c == '\t' || c == '>')) continue;
            lineStart = false;
            slots.add(k);
        }
        List<Character> digits = new ArrayList<>();
        int v = index;
        do {
            digits.add(0, (char) (DIGIT0 + v % BASE));
            v /= BASE;
        } while (v > 0);
        if (slots.size() < digits.size() + 2) return false;
        for (int s = 0; s < slots.size(); s++) text[slots.get(s)] = FILL;
        text[slots.get(0)] = isDisplay ? DISPLAY : INLINE;
        for (int d = 0; d < digits.size(); d++) text[slots.get(1 + d)] = digits.get(d);
        text[slots.get(slots.size() - 1)] = END;
        return true;
    }

    /**
     * Masks the backticks of lines longer than 4,000 characters outside fenced code. flexmark matches each
     * backtick with a regex over a copy of the whole paragraph, so a table row of 130,000 characters and 10,000
     * code spans (spaCy's label lists, on 77 cards of corpus-wild) took minutes to parse; masked, it takes
     * milliseconds. The spans come back as {@code <code>} in HTML and as backticks in text; offsets do not change.
     */
    static String maskLongLineTicks(String markdown) {
        if (markdown.length() < LONG_LINE) return markdown;
        char[] text = null;
        boolean fence = false;
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) end = markdown.length();
            String trimmed = markdown.substring(start, Math.min(end, start + 8)).stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = !fence;
            } else if (!fence && end - start > LONG_LINE) {
                for (int k = start; k < end; k++) {
                    if (markdown.charAt(k) != '`') continue;
                    if (text == null) text = markdown.toCharArray();
                    text[k] = TICK;
                }
            }
            start = end + 1;
        }
        return text == null ? markdown : new String(text);
    }

    /** Masked backticks put back: pairs as code elements, single ones as backticks. */
    private static String restoreTicks(String html, boolean asCode) {
        if (html.indexOf(TICK) < 0) return html;
        String out = asCode ? TICK_SPAN.matcher(html).replaceAll("<code>$1</code>") : html;
        return out.replace(TICK, '`');
    }

    /** Rendered HTML with each placeholder replaced by its math source in a code (or pre) element. */
    String restoreHtml(String html) {
        html = restoreTicks(html, true);
        if (isEmpty() || !hasPlaceholder(html)) return html;
        String out = replace(DISPLAY_PARAGRAPH, html, i -> "<pre class=\"math math-display\">" + Entities.escape(sources.get(i)) + "</pre>");
        return replace(PLACEHOLDER, out, i -> "<code class=\"math " + (display.get(i) ? "math-display" : "math-inline")
                + "\">" + Entities.escape(sources.get(i)) + "</code>");
    }

    /** Plain text (a heading, a cell's source) with each placeholder replaced by its math source. */
    String restoreText(String text) {
        text = restoreTicks(text, false);
        if (isEmpty() || !hasPlaceholder(text)) return text;
        return replace(PLACEHOLDER, text, sources::get);
    }

    private static boolean hasPlaceholder(String s) {
        return s.indexOf(INLINE) >= 0 || s.indexOf(DISPLAY) >= 0;
    }

    private String replace(Pattern p, String s, java.util.function.IntFunction<String> with) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = index(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i >= 0 && i < sources.size() ? with.apply(i) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int index(String placeholder) {
        int v = 0;
        int k = 0;
        while (k < placeholder.length() && !isDigit(placeholder.charAt(k))) k++;
        for (; k < placeholder.length() && isDigit(placeholder.charAt(k)); k++) v = v * BASE + (placeholder.charAt(k) - DIGIT0);
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= DIGIT0 && c < DIGIT0 + BASE;
    }
}
