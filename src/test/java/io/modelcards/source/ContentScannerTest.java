package io.modelcards.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.CardLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the cards of a content folder. */
class ContentScannerTest {

    @Test
    void aContentFolderThatIsASymbolicLinkIsFollowed(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("elsewhere/corpus/acme"));
        Files.writeString(corpus.resolve("README.md"), "# Acme\n\nA card.\n");
        Files.writeString(corpus.getParent().resolve("b.md"), "# B\n\nAnother.\n");
        Path link = Files.createSymbolicLink(tmp.resolve("content"), tmp.resolve("elsewhere/corpus"));

        var d = new Diagnostics();
        List<ContentScanner.Found> found = new ContentScanner().find(link, "content", CardLayout.AUTO, d);

        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(List.of("content/acme/README.md", "content/b.md"), found.stream().map(ContentScanner.Found::shown).toList());
        assertEquals(List.of(link.resolve("acme/README.md"), link.resolve("b.md")),
                ContentScanner.filesUnder(link));
    }

    /**
     * A file is read as strict UTF-8: a replacement character written in it is text, a byte that is not UTF-8 (a lone
     * continuation byte, an overlong form, an encoded surrogate, a cut sequence) is an error on its line. Catches text
     * taken with the decoder's replacement characters in it.
     */
    @Test
    void aFileIsReadAsStrictUtf8() {
        var ok = new Diagnostics();
        SourceFile file = ContentScanner.decode("# A\n\nA \uFFFD sign and caf\u00e9.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "content/a.md", ok);
        assertFalse(ok.hasErrors(), ok.all().toString());
        assertEquals("# A\n\nA \uFFFD sign and caf\u00e9.\n", file.text());
        byte[][] bad = {{'a', '\n', (byte) 0x80}, {'a', '\n', '\n', (byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {'a', (byte) 0xE2, (byte) 0x82}};
        int[] lines = {2, 3, 1, 1};
        for (int i = 0; i < bad.length; i++) {
            var d = new Diagnostics();
            assertEquals(null, ContentScanner.decode(bad[i], "content/b.md", d));
            assertEquals(List.of("content/b.md:" + lines[i] + ": error: not valid UTF-8 text; save the file as UTF-8"), d.formatted());
        }
    }
}
