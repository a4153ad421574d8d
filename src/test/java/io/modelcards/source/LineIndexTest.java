package io.modelcards.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** LineIndex numbers lines and columns from 1, the same for a String as for any other CharSequence. */
class LineIndexTest {
    @Test
    void numbersLinesAndColumns() {
        LineIndex lines = new LineIndex("ab\n\ncd\r\ne");
        assertEquals(4, lines.lineCount());
        assertEquals(1, lines.line(0));
        assertEquals(2, lines.column(1));
        assertEquals(1, lines.line(2)); // the line end belongs to its line
        assertEquals(2, lines.line(3));
        assertEquals(3, lines.line(4));
        assertEquals(4, lines.line(8));
        assertEquals(1, lines.column(8));
        assertEquals(4, lines.lineStart(3));
        assertEquals(1, new LineIndex("").lineCount());
        assertEquals(2, new LineIndex("\n").lineCount());
    }

    @Test
    void readsAStringAsAnyCharSequence() {
        Random random = new Random(26);
        String alphabet = "ab\n\r é";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            LineIndex fromString = new LineIndex(text.toString());
            LineIndex fromChars = new LineIndex(text);
            assertEquals(fromChars.lineCount(), fromString.lineCount());
            for (int line = 1; line <= fromChars.lineCount(); line++) {
                assertEquals(fromChars.lineStart(line), fromString.lineStart(line));
            }
            for (int offset = 0; offset <= length; offset++) {
                assertEquals(fromChars.line(offset), fromString.line(offset));
                assertEquals(fromChars.column(offset), fromString.column(offset));
            }
        }
    }
}
