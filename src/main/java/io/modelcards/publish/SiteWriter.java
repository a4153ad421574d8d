package io.modelcards.publish;

import io.modelcards.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the site into the output folder. A file whose bytes did not change is not touched; a changed file is
 * written to a temporary name and renamed into place, so a killed build never leaves half a page. Files of an
 * earlier build that are no longer produced are removed. The folder must be empty, absent, or carry the
 * marker file of an earlier modelcards build: nothing else is ever deleted or overwritten.
 */
public final class SiteWriter {
    public static final String MARKER = ".modelcards-output";
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> READABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    public record Result(int written, int unchanged, int deleted) {}

    /** Refuses folders that hold other files; call before anything is written. */
    public void checkUsable(Path out) throws OutputFolderException {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) throw new OutputFolderException(out + " exists and is not a folder");
        if (Files.isRegularFile(out.resolve(MARKER))) return;
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new OutputFolderException(out + " is not empty and was not written by modelcards (no "
                        + MARKER + " file); choose an empty or new folder for --out");
            }
        } catch (IOException e) {
            throw new OutputFolderException("cannot read " + out + ": " + e.getMessage());
        }
    }

    /**
     * Refuses an output folder that is, contains or lies inside one of the inputs (content, templates, assets)
     * or that contains a given file (the report): stale-file removal would delete them, pages would overwrite them.
     *
     * @param inputs what each input is called in the message ("--content") → its path; null paths are skipped
     */
    public void checkApart(Path out, Map<String, Path> inputs) throws OutputFolderException {
        Path o = real(out);
        for (Map.Entry<String, Path> in : new TreeMap<>(inputs).entrySet()) {
            if (in.getValue() == null) continue;
            Path i = real(in.getValue());
            if (o.equals(i) || o.startsWith(i) || i.startsWith(o)) {
                throw new OutputFolderException("--out " + out + " overlaps " + in.getKey() + " " + in.getValue()
                        + "; the output folder must be separate from the files it is built from");
            }
        }
    }

    /** Refuses a report file inside an input folder, where it could overwrite a content file. */
    public void checkReport(Path report, Map<String, Path> inputs) throws OutputFolderException {
        if (report == null) return;
        Path r = real(report);
        for (Map.Entry<String, Path> in : new TreeMap<>(inputs).entrySet()) {
            if (in.getValue() != null && r.startsWith(real(in.getValue()))) {
                throw new OutputFolderException("--report " + report + " is inside " + in.getKey() + " "
                        + in.getValue() + "; modelcards never writes into its inputs");
            }
        }
    }

    /** The absolute path with symbolic links resolved as far as the path exists. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Writes every file (unchanged ones are left alone) and removes files of an earlier build that are no
     * longer produced. On an IO failure the files already renamed into place are complete, the others keep
     * their earlier version, and no temporary file is left behind.
     */
    /** Name of the folder inside --out where a streamed build puts changed files until it is committed. */
    public static final String STAGING = ".modelcards-staging";

    /**
     * Starts a streamed write: files arrive one at a time (from several threads), changed ones wait in a staging
     * folder inside --out, and nothing in the site changes until {@link Session#commit()}. {@link Session#abort()}
     * (a build that found errors) leaves the previous site exactly as it was.
     */
    public Session open(Path out) throws OutputFolderException {
        return open(out, 16);
    }

    /**
     * {@link #open(Path)} for a site of about {@code files} files: the session's table of files is made for them up
     * front (grown from its first size, it was copied into a larger table again and again while files arrived from every
     * core, 1.7 % of a build of the 26,354 real cards).
     */
    public Session open(Path out, int files) throws OutputFolderException {
        checkUsable(out);
        Path root = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) Files.writeString(marker, "This folder is written by modelcards; it may delete files here.\n");
            Path staging = root.resolve(STAGING);
            deleteTree(staging); // left by a build that was killed
            if (holdsOnly(root, Set.of(MARKER))) {
                // nothing to keep safe: pages go straight into place (no staging, renames or stale-file walk)
                return new Session(out, root, root.toRealPath(), null, files);
            }
            Files.createDirectories(staging);
            return new Session(out, root, root.toRealPath(), staging, files);
        } catch (IOException e) {
            throw new OutputFolderException("cannot prepare " + out + " (" + describe(e) + ")");
        }
    }

    /** A file as a session wrote it: its size in bytes and its CRC-32C. */
    public record Written(long size, long checksum) {}

    /** One streamed write into --out; see {@link #open(Path)}. */
    public static final class Session implements io.modelcards.render.SiteSink {
        private final Path out;
        private final Path root;
        private final Path realRoot;
        private final Path staging;
        /**
         * Every file of the site, by its path in the site (strings, not paths: a site of 100,000 cards has 400,000
         * files, and a set and a map of absolute paths were 70 MB of its build's heap), with its size and CRC-32C
         * in one number ({@link #written}), or {@link #UNKNOWN}.
         */
        private final java.util.concurrent.ConcurrentHashMap<String, Long> produced;
        /** The files waiting in the staging folder for the commit, by their path in the site (none when writing in place). */
        private final Set<String> staged;
        /** The files written in place. */
        private final java.util.concurrent.atomic.AtomicInteger writtenInPlace = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger unchanged = new java.util.concurrent.atomic.AtomicInteger();

        private Session(Path out, Path root, Path realRoot, Path staging, int files) {
            this.produced = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, files));
            this.staged = java.util.concurrent.ConcurrentHashMap.newKeySet(staging == null ? 16 : Math.max(16, files));
            this.out = out;
            this.root = root;
            this.realRoot = realRoot;
            this.staging = staging;
            produced.put(MARKER, UNKNOWN); // an earlier build's marker may say something else
        }

        /** A file of the site whose bytes this session did not see. */
        private static final Long UNKNOWN = -1L;

        /**
         * The size and CRC-32C of the file at {@code rel} (its path in the site) as this session wrote it or found
         * it unchanged, which is what the folder holds after {@link #commit}; null for a file it did not see. So the
         * build's state need not read the whole site back (300 MB at 10,000 cards).
         */
        public Written written(String rel) {
            Long v = produced.get(rel);
            return v == null || v < 0 ? null : new Written(v >>> 32, v & 0xFFFF_FFFFL);
        }

        /** A first build into an empty folder writes in place; there is no earlier site to keep whole. */
        private boolean direct() {
            return staging == null;
        }

        /** The file's path in the site, normalised; checked to be inside it (that it is new, by {@link #accept}). */
        private String inSite(String path) {
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root) || (staging != null && target.startsWith(staging))) {
                throw new IllegalArgumentException("path outside the site: " + path);
            }
            String rel = root.relativize(target).toString();
            // the file's own path when it is already normal (always, for ours): one string per file, not two
            if (rel.equals(path)) rel = path;
            return rel;
        }

        @Override
        public void accept(OutputFile f) {
            String rel = inSite(f.path());
            byte[] bytes = f.bytes();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes);
            if (produced.putIfAbsent(rel, ((long) bytes.length << 32) | crc.getValue()) != null) {
                throw new IllegalArgumentException("file rendered twice: " + f.path());
            }
            Path target = root.resolve(rel);
            try {
                if (!direct() && Files.isRegularFile(target) && Files.size(target) == bytes.length
                        && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    unchanged.incrementAndGet();
                    return;
                }
                Path st = direct() ? target : staging.resolve(rel);
                Files.createDirectories(st.getParent());
                Files.write(st, bytes);
                if (direct()) writtenInPlace.incrementAndGet();
                else staged.add(rel);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + " (" + describe(e) + ")", e);
            }
        }

        /** Moves every changed file into place (each by an atomic rename) and deletes files no longer produced. */
        public Result commit() throws OutputFolderException {
            if (direct()) return new Result(writtenInPlace.get(), 0, 0);
            int written = 0;
            Path current = root;
            try {
                for (String rel : new java.util.TreeSet<>(staged)) {
                    Path target = root.resolve(rel);
                    current = target;
                    Files.createDirectories(target.getParent());
                    // a symbolic link inside the output folder must not lead a page outside it
                    if (!target.getParent().toRealPath().startsWith(realRoot)) {
                        throw new OutputFolderException("cannot write " + target + ": its folder is a link to a place"
                                + " outside " + out + "; nothing outside --out is written");
                    }
                    publish(staging.resolve(rel), target);
                    written++;
                }
                current = root;
                deleteTree(staging);
                int deleted = deleteStale(root, p -> produced.containsKey(root.relativize(p).toString()));
                return new Result(written, unchanged.get(), deleted);
            } catch (IOException | UncheckedIOException e) {
                String reason = e instanceof UncheckedIOException u ? describe(u.getCause()) : describe((IOException) e);
                throw new OutputFolderException("cannot write " + current + " (" + reason + "); " + written
                        + " files were written completely, the others keep their earlier version");
            }
        }

        /** Forgets the staged files; the site stays as it was. */
        public void abort() {
            try {
                if (direct()) { // the folder was empty: make it so again
                    Path marker = root.resolve(MARKER);
                    deleteStale(root, marker::equals);
                    return;
                }
                deleteTree(staging);
            } catch (IOException e) {
                // the staging folder is removed by the next build
            }
        }
    }

    /** True when the folder holds no entry other than {@code names}. */
    private static boolean holdsOnly(Path dir, Set<String> names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> names.contains(p.getFileName().toString()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    public Result write(List<OutputFile> files, Path out) throws OutputFolderException {
        checkUsable(out);
        Path root = out.toAbsolutePath().normalize();
        int written = 0;
        int unchanged = 0;
        Set<Path> produced = new HashSet<>();
        Path current = root;
        try {
            Files.createDirectories(root);
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) Files.writeString(marker, "This folder is written by modelcards; it may delete files here.\n");
            produced.add(marker);
            Path realRoot = root.toRealPath();
            for (OutputFile f : files) {
                Path target = root.resolve(f.path()).normalize();
                if (!target.startsWith(root)) throw new IllegalArgumentException("path outside the site: " + f.path());
                current = target;
                Files.createDirectories(target.getParent());
                // a symbolic link inside the output folder must not lead a page outside it
                if (!target.getParent().toRealPath().startsWith(realRoot)) {
                    throw new OutputFolderException("cannot write " + target + ": its folder is a link to a place"
                            + " outside " + out + "; nothing outside --out is written");
                }
                produced.add(target);
                if (writeIfChanged(target, f.bytes())) written++;
                else unchanged++;
            }
            current = root;
            int deleted = deleteStale(root, produced::contains);
            return new Result(written, unchanged, deleted);
        } catch (IOException | UncheckedIOException e) {
            String reason = e instanceof UncheckedIOException u ? describe(u.getCause()) : describe((IOException) e);
            throw new OutputFolderException("cannot write " + current + " (" + reason + "); " + written
                    + " files were written completely, the others keep their earlier version");
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String msg = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return msg == null ? kind : kind + ": " + msg;
    }

    /** Writes through a temporary file and an atomic rename; false when the bytes are already there. */
    static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.write(tmp, bytes);
            publish(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /**
     * Makes a finished file readable by web servers (temporary files are created rw-------) and renames it into
     * place in one step, so a reader never sees half a page.
     */
    private static void publish(Path finished, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(finished, READABLE);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes every file of {@code root} that is not {@code produced}, and every folder left empty. */
    private static int deleteStale(Path root, java.util.function.Predicate<Path> produced) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                if (p.equals(root)) return;
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        if (s.findAny().isEmpty()) stale.add(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (!produced.test(p)) {
                    stale.add(p);
                }
            });
        }
        int deleted = 0;
        for (Path p : stale) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    if (s.findAny().isPresent()) continue;
                }
            }
            Files.deleteIfExists(p);
            deleted++;
        }
        // folders emptied by the deletions above
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root) && Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        if (s.findAny().isEmpty()) Files.delete(p);
                    }
                }
            }
        }
        return deleted;
    }
}
