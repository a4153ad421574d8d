package io.modelcards.parse;

import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.emoji.Emoji;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.emoji.internal.EmojiResolvedShortcut;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Map;
import java.util.Set;

/**
 * Renders the {@code :rocket:} shortcodes that flexmark-ext-emoji parses as the Unicode emoji, as GitHub and the
 * Hub show them (GitHub's names, then the Hub's own such as {@code :hugging_face:}); an unknown shortcode stays
 * as written. Never an image: the site loads no emoji pictures. flexmark's emoji parser skips code spans and
 * blocks, link destinations are not inline text, and a shortcode inside a plain address stays part of it.
 */
final class EmojiShortcodes implements HtmlRenderer.HtmlRendererExtension, Parser.ParserExtension {
    /** Shortcodes the Hub shows that GitHub's list (flexmark's) lacks. */
    private static final Map<String, String> HUB_ONLY = Map.of("hugging_face", "\uD83E\uDD17");

    /** Registers its parser step with flexmark's post-processors unless {@code postProcessing} is false. */
    private final boolean postProcessing;

    private EmojiShortcodes(boolean postProcessing) {
        this.postProcessing = postProcessing;
    }

    static EmojiShortcodes create() {
        return new EmojiShortcodes(true);
    }

    /** Without its parser step, which {@link QuickSkips#postProcess} runs with {@link #backToText}. */
    static EmojiShortcodes withoutPostProcessing() {
        return new EmojiShortcodes(false);
    }

    /** The emoji of {@code name} ("rocket"), or null when it is not a shortcode GitHub or the Hub knows. */
    static String unicode(String name) {
        EmojiResolvedShortcut r = EmojiResolvedShortcut.getEmojiText(name, EmojiShortcutType.GITHUB,
                EmojiImageType.UNICODE_ONLY, "");
        if (r.emoji != null && r.isUnicode && r.emojiText != null) return presentation(r.emojiText);
        return HUB_ONLY.get(name);
    }

    /**
     * A lone symbol such as U+26A0 (warning) shows as a plain glyph unless the emoji variation selector U+FE0F
     * follows it; GitHub's list writes it, flexmark's does not.
     */
    private static String presentation(String emoji) {
        return emoji.length() == 1 && emoji.charAt(0) < 0x3300 ? emoji + "\uFE0F" : emoji;
    }

    private static final java.util.regex.Pattern SHORTCODE = java.util.regex.Pattern.compile(":([a-z0-9_+-]{1,40}):");

    /** Plain text (a heading, shown and slugged as text) with its known shortcodes as emoji, as GitHub shows them. */
    static String inText(String text) {
        if (text.indexOf(':') < 0) return text;
        java.util.regex.Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String emoji = unicode(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(emoji == null ? m.group() : emoji));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        if (postProcessing) builder.postProcessorFactory(new InUrls());
    }

    /**
     * A shortcode inside a plain address ({@code https://x.org/a:rocket:b}) is part of the address, as on GitHub,
     * which replaces shortcodes only outside links: the text it ends (and the one after it) made one text again,
     * returned, before the autolinker reads the text; null when {@code emoji} stays.
     */
    static Text backToText(Node emoji) {
        if (!(emoji.getPrevious() instanceof Text before) || !endsInAddress(before.getChars())) return null;
        Node after = emoji.getNext() instanceof Text t ? t : null;
        int end = after != null ? after.getEndOffset() : emoji.getEndOffset();
        Text merged = new Text(before.getChars().baseSubSequence(before.getStartOffset(), end));
        before.insertBefore(merged);
        before.unlink();
        emoji.unlink();
        if (after != null) after.unlink();
        return merged;
    }

    /** The text ends in an address: its last word has {@code ://} or starts with {@code www.}. */
    private static boolean endsInAddress(CharSequence text) {
        int start = text.length();
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') start--;
        if (start == text.length()) return false;
        String word = text.subSequence(start, text.length()).toString();
        return word.contains("://") || word.startsWith("www.");
    }

    /** {@link #backToText} as flexmark's post-processor, before its autolinker (flexmark's own parser). */
    private static final class InUrls extends NodePostProcessorFactory {
        InUrls() {
            super(false);
            addNodes(Emoji.class);
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(AutolinkNodePostProcessor.Factory.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    Text merged = backToText(node);
                    if (merged != null) state.nodeAdded(merged);
                }
            };
        }
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Emoji.class, this::render));
        }

        private void render(Emoji node, NodeRendererContext context, HtmlWriter html) {
            String emoji = unicode(node.getText().toString());
            if (emoji != null) html.text(emoji);
            else html.text(node.getChars().toString()); // unknown: as written, colons included
        }
    }
}
