package io.modelcards.preview;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders (java.nio WatchService) and, once changes have been quiet for the
 * debounce time, hands the changed paths to a listener on the watcher's own thread. A lost event (overflow)
 * is reported as a change of the watched folder itself.
 */
public final class FolderWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Map<WatchKey, Path> roots = new HashMap<>();
    private final Duration debounce;
    private final Consumer<Set<Path>> listener;
    private final Thread thread;

    private FolderWatcher(WatchService service, Duration debounce, Consumer<Set<Path>> listener) {
        this.service = service;
        this.debounce = debounce;
        this.listener = listener;
        this.thread = new Thread(this::loop, "modelcards-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching the folders that exist among {@code folders}. */
    public static FolderWatcher start(List<Path> folders, Duration debounce, Consumer<Set<Path>> listener)
            throws IOException {
        FolderWatcher w = new FolderWatcher(FileSystems.getDefault().newWatchService(), debounce, listener);
        for (Path f : folders) {
            Path root = f.toAbsolutePath().normalize();
            if (Files.isDirectory(root)) w.registerTree(root, root);
        }
        w.thread.start();
        return w;
    }

    private void registerTree(Path dir, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                WatchKey key = d.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                dirs.put(key, d);
                roots.put(key, root);
            }
        }
    }

    private void loop() {
        Set<Path> pending = new TreeSet<>();
        try {
            while (true) {
                WatchKey key = pending.isEmpty() ? service.take()
                        : service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    Set<Path> changed = Set.copyOf(pending);
                    pending.clear();
                    listener.accept(changed);
                    continue;
                }
                collect(key, pending);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop quietly
        }
    }

    private void collect(WatchKey key, Set<Path> pending) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) continue;
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                pending.add(roots.get(key));
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            pending.add(changed);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(changed, roots.get(key));
                } catch (IOException e) {
                    pending.add(roots.get(key));
                }
            }
        }
        if (!key.reset()) {
            dirs.remove(key);
            roots.remove(key);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
