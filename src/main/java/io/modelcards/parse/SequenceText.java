package io.modelcards.parse;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Parse stage: the text of a flexmark sequence, as its {@code toString()} and {@code unescape()} give it, without their
 * loops over each character. A node's characters are most often one piece of the text the parser was given (a
 * {@link SubSequence} of a String): then they are that String's substring, where flexmark reads NUL as U+FFFD;
 * anything else is left to flexmark. The unescaped text is the text itself when it holds neither a backslash nor an
 * ampersand (flexmark's own test, {@code [\\&]}), else flexmark's. A cell's text and its unescaping were 1.6 % of a
 * 10,000-card build (JFR), each a virtual call per character.
 */
final class SequenceText {
    private SequenceText() {}

    /** {@code s.toString()}. */
    static String of(BasedSequence s) {
        if (s instanceof SubSequence sub && sub.getBase() instanceof String base) {
            String text = base.substring(sub.getStartOffset(), sub.getEndOffset());
            return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        }
        return s.toString();
    }

    /** {@code s.unescape()}. */
    static String unescaped(BasedSequence s) {
        String text = of(s);
        return text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : Escaping.unescapeString(text);
    }
}
