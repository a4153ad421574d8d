package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/** A cell's text is escaped as jsoup escapes it; the texts jsoup leaves alone are not copied. */
class GfmTableReaderEscapeTest {
    @Test
    void escapesEveryCharacterAsJsoupDoes() {
        for (int c = 0; c < 0x3000; c++) {
            String text = "55.8" + (char) c + "x";
            assertEquals(Entities.escape(text), GfmTableReader.escape(text), () -> "U+" + Integer.toHexString(text.charAt(4)));
        }
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;\u00a0", Entities.escape("a & b <c> \"d\" 'e'\u00a0")
                .replace("&nbsp;", "\u00a0"));
        assertEquals(Entities.escape("a & b <c> \"d\" 'e'\u00a0"), GfmTableReader.escape("a & b <c> \"d\" 'e'\u00a0"));
    }

    @Test
    void givesPlainTextBackAsItIs() {
        String text = "37.4 (-22.7) / Ember-1234 7B, 5-shot: 68.2%";
        assertSame(text, GfmTableReader.escape(text));
    }
}
