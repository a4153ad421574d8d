package io.modelcards.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * flexmark's GFM table and autolink steps for the parser, each skipped where it cannot change anything (the same
 * document either way): a paragraph without a {@code |} holds no table row and no delimiter row, and a text without
 * {@code :}, {@code @}, {@code &} (an entity that may stand for either) or {@code www} holds no address. Together
 * they were about 7 % of a warm build's samples at 10,000 synthetic cards (JFR): the table step split every
 * paragraph into lines, the autolink step unescaped every text and ran a regular expression over it. The table step
 * is registered with the parser; the autolink step runs in {@link #postProcess}, which {@link MarkdownEngine} calls
 * after each parse. The renderer keeps flexmark's own {@code TablesExtension}.
 */
final class QuickSkips implements Parser.ParserExtension {
    private QuickSkips() {}

    static QuickSkips create() {
        return new QuickSkips();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Tables());
    }

    /**
     * The parser's two post-processing steps, in one walk of {@code document} instead of flexmark's post-processor
     * manager, which first classified every node of every document with its ancestors (2 % of a 10,000-card build's
     * samples): shortcodes inside plain addresses back to text ({@link EmojiShortcodes#backToText}), then flexmark's
     * autolink step on each text, in document order, that may hold an address. As the manager: the texts are those
     * of the document before the autolink step (a text it splits is not read again), a text taken out of the tree
     * by then is skipped, and neither step excludes a text by its ancestors.
     */
    static Document postProcess(Document document) {
        List<Node> emoji = new ArrayList<>();
        List<Node> texts = new ArrayList<>();
        collect(document, emoji, texts);
        boolean merged = false;
        for (Node e : emoji) {
            if (e.getParent() != null && EmojiShortcodes.backToText(e) != null) merged = true;
        }
        if (merged) {
            texts.clear();
            collect(document, new ArrayList<>(), texts);
        }
        AutolinkNodePostProcessor autolinks = null;
        for (Node t : texts) {
            if (t.getParent() == null || !(t.getNext() instanceof TypographicText || mayHoldAddress(t.getChars()))) continue;
            if (autolinks == null) autolinks = new AutolinkNodePostProcessor(document);
            autolinks.process(NO_TRACKING, t);
        }
        return document;
    }

    /** The emoji and the texts under {@code node}, in document order. */
    private static void collect(Node node, List<Node> emoji, List<Node> texts) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text) texts.add(n);
            else if (n instanceof com.vladsch.flexmark.ext.emoji.Emoji) emoji.add(n);
            if (n.getFirstChild() != null) collect(n, emoji, texts);
        }
    }

    /** The manager's node tracker kept its classification up to date; nothing here reads one. */
    private static final NodeTracker NO_TRACKING = new NodeTracker() {
        @Override public void nodeAdded(Node node) {}
        @Override public void nodeAddedWithChildren(Node node) {}
        @Override public void nodeAddedWithDescendants(Node node) {}
        @Override public void nodeRemoved(Node node) {}
        @Override public void nodeRemovedWithChildren(Node node) {}
        @Override public void nodeRemovedWithDescendants(Node node) {}
    };

    /**
     * {@code parser} with flexmark's own block steps (headings, lists, HTML blocks…) made once instead of once per
     * document: flexmark makes each anew for each document from the parser's options, reading a dozen options each and
     * compiling patterns (the HTML step's eight on the first line that starts with {@code <}, the heading step's
     * three: 1 % of a 10,000-card build's samples). These steps keep nothing of a document: their fields are the
     * parser's options and patterns (the HTML step makes its patterns on first use, and two threads may each make
     * them), and each line's state comes with the call. Extensions' steps are left as they are. flexmark keeps its
     * list of block steps private, so it is read by reflection; where that fails (another flexmark), each document
     * makes its own, as before.
     */
    static Parser sharingBlockSteps(Parser parser) {
        List<CustomBlockParserFactory> steps = blockSteps(parser);
        try {
            steps.replaceAll(s -> s.getClass().getPackage() == HtmlBlockParser.class.getPackage() ? new MadeOnce(s) : s);
        } catch (RuntimeException e) {
            // flexmark laid out otherwise: its own steps, made per document
        }
        return parser;
    }

    /** How many of {@code parser}'s block steps are made once ({@link #sharingBlockSteps}). */
    static long sharedBlockSteps(Parser parser) {
        return blockSteps(parser).stream().filter(MadeOnce.class::isInstance).count();
    }

    /** flexmark's private list of {@code parser}'s block steps, or an empty list where it cannot be read. */
    @SuppressWarnings("unchecked")
    private static List<CustomBlockParserFactory> blockSteps(Parser parser) {
        try {
            java.lang.reflect.Field field = Parser.class.getDeclaredField("blockParserFactories");
            field.setAccessible(true);
            return (List<CustomBlockParserFactory>) field.get(parser);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    /** A block step made for the first document and given to every later one (see {@link #sharingBlockSteps}). */
    private static final class MadeOnce implements CustomBlockParserFactory {
        private final CustomBlockParserFactory inner;
        private volatile BlockParserFactory made;

        MadeOnce(CustomBlockParserFactory inner) {
            this.inner = inner;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory m = made;
            if (m == null) made = m = inner.apply(options);
            return m;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return inner.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return inner.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return inner.affectsGlobalScope();
        }
    }

    /** Whether a paragraph can hold a GFM table: every row and the delimiter row have a pipe. */
    static boolean mayHoldTable(BasedSequence paragraph) {
        return paragraph.indexOf('|') >= 0;
    }

    /** Whether a text can hold an address the autolink step links (a URL, {@code www.…}, an e-mail address). */
    static boolean mayHoldAddress(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@' || c == '&') return true;
            if ((c | 0x20) == 'w' && i + 2 < n && (text.charAt(i + 1) | 0x20) == 'w' && (text.charAt(i + 2) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    /**
     * flexmark's table pre-processor, asked only about paragraphs with a pipe, and made once per parser instead of
     * once per document: it holds only the parser's table options and the delimiter row's pattern, both fixed once
     * made (flexmark made them for every card, a regular expression compiled each time; and C2, compiling that
     * construction into this method, took up to 146 MB of compiler memory on JDK 25, 2026-12-04). A document's
     * properties are its parser's options, so the first document's are every document's. Two threads may each make
     * one at first; either serves.
     */
    private static final class Tables implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory tables = TableParagraphPreProcessor.Factory();
        private volatile ParagraphPreProcessor shared;

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor made = shared;
            if (made == null) shared = made = skipping(tables.apply(state));
            return made;
        }

        private static ParagraphPreProcessor skipping(ParagraphPreProcessor inner) {
            return (block, s) -> mayHoldTable(block.getChars()) ? inner.preProcessBlock(block, s) : 0;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return tables.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return tables.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return tables.affectsGlobalScope();
        }
    }
}
