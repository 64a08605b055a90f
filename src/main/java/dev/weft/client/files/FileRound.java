package dev.weft.client.files;

import dev.weft.vault.MassChangeGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One file sync round of a vault (docs/files.md): the server's changes since the index's list time
 * come in first (fetched chunk by chunk into {@code .weft/files/partial/}, checked whole, moved into
 * place), then this device's changes go out (the chunks the server lacks, then a commit on the
 * version the file came from). A file changed on both sides keeps both; a delete meets an edit and
 * the edit wins. Not thread-safe: {@link FileSync} runs one round at a time.
 */
final class FileRound {
    /** The most entries one list answer holds: a full answer means ask again. */
    static final int LIST_PAGE = 4096;
    /** Chunks on the way at once, each way: the server's fsync of one overlaps the next one's bytes. */
    static final int IN_FLIGHT = 4;
    /** The index is written at least this often while files move, so a stopped round redoes little. */
    private static final long SAVE_NANOS = 2_000_000_000L;

    private final Path vault;
    private final Path weftDir;
    private final FileIndex index;
    private final FileServer server;
    private final FileTrash trash;
    private final MassChangeGuard guard;
    private final boolean allowDeletes;
    private final FileSyncListener listener;
    private final String selfName;
    private final ZoneId zone;
    private final List<String> problems = new ArrayList<>();
    private final Set<Long> committed;
    /** The device name the server gave this device's own commits, once one was listed; or null. */
    String learnedName;
    private Map<String, VaultFiles.Seen> seen;
    private IgnoreRules ignore;
    private Map<ChunkRef.Hash, Source> sourcesCache;
    private int sent;
    private int fetched;
    private int deleted;
    private int trashed;
    private int conflicts;
    private int heldDeletes;
    private int done;
    private int total;
    private long bytesDone;
    private long bytesTotal;
    /** Bytes of chunks the server took, counted as their answers come. */
    private final java.util.concurrent.atomic.AtomicLong sentBytes = new java.util.concurrent.atomic.AtomicLong();
    private long sentCounted;
    private long savedAt = System.nanoTime();

    FileRound(Path vault, FileIndex index, FileServer server, MassChangeGuard guard, boolean allowDeletes,
            FileSyncListener listener, String selfName, Set<Long> committed) {
        this.vault = vault.toAbsolutePath().normalize();
        this.weftDir = this.vault.resolve(".weft");
        this.index = index;
        this.server = server;
        this.trash = new FileTrash(this.vault);
        this.guard = guard;
        this.allowDeletes = allowDeletes;
        this.listener = listener;
        this.selfName = selfName;
        this.zone = ZoneId.systemDefault();
        this.committed = committed;
    }

    FileSync.Result run() throws IOException {
        long up = server.bytesUp.get();
        long down = server.bytesDown.get();
        ignore = VaultFiles.ignoreRules(vault);
        seen = VaultFiles.scan(vault, ignore);
        pull();
        seen = VaultFiles.scan(vault, ignore);
        push();
        return new FileSync.Result(sent, fetched, deleted, trashed, conflicts, server.bytesUp.get() - up,
                server.bytesDown.get() - down, List.copyOf(problems), heldDeletes);
    }

    // ---- the server's changes

    private void pull() throws IOException {
        while (true) {
            List<RemoteEntry> page = server.list(index.listedThrough());
            Map<String, RemoteEntry> latest = new LinkedHashMap<>();
            for (RemoteEntry e : page) {
                latest.remove(e.path());
                latest.put(e.path(), e);
                if (committed.contains(e.version())) {
                    learnedName = e.device();
                }
            }
            List<RemoteEntry> changes = new ArrayList<>();
            for (RemoteEntry e : latest.values()) {
                FileIndex.Entry had = index.get(e.path());
                if (had == null || e.version() > had.version()) {
                    changes.add(e);
                }
            }
            total += changes.size();
            changes.stream().filter(e -> !e.deleted()).forEach(e -> bytesTotal += e.content().size());
            report();
            // new content first, deletes last: a rename's new path copies the chunks from the old file here
            for (RemoteEntry e : changes) {
                if (!e.deleted()) {
                    take(e);
                }
            }
            for (RemoteEntry e : changes) {
                if (e.deleted()) {
                    take(e);
                }
            }
            if (!page.isEmpty()) {
                index.listedThrough(page.get(page.size() - 1).version());
            }
            index.save();
            if (page.size() < LIST_PAGE) {
                return;
            }
        }
    }

    private void take(RemoteEntry e) throws IOException {
        String path = e.path();
        if (!VaultFiles.synced(path, IgnoreRules.NONE)) {
            problems.add("the server has a file named '" + path + "' that this device cannot hold: left out");
            step(0);
            return;
        }
        if (ignore.ignores(path, false)) {
            step(0);
            return;
        }
        FileIndex.Entry had = index.get(path);
        VaultFiles.Seen local = seen.get(path);
        boolean localChanged = local != null ? had == null || !had.matches(local) : had != null && !had.deleted();
        if (local != null && localChanged && !e.deleted()) {
            FileContent now = ContentScan.of(file(path));
            if (now.sha256().equals(e.content().sha256())) {
                index.put(path, entry(e, local)); // the same bytes on both sides
                step(e.content().size());
                return;
            }
        }
        if (e.deleted()) {
            if (local != null && !localChanged) {
                trash.put(path);
                seen.remove(path);
                trashed++;
            }
            // a file edited here since stays, and goes out on the deleted version: the edit wins
            index.put(path, new FileIndex.Entry(e.version(), true, -1, -1, e.content()));
            step(0);
            return;
        }
        if (local == null || !localChanged) {
            place(e, path, local);
            fetched++;
            return;
        }
        // changed on both sides: the later (by mtime) keeps the name, the other takes a conflict name
        conflicts++;
        if (e.modified() >= local.modified()) {
            String aside = ConflictName.of(path, selfName(), local.modified(), zone, this::taken);
            Files.move(file(path), file(aside), StandardCopyOption.ATOMIC_MOVE);
            seen.remove(path);
            place(e, path, null);
            problems.add("'" + path + "' was changed here and on " + e.device() + ": this device's copy is '" + aside
                    + "'");
        } else {
            String aside = ConflictName.of(path, e.device(), e.modified(), zone, this::taken);
            place(e, aside, null);
            index.remove(aside);
            // the name stays this device's: it goes out on the server's version
            index.put(path, new FileIndex.Entry(e.version(), false, -1, -1, e.content()));
            problems.add("'" + path + "' was changed here and on " + e.device() + ": " + e.device() + "'s copy is '"
                    + aside + "'");
        }
        fetched++;
    }

    private String selfName() {
        return selfName != null ? selfName : learnedName != null ? learnedName : "this device";
    }

    private boolean taken(String path) {
        return Files.exists(file(path)) || index.get(path) != null && !index.get(path).deleted();
    }

    /**
     * Fetches {@code e}'s content into {@code path}: into the partial file (chunks there from a
     * round that stopped are kept), chunks this device has in an unchanged file copied from it,
     * the rest from the server; checked whole, then moved into place unless the file there changed
     * since {@code expected} (null: there was none), which makes it a conflict.
     */
    private void place(RemoteEntry e, String path, VaultFiles.Seen expected) throws IOException {
        Path partial = weftDir.resolve("files").resolve("partial").resolve(e.content().sha256().hex());
        Files.createDirectories(partial.getParent());
        Map<ChunkRef.Hash, Source> sources = localSources();
        MessageDigest whole = ContentScan.sha256();
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long kept = keptPrefix(out.size(), e.content());
            out.truncate(kept);
            hashPrefix(out, kept, whole);
            out.position(kept);
            bytes(kept);
            fetch(e, kept, sources, out, whole);
            if (!ChunkRef.Hash.of(whole.digest()).equals(e.content().sha256())) {
                out.close();
                Files.deleteIfExists(partial);
                throw new IOException("'" + e.path() + "' arrived with another SHA-256 than its version says: fetched"
                        + " again next time");
            }
            out.force(true);
        }
        Files.setLastModifiedTime(partial, FileTime.fromMillis(e.modified()));
        Path target = file(path);
        VaultFiles.Seen now = stat(path);
        if (!sameFile(now, expected)) {
            // changed (or made) here while it came: keep both
            String aside = ConflictName.of(path, e.device(), e.modified(), zone, this::taken);
            target = file(aside);
            path = aside;
            conflicts++;
            problems.add("'" + e.path() + "' changed here while it was fetched: " + e.device() + "'s copy is '" + aside
                    + "'");
        }
        Files.createDirectories(target.getParent());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileIndex.forceFolder(target.getParent());
        VaultFiles.Seen placed = stat(path);
        if (path.equals(e.path())) {
            index.put(path, entry(e, placed));
            seen.put(path, placed);
            long at = 0;
            for (ChunkRef c : e.content().chunks()) { // the same content at another path copies from here
                sources.putIfAbsent(c.hash(), new Source(path, at, placed));
                at += c.length();
            }
        }
        step(0);
    }

    /**
     * Appends the chunks of {@code e} from offset {@code kept} on to {@code out}: copied from this
     * device where it holds them, else fetched, up to {@value #IN_FLIGHT} at once, written in order.
     */
    private void fetch(RemoteEntry e, long kept, Map<ChunkRef.Hash, Source> sources, FileChannel out,
            MessageDigest whole) throws IOException {
        java.util.ArrayDeque<Object[]> queue = new java.util.ArrayDeque<>(); // {chunk, future or null}
        long at = 0;
        try {
            for (ChunkRef c : e.content().chunks()) {
                if (at >= kept) {
                    Source source = sources.get(c.hash());
                    queue.add(new Object[] {c, source != null ? null : server.getAsync(c)});
                    while (inFlight(queue) > IN_FLIGHT) {
                        writeFirst(e, queue, sources, out, whole);
                    }
                }
                at += c.length();
            }
            while (!queue.isEmpty()) {
                writeFirst(e, queue, sources, out, whole);
            }
        } finally {
            queue.forEach(q -> {
                if (q[1] != null) {
                    ((java.util.concurrent.CompletableFuture<?>) q[1]).cancel(true);
                }
            });
        }
    }

    private static int inFlight(java.util.ArrayDeque<Object[]> queue) {
        int n = 0;
        for (Object[] q : queue) {
            n += q[1] != null ? 1 : 0;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private void writeFirst(RemoteEntry e, java.util.ArrayDeque<Object[]> queue, Map<ChunkRef.Hash, Source> sources,
            FileChannel out, MessageDigest whole) throws IOException {
        Object[] first = queue.peek();
        ChunkRef c = (ChunkRef) first[0];
        byte[] bytes;
        if (first[1] == null) {
            bytes = copy(sources.get(c.hash()), c);
            if (bytes == null) {
                first[1] = server.getAsync(c);
                return; // fetched after all; waited for in turn
            }
        } else {
            try {
                bytes = FileServer.join((java.util.concurrent.CompletableFuture<byte[]>) first[1]);
            } catch (IOException ex) {
                throw new IOException("'" + e.path() + "' could not be fetched: " + ex.getMessage(), ex);
            }
            server.fetched(bytes.length);
        }
        queue.poll();
        whole.update(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
        bytes(c.length());
    }

    private static boolean sameFile(VaultFiles.Seen now, VaultFiles.Seen expected) {
        if (now == null || expected == null) {
            return now == expected;
        }
        return now.size() == expected.size() && now.modified() == expected.modified();
    }

    private static FileIndex.Entry entry(RemoteEntry e, VaultFiles.Seen local) {
        return new FileIndex.Entry(e.version(), false, local.size(), local.modified(), e.content());
    }

    /** The longest run of whole chunks a partial file of {@code size} bytes can hold. */
    static long keptPrefix(long size, FileContent content) {
        long at = 0;
        for (ChunkRef c : content.chunks()) {
            if (at + c.length() > size) {
                break;
            }
            at += c.length();
        }
        return at;
    }

    private static void hashPrefix(FileChannel in, long length, MessageDigest whole) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long at = 0;
        while (at < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
            int n = in.read(buffer, at);
            if (n < 0) {
                throw new IOException("a partial file shrank while read");
            }
            whole.update(buffer.array(), 0, n);
            at += n;
        }
    }

    /** Where this device holds a chunk already: an unchanged synced file, at an offset. */
    private record Source(String path, long offset, VaultFiles.Seen when) {
    }

    private Map<ChunkRef.Hash, Source> localSources() {
        if (sourcesCache == null) {
            sourcesCache = new HashMap<>();
            for (Map.Entry<String, FileIndex.Entry> e : index.entries().entrySet()) {
                VaultFiles.Seen s = seen.get(e.getKey());
                if (s != null && e.getValue().matches(s)) {
                    long at = 0;
                    for (ChunkRef c : e.getValue().content().chunks()) {
                        sourcesCache.putIfAbsent(c.hash(), new Source(e.getKey(), at, s));
                        at += c.length();
                    }
                }
            }
        }
        return sourcesCache;
    }

    /** Chunk {@code c} read from a local file that still holds it, or null. */
    private byte[] copy(Source source, ChunkRef c) throws IOException {
        byte[] bytes = new byte[c.length()];
        try (FileChannel in = FileChannel.open(file(source.path()), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                if (in.read(b, source.offset() + b.position()) < 0) {
                    return null;
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return ChunkRef.Hash.of(ContentScan.sha256().digest(bytes)).equals(c.hash()) ? bytes : null;
    }

    // ---- this device's changes

    private void push() throws IOException {
        List<String> changed = new ArrayList<>();
        for (VaultFiles.Seen s : seen.values()) {
            FileIndex.Entry had = index.get(s.path());
            if (had == null || !had.matches(s)) {
                changed.add(s.path());
            }
        }
        List<String> gone = new ArrayList<>();
        int live = 0;
        for (Map.Entry<String, FileIndex.Entry> e : index.entries().entrySet()) {
            if (!e.getValue().deleted()) {
                live++;
                if (!seen.containsKey(e.getKey()) && e.getValue().version() > 0) {
                    gone.add(e.getKey());
                }
            }
        }
        if (!gone.isEmpty() && !allowDeletes && guard.holds(gone.size(), live)) {
            heldDeletes = gone.size();
            problems.add(gone.size() + " of " + live + " synced files are gone from this vault: their deletes are held"
                    + " back (run weft sync --allow-deletes to delete them on every device, or restore the files)");
            gone.clear();
        }
        total += changed.size() + gone.size();
        for (String path : changed) {
            bytesTotal += seen.get(path).size();
        }
        report();
        for (String path : changed) {
            send(path);
        }
        for (String path : gone) {
            delete(path);
        }
        index.save();
    }

    private void send(String path) throws IOException {
        VaultFiles.Seen local = seen.get(path);
        FileContent content;
        try {
            content = ContentScan.of(file(path));
        } catch (NoSuchFileException e) {
            step(0);
            return; // gone since the scan: the next round sees it
        }
        FileIndex.Entry had = index.get(path);
        if (had != null && !had.deleted() && had.content().sha256().equals(content.sha256()) && had.size() >= 0) {
            index.put(path, new FileIndex.Entry(had.version(), false, local.size(), local.modified(), had.content()));
            step(local.size());
            return; // touched, not changed
        }
        long base = had == null ? 0 : had.version();
        Set<ChunkRef.Hash> unique = new LinkedHashSet<>();
        content.chunks().forEach(c -> unique.add(c.hash()));
        upload(path, content, new LinkedHashSet<>(server.missing(List.copyOf(unique))));
        for (int attempt = 0; attempt < 3; attempt++) {
            FileServer.Committed answer = server.commit(path, base, false, content, local.modified());
            if (answer instanceof FileServer.Version v) {
                committed.add(v.version());
                index.put(path, new FileIndex.Entry(v.version(), false, local.size(), local.modified(), content));
                sent++;
                step(0);
                return;
            } else if (answer instanceof FileServer.Missing m) {
                upload(path, content, new LinkedHashSet<>(m.hashes()));
            } else if (answer instanceof FileServer.TooLarge t) {
                problems.add(t.message() + ": it stays on this device only");
                step(0);
                return;
            } else if (answer instanceof FileServer.Conflict c) {
                // another device committed first: take its version as the server's change it is
                total++;
                take(c.current());
                FileIndex.Entry now = index.get(path);
                VaultFiles.Seen after = stat(path);
                if (now == null || after == null || now.matches(after)) {
                    step(0);
                    return; // its copy won the name; this device's went aside and goes next round
                }
                base = now.version();
            }
        }
        problems.add("'" + path + "' was not committed (it kept changing on the server): sent again next time");
    }

    /** Sends the chunks of {@code content} in {@code missing}, read again from the file and checked. */
    private void upload(String path, FileContent content, Set<ChunkRef.Hash> missing) throws IOException {
        if (missing.isEmpty()) {
            return;
        }
        java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Void>> sending = new java.util.ArrayDeque<>();
        try (FileChannel in = FileChannel.open(file(path), StandardOpenOption.READ)) {
            long at = 0;
            for (ChunkRef c : content.chunks()) {
                if (missing.remove(c.hash())) {
                    byte[] buffer = new byte[c.length()];
                    ByteBuffer b = ByteBuffer.wrap(buffer);
                    while (b.hasRemaining()) {
                        if (in.read(b, at + b.position()) < 0) {
                            throw new IOException("'" + path + "' shrank while it was sent: sent again next time");
                        }
                    }
                    if (!ChunkRef.Hash.of(ContentScan.sha256().digest(buffer)).equals(c.hash())) {
                        throw new IOException("'" + path + "' changed while it was sent: sent again next time");
                    }
                    while (sending.size() >= IN_FLIGHT) {
                        FileServer.join(sending.poll());
                        bytes(0);
                    }
                    sending.add(server.putAsync(c.hash(), buffer, c.length()).thenRun(() -> sentBytes.addAndGet(c.length())));
                }
                at += c.length();
            }
            while (!sending.isEmpty()) {
                FileServer.join(sending.poll());
                bytes(0);
            }
        } finally {
            for (java.util.concurrent.CompletableFuture<Void> f : sending) {
                try {
                    f.join(); // a stopped round leaves nothing under way
                } catch (RuntimeException ignored) {
                    // the round fails with its own cause already
                }
            }
        }
    }

    private void delete(String path) throws IOException {
        FileIndex.Entry had = index.get(path);
        FileContent none = new FileContent(0, ContentScan.EMPTY, List.of());
        FileServer.Committed answer = server.commit(path, had.version(), true, none, System.currentTimeMillis());
        if (answer instanceof FileServer.Version v) {
            committed.add(v.version());
            index.put(path, new FileIndex.Entry(v.version(), true, -1, -1, none));
            deleted++;
        } else if (answer instanceof FileServer.Conflict c) {
            take(c.current()); // changed elsewhere since: the edit wins, it comes back here
            return;
        } else {
            problems.add("the delete of '" + path + "' was refused: " + answer);
        }
        step(0);
    }

    // ---- small helpers

    private Path file(String path) {
        return VaultFiles.resolve(vault, path);
    }

    private VaultFiles.Seen stat(String path) throws IOException {
        try {
            var attrs = Files.readAttributes(file(path), java.nio.file.attribute.BasicFileAttributes.class);
            return new VaultFiles.Seen(path, attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** One more file done, with {@code bytes} of content not counted yet. */
    private void step(long bytes) throws IOException {
        done++;
        bytes(bytes);
    }

    private void bytes(long bytes) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the file sync was stopped");
        }
        long sentNow = sentBytes.get();
        bytesDone += bytes + sentNow - sentCounted;
        sentCounted = sentNow;
        report();
        if (System.nanoTime() - savedAt > SAVE_NANOS) {
            index.save();
            savedAt = System.nanoTime();
        }
    }

    private void report() {
        listener.progress(new FileProgress(Math.min(done, total), total, Math.min(bytesDone, bytesTotal), bytesTotal));
    }
}
