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
}
