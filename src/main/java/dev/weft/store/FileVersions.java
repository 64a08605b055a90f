package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The files' path → versions index and the chunks' reference counts (docs/store.md, "Files"). The
 * chunks' bytes are files of their own ({@link ChunkFiles}); a chunk is deleted once no kept version
 * references it.
 */
final class FileVersions {
    /** Between a path and a version in a key: below every character a path may hold. */
    private static final byte SEPARATOR = '\n';

    private final Tables t;

    FileVersions(Tables tables) {
        this.t = tables;
    }

    /** The path's newest version, if it was ever committed. */
    Optional<FileVersion> newest(String path) {
        Map.Entry<byte[], byte[]> last = versionsOf(path).lastEntry();
        return Optional.ofNullable(last).map(e -> FileVersion.decode(path, e.getValue()));
    }

    /** The path's kept versions, newest first. */
    List<FileVersion> versions(String path) {
        List<FileVersion> out = new ArrayList<>();
        versionsOf(path).descendingMap().values().forEach(v -> out.add(FileVersion.decode(path, v)));
        return out;
    }

    /**
     * The newest version of each path changed after {@code since}, oldest first: at most {@code
     * maxEntries}, stopping after the one whose {@code cost} takes the sum past {@code fullCost}.
     */
    List<FileVersion> changedSince(long since, int maxEntries, long fullCost, ToLongFunction<FileVersion> cost) {
        List<FileVersion> out = new ArrayList<>();
        if (since < 0 || since == Long.MAX_VALUE) {
            return out;
        }
        long total = 0;
        for (Map.Entry<Long, String> e : t.fileTimes.tailMap(since, false).entrySet()) {
            byte[] value = t.fileVersions.get(key(e.getValue(), e.getKey()));
            if (value == null) {
                throw new StoreException("the file index lists " + e.getValue() + " at " + e.getKey() + ", a version it lacks");
            }
            FileVersion v = FileVersion.decode(e.getValue(), value);
            out.add(v);
            total += cost.applyAsLong(v);
            if (out.size() == maxEntries || total > fullCost) {
                break;
            }
        }
        return out;
    }

    /** Whether a kept version references the chunk. */
    boolean referenced(byte[] hash) {
        return t.fileChunks.containsKey(hash);
    }

    /**
     * Commits {@code proposal} at {@code time} if {@code base} is the path's current version (0: never
     * committed), no other path holds its name, and {@code held} holds every chunk; keeps the
     * path's last {@code keep} versions.
     */
    FileCommitResult commit(FileVersion proposal, long base, int keep, Predicate<byte[]> held, SyncClock clock) {
        String path = proposal.path();
        Optional<FileVersion> current = newest(path);
        if (current.isPresent() && current.get().version() != base) { // a path with no version loses nothing
            return new FileCommitResult.Conflict(current.get());
        }
        String nameKey = NameKey.of(path);
        String holder = t.fileNames.get(nameKey);
        if (!proposal.deleted() && holder != null && !holder.equals(path)) {
            return new FileCommitResult.Conflict(newest(holder).orElseThrow());
        }
        List<byte[]> missing = new ArrayList<>();
        for (byte[] hash : distinctChunks(proposal)) {
            if (!held.test(hash)) {
                missing.add(hash);
            }
        }
        if (!missing.isEmpty()) {
            return new FileCommitResult.Missing(missing);
        }
        FileVersion committed = proposal.at(clock.next());
        t.fileVersions.put(key(path, committed.version()), committed.encode());
        current.ifPresent(c -> t.fileTimes.remove(c.version()));
        t.fileTimes.put(committed.version(), path);
        if (committed.deleted()) {
            t.fileNames.remove(nameKey, path);
        } else {
            t.fileNames.put(nameKey, path);
        }
        Set<Hash> seen = new LinkedHashSet<>();
        for (int i = 0; i < committed.chunkCount(); i++) {
            byte[] hash = committed.chunkHash(i);
            if (seen.add(new Hash(hash))) {
                count(hash, committed.chunkLength(i), +1, null);
            }
        }
        List<byte[]> unreferenced = new ArrayList<>();
        NavigableMap<byte[], byte[]> versions = versionsOf(path);
        while (versions.size() > keep) {
            byte[] oldest = versions.firstKey();
            FileVersion dropped = FileVersion.decode(path, versions.get(oldest));
            t.fileVersions.remove(oldest);
            for (byte[] hash : distinctChunks(dropped)) {
                count(hash, 0, -1, unreferenced);
            }
        }
        return new FileCommitResult.Committed(committed, unreferenced);
    }

    /** Files, versions, chunks and their bytes. O(chunks + paths). */
    FileStats stats() {
        long bytes = 0;
        for (byte[] value : t.fileChunks.values()) {
            bytes += ByteBuffer.wrap(value).getInt(8) & 0xFFFFFFFFL;
        }
        return new FileStats(t.fileNames.size(), t.fileVersions.size(), t.fileChunks.size(), bytes);
    }

    /** Adds {@code delta} to the chunk's count of referencing versions (a chunk counts once per version). */
    private void count(byte[] hash, int length, int delta, List<byte[]> unreferenced) {
        byte[] value = t.fileChunks.get(hash);
        long refs = (value == null ? 0 : ByteBuffer.wrap(value).getLong(0)) + delta;
        if (refs <= 0) {
            t.fileChunks.remove(hash);
            unreferenced.add(hash);
            return;
        }
        int len = value == null ? length : ByteBuffer.wrap(value).getInt(8);
        t.fileChunks.put(hash, ByteBuffer.allocate(12).putLong(refs).putInt(len).array());
    }

    private static List<byte[]> distinctChunks(FileVersion v) {
        Set<Hash> seen = new LinkedHashSet<>();
        for (int i = 0; i < v.chunkCount(); i++) {
            seen.add(new Hash(v.chunkHash(i)));
        }
        List<byte[]> out = new ArrayList<>(seen.size());
        seen.forEach(h -> out.add(h.bytes()));
        return out;
    }

    private NavigableMap<byte[], byte[]> versionsOf(String path) {
        byte[] prefix = prefix(path);
        byte[] end = prefix.clone();
        end[end.length - 1] = SEPARATOR + 1;
        return t.fileVersions.subMap(prefix, true, end, false);
    }

    private static byte[] prefix(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(p, p.length + 1);
        out[p.length] = SEPARATOR;
        return out;
    }

    static byte[] key(String path, long version) {
        byte[] prefix = prefix(path);
        return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(version).array();
    }

    private record Hash(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
