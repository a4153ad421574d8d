package io.modelcards;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.CardLayout;
import io.modelcards.model.Model;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by tests: parse a Markdown string as if it were a content file. */
public final class TestContent {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path SEED = PROJECT.resolve("content");

    private TestContent() {}

    /** The file as the scanner reads it: {@code content/org/name/README.md} is the card {@code org/name}. */
    public static SourceFile file(String path, String text, Diagnostics d) {
        SourceFile f = ContentScanner.decode(text.getBytes(StandardCharsets.UTF_8), path, d);
        String relative = path.startsWith("content/") ? path.substring("content/".length()) : path;
        return f == null ? null : ContentScanner.asCard(f, relative, CardLayout.AUTO);
    }

    public static List<Model> parse(String path, String text, Diagnostics d) {
        return new ModelCardParser().parse(List.of(file(path, text, d)), d);
    }
}
