package dev.weft.vault;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a vault folder and every folder under it (hidden ones such as {@code .weft} and
 * {@code .git} excepted) on a thread of its own, and hands over bursts of changes: the paths that
 * changed once no event came for {@code settle}, or a request to rescan everything when events
 * were lost (OVERFLOW) or a folder appeared or vanished (its files come and go without events).
 */
final class FolderWatcher implements Closeable {
    /** What changed in one burst: {@code paths}, or everything when {@code rescan}. */
    record Batch(Set<Path> paths, boolean rescan) {
    }

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());

    private final Path root;
    private final WatchService service;
    private final long settleNanos;
    private final Consumer<Batch> handler;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;

    FolderWatcher(Path root, Duration settle, Consumer<Batch> handler) throws IOException {
        this.root = root;
        this.service = root.getFileSystem().newWatchService();
        this.settleNanos = settle.toNanos();
        this.handler = handler;
        registerTree(root);
        this.thread = new Thread(this::run, "weft-vault-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && d.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        Set<Path> paths = new LinkedHashSet<>();
        boolean rescan = false;
        try {
            while (true) {
                WatchKey key = paths.isEmpty() && !rescan ? service.take()
                        : service.poll(settleNanos, TimeUnit.NANOSECONDS);
                if (key == null) {
                    handler.accept(new Batch(Set.copyOf(paths), rescan));
                    paths.clear();
                    rescan = false;
                    continue;
                }
                rescan |= collect(key, paths);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the folder watcher stopped", e);
        }
    }

    /** Adds the key's events to {@code paths}; true if everything must be rescanned. */
    private boolean collect(WatchKey key, Set<Path> paths) {
        Path dir = keys.get(key);
        boolean rescan = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                rescan = true;
                continue;
            }
            Path name = (Path) event.context();
            if (name.toString().startsWith(".")) {
                continue; // .weft, .git, our temporary files, editors' swap files
            }
            Path path = dir.resolve(name);
            if (Files.isDirectory(path)) {
                rescan = true;
                try {
                    registerTree(path);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot watch " + path, e);
                }
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && !name.toString().endsWith(".md")) {
                rescan = true; // perhaps a folder with notes in it
            } else {
                paths.add(path);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            rescan = true;
        }
        return rescan;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
