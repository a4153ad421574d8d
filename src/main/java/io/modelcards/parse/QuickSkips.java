package io.modelcards.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's GFM table and autolink steps for the parser, each skipped where it cannot change anything (the same
 * document either way): a paragraph without a {@code |} holds no table row and no delimiter row, and a text without
 * {@code :}, {@code @}, {@code &} (an entity that may stand for either) or {@code www} holds no address. Together
 * they were about 7 % of a warm build's samples at 10,000 synthetic cards (JFR): the table step split every
 * paragraph into lines, the autolink step unescaped every text and ran a regular expression over it. The renderer
 * keeps flexmark's own {@code TablesExtension}.
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
        builder.postProcessorFactory(new Autolinks());
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

    /** flexmark's autolink post-processor, run only on texts that may hold an address. */
    static final class Autolinks extends NodePostProcessorFactory {
        Autolinks() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            NodePostProcessor inner = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    // a typographic neighbour is read with the text: left to flexmark as it is
                    if (node.getNext() instanceof TypographicText || mayHoldAddress(node.getChars())) {
                        inner.process(state, node);
                    }
                }
            };
        }
    }
}
