package io.modelcards.source;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.CardLayout;
import io.modelcards.model.FrontMatter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads every Markdown file under the content folder, in sorted order, as strict UTF-8. Data files
 * (site.yaml and other .yaml/.json) are left to their own loaders; anything else is reported and skipped. A README's
 * {@code .eval_results/} folder is read with it ({@link #withEvalResults}), never as content of its own.
 */
public final class ContentScanner {
    /** Files larger than this are refused rather than parsed (a bound on memory and time). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /**
     * @param displayDir how the content folder is named in messages (e.g. "content")
     */
    public List<SourceFile> scan(Path contentDir, String displayDir, Diagnostics diagnostics) {
        return scan(contentDir, displayDir, CardLayout.AUTO, diagnostics);
    }

    /** Reads every Markdown file; {@code layout} (site.yaml's {@code cards}) says which files are one card. */
    public List<SourceFile> scan(Path contentDir, String displayDir, CardLayout layout, Diagnostics diagnostics) {
        List<SourceFile> files = new ArrayList<>();
        for (Found f : find(contentDir, displayDir, layout, diagnostics)) {
            SourceFile file = f.read(diagnostics);
            if (file != null) files.add(file); // a file that cannot be read has its error
        }
        return files; // none found is an error of find
    }

    /**
     * A Markdown file of the content folder, found but not read yet: a build reads each on the core that parses it,
     * so that it holds the text of a few files at a time rather than the whole content's.
     */
    public record Found(Path path, String shown, String relative, CardLayout layout) {
        /** The file as {@link #scan} gives it, or null (with an error) when it cannot be read as text. */
        public SourceFile read(Diagnostics diagnostics) {
            return read(diagnostics, null);
        }

        /** Like {@link #read(Diagnostics)}; {@code bytesRead}, unless null, is given the file's bytes once read. */
        public SourceFile read(Diagnostics diagnostics, java.util.function.BiConsumer<Path, byte[]> bytesRead) {
            SourceFile file = ContentScanner.read(path, shown, diagnostics, bytesRead);
            return file == null ? null : withEvalResults(asCard(file, relative, layout), path, diagnostics);
        }
    }

    /**
     * Every Markdown file of the content folder, in sorted order, without reading them; what is not a card is reported
     * and skipped, as by {@link #scan}. A folder without any is an error.
     */
    public List<Found> find(Path contentDir, String displayDir, CardLayout layout, Diagnostics diagnostics) {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            diagnostics.error(SourcePosition.file(displayDir), "content folder not found");
            return found;
        }
        List<Path> paths;
        try {
            paths = filesUnder(contentDir);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(displayDir), "cannot list the content folder: " + e.getMessage());
            return found;
        }
        for (Path p : paths) {
            String rel = contentDir.relativize(p).toString().replace('\\', '/');
            String shown = displayDir.isEmpty() ? rel : displayDir + "/" + rel;
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.startsWith(".")) continue;
            if (("/" + rel).contains("/" + EvalResultsReader.FOLDER + "/")) continue; // read with its README
            if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) continue;
            if (!isMarkdown(name)) {
                diagnostics.warning(SourcePosition.file(shown), "not a Markdown file (.md); skipped");
                continue;
            }
            found.add(new Found(p, shown, rel, layout));
        }
        if (found.isEmpty() && !diagnostics.hasErrors()) {
            diagnostics.error(SourcePosition.file(displayDir), "no Markdown files (.md) in the content folder");
        }
        return found;
    }

    /** Whether a file of this name (or path) is a Markdown file, in any case: {@code .md} or {@code .markdown}. */
    public static boolean isMarkdown(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }

    /**
     * The regular files under {@code dir}, sorted, named under {@code dir}: a folder that is a symbolic link is
     * followed (a corpus linked into place), the links inside it only when they name files.
     */
    public static List<Path> filesUnder(Path dir) throws IOException {
        Path real = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
        try (Stream<Path> walk = Files.walk(real)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> real == dir ? p : dir.resolve(real.relativize(p).toString()))
                    .sorted().toList();
        }
    }

    static SourceFile read(Path p, String shown, Diagnostics diagnostics) {
        return read(p, shown, diagnostics, null);
    }

    private static SourceFile read(Path p, String shown, Diagnostics diagnostics,
                                   java.util.function.BiConsumer<Path, byte[]> bytesRead) {
        byte[] bytes;
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                diagnostics.error(SourcePosition.of(shown, 1), "file is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MiB; split it into several files");
                return null;
            }
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
            return null;
        }
        if (bytesRead != null) bytesRead.accept(p, bytes);
        return decode(bytes, shown, diagnostics);
    }

    /** Decodes strict UTF-8 and splits off front matter; null (with an error) when the bytes are not text. */
    public static SourceFile decode(byte[] bytes, String shown, Diagnostics diagnostics) {
        // the String constructor's decoding (a copy for ASCII text), which puts U+FFFD for each bad byte; only a text
        // with U+FFFD in it, which may also be written in the file, is decoded again strictly to tell which it is
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                diagnostics.error(SourcePosition.of(shown, lineOfFirstBadByte(bytes)),
                        "not valid UTF-8 text; save the file as UTF-8");
                return null;
            }
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            diagnostics.error(SourcePosition.of(shown, new LineIndex(text).line(nul)),
                    "binary file (contains NUL bytes); only Markdown text is read");
            return null;
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        LineIndex lines = new LineIndex(text);
        FrontMatterReader.Split split = FrontMatterReader.split(text);
        if (split == null) return new SourceFile(shown, text, FrontMatter.EMPTY, 0, lines);
        FrontMatter fm = FrontMatterReader.read(shown, split, diagnostics);
        return new SourceFile(shown, text, fm, split.bodyOffset(), lines);
    }

    /**
     * The file's card id and mode. A README is one card named after its folder, as the Hub names a repository
     * ({@code org/name/README.md} → {@code org/name}); so is a file with front matter (named after its path). A
     * folder or content-wide {@code cards:} setting decides over both.
     */
    public static SourceFile asCard(SourceFile file, String relativePath, CardLayout layout) {
        String rel = relativePath.replace('\\', '/');
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        boolean readme = stem.equalsIgnoreCase("readme");
        String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        String id = readme && !folder.isEmpty() ? folder : folder.isEmpty() ? stem : folder + "/" + stem;
        CardLayout.Mode mode = layout.modeOf(rel);
        if (mode == CardLayout.Mode.AUTO && (readme || !file.frontMatter().isEmpty() || file.bodyOffset() > 0)) {
            mode = CardLayout.Mode.PER_FILE;
        }
        return new SourceFile(file.path(), file.text(), file.frontMatter(), file.bodyOffset(), file.lines(), id, mode,
                file.evalResults());
    }

    /**
     * {@code file} with the results of the Hub's {@code .eval_results/*.yaml} files beside it, when it is a README.md
     * and that folder exists; other files as they are. {@code path} is where {@code file} was read from.
     */
    public static SourceFile withEvalResults(SourceFile file, Path path, Diagnostics diagnostics) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder == null || path.getFileName() == null || !path.getFileName().toString().equalsIgnoreCase("readme.md")
                || !Files.isDirectory(folder.resolve(EvalResultsReader.FOLDER))) {
            return file;
        }
        String shown = file.path();
        String shownFolder = shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/')) : "";
        return file.withEvalResults(EvalResultsReader.read(folder, shownFolder, diagnostics));
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        // walk lines until one fails to decode
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }
}
