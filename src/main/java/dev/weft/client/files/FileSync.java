package dev.weft.client.files;

import dev.weft.vault.MassChangeGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of one vault kept in sync with its server (docs/files.md): one {@link #round} at a
 * time, whoever asks (a global sync, the server's {@code 42} news, {@code weft sync}).
 */
public final class FileSync {
    /**
     * How a round ended.
     *
     * @param sent files committed from here (renames and new names of conflicts included)
     * @param fetched files fetched from the server
     * @param deleted deletes sent
     * @param trashed files moved to this device's trash for a delete elsewhere
     * @param conflicts files changed on both sides, kept twice
     * @param problems what the user should read
     * @param heldDeletes deletes held back by the mass-delete guard
     */
    public record Result(int sent, int fetched, int deleted, int trashed, int conflicts, long bytesSent,
            long bytesFetched, List<String> problems, int heldDeletes) {
        /** {@code files: 3 sent, 2 fetched (1.5 MB up, 0.2 MB down)}. */
        public String describe() {
            StringBuilder s = new StringBuilder("files: " + sent + " sent, " + fetched + " fetched");
            if (deleted > 0) {
                s.append(", ").append(deleted).append(" deleted");
            }
            if (trashed > 0) {
                s.append(", ").append(trashed).append(" to the trash");
            }
            if (conflicts > 0) {
                s.append(", ").append(conflicts).append(conflicts == 1 ? " conflict kept" : " conflicts kept");
            }
            return s.append(String.format(java.util.Locale.ROOT, " (%.1f MB up, %.1f MB down)", bytesSent / 1e6,
                    bytesFetched / 1e6)).toString();
        }
    }

    private final Path vault;
    private final FileServer server;
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private volatile String deviceName;

    public FileSync(Path vault, FileServer server) {
        this.vault = vault.toAbsolutePath().normalize();
        this.server = server;
    }

    /** The name the server knows this device by, for the copies its conflicts keep; learned if not set. */
    public void deviceName(String name) {
        deviceName = name;
    }

    /**
     * Fetches what changed on the server, then sends what changed here. {@code allowDeletes}: send
     * deletes even past the mass-delete guard.
     *
     * @throws IOException if the server or the vault failed; what was done stays done
     */
    public synchronized Result round(boolean allowDeletes, FileSyncListener listener) throws IOException {
        Path weftDir = vault.resolve(".weft");
        FileIndex index = FileIndex.open(weftDir);
        FileRound round = new FileRound(vault, index, server, MassChangeGuard.read(weftDir), allowDeletes, listener,
                deviceName, committed);
        try {
            return round.run();
        } finally {
            if (deviceName == null && round.learnedName != null) {
                deviceName = round.learnedName;
            }
        }
    }

    /** Chunks sent and fetched over this object's life: for tests and benchmarks. */
    public long chunksSent() {
        return server.puts.get();
    }

    public long chunksFetched() {
        return server.gets.get();
    }
}
