package io.modelcards.parse;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * One configured flexmark parser and renderer (CommonMark + GFM tables, strikethrough, autolinks, footnotes,
 * emoji shortcodes, task lists), shared.
 */
final class MarkdownEngine {
    /** The checkbox of a task list item ({@code - [x] done}), as GitHub shows it: disabled. */
    static final String TASK_DONE = "<input type=\"checkbox\" disabled checked> ";
    static final String TASK_TODO = "<input type=\"checkbox\" disabled> ";
    private final Parser parser;
    /** Whether {@link QuickSkips} stands for flexmark's table and autolink steps (and runs the post-processing). */
    private final boolean quick;
    private final HtmlRenderer renderer;
    /** The renderer's list options: which list items' paragraphs it writes without {@code <p>} (tight ones). */
    private final ListOptions listOptions;

    MarkdownEngine() {
        this(true);
    }

    /** With {@code linear} false, flexmark's own inline parser (what {@link LinearInlineParser} is compared with). */
    MarkdownEngine(boolean linear) {
        this(linear, true);
    }

    /**
     * With {@code quick} false, flexmark's own table and autolink extensions, run on every paragraph and text (what
     * {@link QuickSkips} is compared with); with it true, those steps skipped where they cannot apply.
     */
    MarkdownEngine(boolean linear, boolean quick) {
        this.quick = quick;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, quick
                ? List.of(QuickSkips.create(), StrikethroughExtension.create(), FootnoteExtension.create(),
                        EmojiExtension.create(), EmojiShortcodes.withoutPostProcessing(), TaskListExtension.create())
                : List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(),
                        FootnoteExtension.create(), EmojiExtension.create(), EmojiShortcodes.create(),
                        TaskListExtension.create()));
        // GitHub's task list items: a disabled checkbox, the only input the sanitizer keeps
        options.set(TaskListExtension.ITEM_DONE_MARKER, TASK_DONE);
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, TASK_TODO);
        // GitHub's table rules: a table may follow a paragraph line directly, header and rows may differ in width
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, false);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // heading ids are ours (HeadingIds): flexmark would otherwise make an id for every heading of the document
        // again on each render call, and a card is rendered block by block and cell by cell
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        // we render one block at a time; flexmark renders links of a lone block only with this set
        options.set(HtmlRenderer.DO_NOT_RENDER_LINKS, true);
        // flexmark silently turns javascript: links into text; let HtmlSanitizer remove them and warn instead
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        // flexmark adds its reference definitions' pre-processor only with its own inline parser: added here
        Parser built = linear ? Parser.builder(options).customInlineParserFactory(LinearInlineParser::new)
                .paragraphPreProcessorFactory(new com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory()).build()
                : Parser.builder(options).build();
        parser = quick ? QuickSkips.sharingBlockSteps(built) : built;
        // the emoji extension parses shortcodes; EmojiShortcodes renders them (as Unicode, with the Hub's names)
        MutableDataSet rendering = new MutableDataSet(options);
        rendering.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create(), EmojiShortcodes.create(),
                TaskListExtension.create()));
        renderer = HtmlRenderer.builder(rendering).build();
        listOptions = ListOptions.get(rendering);
    }

    /** The flexmark parser (for tests of how it is set up). */
    Parser parser() {
        return parser;
    }

    Document parse(String markdown) {
        Document doc = parser.parse(markdown);
        return quick ? QuickSkips.postProcess(doc) : doc;
    }

    /** Parses a file's Markdown with its math masked ({@link MathSpans}); rendering puts the math back. */
    Document parseCard(String markdown) {
        markdown = MathSpans.maskLongLineTicks(markdown);
        Document doc = parse(markdown);
        if (MathSpans.mayHaveMath(markdown)) {
            MathSpans.Masked masked = MathSpans.mask(markdown, doc);
            if (!masked.spans().isEmpty()) doc = parse(masked.text(), masked.spans());
        }
        if (markdown.contains("[^")) Footnotes.numberByFirstReference(doc);
        else doc.set(Footnotes.NONE, true);
        return doc;
    }

    /** Parses a part of a masked file again (its math placeholders are those of {@code spans}). */
    Document parse(String markdown, MathSpans spans) {
        Document doc = parse(markdown);
        if (!spans.isEmpty()) doc.set(MathSpans.KEY, spans);
        return doc;
    }

    /** The HTML of {@code node}: flexmark's, or {@link PlainParagraph}'s (the same) for a paragraph of plain text. */
    String render(Node node) {
        String plain = plainHtml(node);
        return MathSpans.of(node).restoreHtml(plain != null ? plain : renderer.render(node));
    }

    /** flexmark's own HTML of {@code node}, math placeholders left in (what {@link PlainParagraph} is compared with). */
    String flexmarkHtml(Node node) {
        return renderer.render(node);
    }

    /** {@link PlainParagraph}'s HTML of {@code node}, or null when it leaves it to flexmark. */
    String plainHtml(Node node) {
        return PlainParagraph.html(node, listOptions);
    }

    /** Source text of a node (a heading's text, a cell's) with its math as written. */
    static String text(Node node, CharSequence chars) {
        return MathSpans.of(node).restoreText(chars.toString());
    }
}
