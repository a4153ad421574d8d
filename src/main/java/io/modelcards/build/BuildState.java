package io.modelcards.build;

import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.Severity;
import io.modelcards.diag.SourcePosition;
import io.modelcards.render.OutputFile;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful build wrote, kept in the cache folder (never in --out, which holds only what a browser
 * should get; one state file per output folder): a fingerprint of every input (content, templates, assets,
 * options, modelcards' version), the files it produced with their sizes and checksums, its diagnostics,
 * and beside it a copy of its report. When nothing changed and the output is intact, a rebuild replays it instead of building again,
 * as make and Gradle skip up-to-date work; any difference means a full build.
 */
final class BuildState {
    private static final int VERSION = 2;

    /** A written file: its size and a CRC-32C of its bytes (no times, so the state itself is reproducible). */
    record Entry(String path, long size, long checksum) {}

    /** The build's report is not in it but beside it ({@link #reportCopy}): a copy of the file, 62 MB at 10,000 cards. */
    record State(String fingerprint, long models, long pages, List<Diagnostic> diagnostics, List<Entry> files) {}

    private BuildState() {}

    /** SHA-256 over the options, the version, every content file, template and asset. */
    static String fingerprint(BuildOptions o, Map<String, String> templates, List<OutputFile> assets) throws IOException {
        return fingerprint(o, templates, assets, io.modelcards.source.ContentScanner.filesUnder(o.contentDir()), Map.of());
    }

    /**
     * Like {@link #fingerprint(BuildOptions, Map, List)} at the end of a clean build, with the digests of the content
     * files it has read ({@code read}); null when the content folder no longer holds the files it held when the build
     * began (a card added or deleted while it ran: then no state is kept, and the next build builds again).
     */
    static String fingerprint(BuildOptions o, Map<String, String> templates, List<OutputFile> assets, ReadFiles read)
            throws IOException {
        List<Path> files = io.modelcards.source.ContentScanner.filesUnder(o.contentDir());
        return files.equals(read.files()) ? fingerprint(o, templates, assets, files, read.digests()) : null;
    }

    /** The fingerprint of the content's {@code files}, with the digests ({@link #digest(byte[])}) of those {@code known}. */
    private static String fingerprint(BuildOptions o, Map<String, String> templates, List<OutputFile> assets,
                                      List<Path> files, Map<Path, byte[]> known) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, "modelcards-state " + VERSION + " " + codeIdentity());
        update(sha, String.valueOf(o.contentDir().toAbsolutePath().normalize()));
        update(sha, o.baseUrl() + "|" + o.strict() + "|" + new java.util.TreeMap<>(o.settings()));
        update(sha, String.valueOf(o.reportFile()));
        update(sha, String.valueOf(io.modelcards.render.SiteRenderer.partBytes()));
        Path content = o.contentDir();
        // each file's own digest, made on every core (10,000 cards, 85 MB: a third of a second on one), then its path
        // and digest in order
        List<byte[]> digests = files.parallelStream().map(f -> {
            byte[] d = known.get(f);
            return d != null ? d : digest(f);
        }).toList();
        for (int i = 0; i < files.size(); i++) {
            update(sha, content.relativize(files.get(i)).toString());
            sha.update(digests.get(i));
        }
        templates.forEach((name, text) -> {
            update(sha, name);
            update(sha, text);
        });
        for (OutputFile a : assets) {
            update(sha, a.path());
            sha.update(a.bytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Which build of modelcards runs: its jar's (or classes folder's) path, size and modification times. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(BuildState.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            long newest = 0;
            long count = 0;
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                    count++;
                }
            }
            return code + " " + count + " " + newest;
        } catch (Exception e) {
            return "unknown " + System.nanoTime(); // never replay when the code cannot be identified
        }
    }

    /**
     * The content files a clean build found as it began, and the digests of those it has read: the files that are not
     * Markdown (site.yaml, curated.yaml, a card's evaluation results) digested then, the cards added as it reads them.
     */
    record ReadFiles(List<Path> files, Map<Path, byte[]> digests) {
        /** Records the bytes of a file as the build read them. */
        void read(Path file, byte[] bytes) {
            digests.put(file, digest(bytes));
        }

        /** The content files as a clean build begins, those not Markdown digested; null when the folder cannot be read. */
        static ReadFiles begin(Path content) {
            Map<Path, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                List<Path> files = io.modelcards.source.ContentScanner.filesUnder(content);
                files.parallelStream().filter(f -> !io.modelcards.source.ContentScanner.isMarkdown(f.getFileName().toString()))
                        .forEach(f -> digests.put(f, digest(f)));
                return new ReadFiles(files, digests);
            } catch (IOException | java.io.UncheckedIOException e) {
                return null;
            }
        }
    }

    /** The SHA-256 of a file's bytes. */
    private static byte[] digest(Path p) {
        try {
            return digest(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The SHA-256 of {@code bytes}, a content file's as the fingerprint takes it. */
    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** The state file of the output folder {@code out}, in {@code cache}: named after the folder's absolute path. */
    static Path file(Path cache, Path out) {
        Path abs = out.toAbsolutePath().normalize();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(abs.toString().getBytes(StandardCharsets.UTF_8));
        String name = abs.getFileName() == null ? "root" : abs.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return cache.resolve("state-" + name + "-" + String.format("%08x", crc.getValue()));
    }

    /** Where the state file {@code state} keeps a copy of its build's report (written only when the build had one). */
    static Path reportCopy(Path state) {
        return state.resolveSibling(state.getFileName() + ".report.json");
    }

    /** The files now in {@code out} as the state records them (every regular file). */
    static List<Entry> scan(Path out) throws IOException {
        return scan(out, rel -> null);
    }

    /**
     * Like {@link #scan(Path)}, taking the size and checksum of the files a build has just written from
     * {@code written} (by path in the site; null for a file it did not write) instead of reading them again.
     */
    static List<Entry> scan(Path out, java.util.function.Function<String, io.modelcards.publish.SiteWriter.Written> written)
            throws IOException {
        List<Entry> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String inSite = out.relativize(p).toString();
                String rel = inSite.replace('\\', '/');
                io.modelcards.publish.SiteWriter.Written w = written.apply(inSite);
                if (w != null) {
                    files.add(new Entry(rel, w.size(), w.checksum()));
                    continue;
                }
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                try (var in = Files.newInputStream(p)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
                }
                files.add(new Entry(rel, Files.size(p), crc.getValue()));
            }
        }
        return files;
    }

    static Optional<State> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != VERSION) return Optional.empty();
            String fingerprint = text(in);
            long models = in.readLong();
            long pages = in.readLong();
            int n = in.readInt();
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Severity severity = Severity.valueOf(text(in));
                SourcePosition at = new SourcePosition(text(in), in.readInt(), in.readInt());
                diagnostics.add(new Diagnostic(severity, at, text(in), text(in)));
            }
            int files = in.readInt();
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < files; i++) entries.add(new Entry(text(in), in.readLong(), in.readLong()));
            return Optional.of(new State(fingerprint, models, pages, diagnostics, entries));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable state: build as if there were none
        }
    }

    static void write(Path file, State s) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(VERSION);
            text(o, s.fingerprint());
            o.writeLong(s.models());
            o.writeLong(s.pages());
            o.writeInt(s.diagnostics().size());
            for (Diagnostic d : s.diagnostics()) {
                text(o, d.severity().name());
                text(o, d.at().path());
                o.writeInt(d.at().line());
                o.writeInt(d.at().column());
                text(o, d.message());
                text(o, d.hint());
            }
            o.writeInt(s.files().size());
            for (Entry e : s.files()) {
                text(o, e.path());
                o.writeLong(e.size());
                o.writeLong(e.checksum());
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Diagnostics replay(State s) {
        Diagnostics d = new Diagnostics();
        s.diagnostics().forEach(d::add);
        return d;
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void text(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }
}
