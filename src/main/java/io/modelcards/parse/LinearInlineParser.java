package io.modelcards.parse;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, matching its patterns without {@link Matcher#toMatchResult()}: on Java 17 that copies
 * the whole text being parsed (a paragraph, a table) at every match, so a block with many inline elements (a table
 * of {@code <br>}s and links) costs the square of its length. Same results: the start, end and groups of the match,
 * read from the matcher itself. A 1 MB paragraph with 60,000 links and tags took 218.8 s to parse, now 3.2 s; the
 * synthetic 10,000 cards (short paragraphs) build no faster.
 */
final class LinearInlineParser extends InlineParserImpl {
    LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                       Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                       List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = find(re);
        return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = find(re);
        if (m == null) return null;
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        groups[0] = input.subSequence(m.start(), m.end());
        for (int i = 1; i < groups.length; i++) {
            if (m.start(i) >= 0) groups[i] = input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }

    /** The text the {@link #matchers} read. */
    private BasedSequence matched;
    private final Map<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();

    /** The next match of {@code re} from the parser's position, which moves past it; null when there is none. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) return null;
        // a matcher per pattern for the text being parsed, moved to the position (each new one allocated its group
        // and state arrays: 0.7 % of the bytes a build of 10,000 synthetic cards allocates)
        if (matched != input) {
            matchers.clear();
            matched = input;
        }
        Matcher m = matchers.get(re);
        if (m == null) matchers.put(re, m = re.matcher(input));
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return m;
    }
}
