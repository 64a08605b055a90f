package dev.weft.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * Rewrites the store into a new file holding only what is stored now ({@code weft compact-store},
 * server stopped): MapDB leaves the bytes of removed entries in the file's free space, so the text of
 * a note deleted forever (docs/protocol.md §9) is gone from the file only once it is rewritten. Every
 * table is copied as it is (identity, runs and devices included: devices see the same store), the new
 * file is synced, then renamed over the old one, which is deleted. The server compacts at start when
 * most of the file is free space ({@link #compactIfWasteful}): MapDB reuses a freed record only for one
 * of the same size class, so a long history of small edits leaves the file many times its records.
 */
public final class StoreCompaction {
    /** Puts between two commits of the new file: MapDB's write-ahead log stays in memory. */
    private static final int COMMIT_EVERY = 20_000;

    private final StoreFiles fresh;
    private int puts;

    private StoreCompaction(StoreFiles fresh) {
        this.fresh = fresh;
    }

    /**
     * Compacts the store in {@code dataDir}; returns the file's size before and after, in bytes.
     *
     * @throws StoreException if the data dir is in use (a server runs), the store is damaged (repair
     *     it first) or the files cannot be written
     */
    public static long[] compact(Path dataDir) {
        return run(dataDir, false).orElseThrow();
    }

    /**
     * Compacts the store in {@code dataDir} if most of its file is free space ({@link StoreSpace#wasteful}),
     * as the server does at start; returns the file's size before and after, or empty if it was left as it
     * is (no store yet, little free space, damage for the open to report, a commit a full disk kept in
     * the redo log).
     *
     * @throws StoreException if the data dir is in use or the files cannot be written
     */
    public static Optional<long[]> compactIfWasteful(Path dataDir) {
        Path main = dataDir.resolve(StoreFiles.MAIN);
        try {
            if (!Files.exists(main) || !StoreSpace.wasteful(Files.size(main), 0)) { // too small to be worth opening twice
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + main + ": " + e, e);
        }
        return run(dataDir, true);
    }

    /**
     * The whole compaction under the data dir's lock, so no server opens the old file between the copy
     * and the swap. The old file stays whole until the new one is complete and forced to disk; a kill
     * before the rename leaves the old file and a work dir the next compaction deletes.
     */
    private static Optional<long[]> run(Path dataDir, boolean onlyIfWasteful) {
        Path work = dataDir.resolve("weft.db.compacting");
        Path main = dataDir.resolve(StoreFiles.MAIN);
        Path redo = dataDir.resolve(StoreFiles.MAIN + ".redo");
        try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
            StoreRepair.deleteTree(work);
            StoreFiles old = StoreFiles.openHeld(dataDir, lock);
            long before;
            try {
                if (old.damage.isPresent()) {
                    if (onlyIfWasteful) {
                        return Optional.empty();
                    }
                    throw new StoreException("the store is damaged: repair it first (weft repair-store)");
                }
                if (Files.exists(redo) && Files.size(redo) > 0) { // a full disk kept a commit from the file
                    if (onlyIfWasteful) {
                        return Optional.empty();
                    }
                    throw new StoreException("the disk was full: free some space and start the server once first");
                }
                before = Files.size(main);
                if (onlyIfWasteful && !StoreSpace.wasteful(before, StoreSpace.recordBytes(old.db))) {
                    return Optional.empty();
                }
                try (StoreFiles fresh = StoreFiles.open(work)) {
                    new StoreCompaction(fresh).copy(old.tables, fresh.tables);
                }
            } finally {
                old.closeKeepingLock();
            }
            Path copy = work.resolve(StoreFiles.MAIN);
            try (FileChannel file = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.deleteIfExists(redo); // empty: the old file's commits are all in it
            Files.move(copy, main, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            StoreFiles.syncDir(dataDir);
            StoreRepair.deleteTree(work);
            return Optional.of(new long[] {before, Files.size(main)});
        } catch (IOException e) {
            throw new StoreException("cannot compact the store in " + dataDir + ": " + e, e);
        } finally {
            if (Files.isDirectory(work)) { // the copy failed (a full disk): the old file is as it was
                StoreRepair.deleteTree(work);
            }
        }
    }

    private void copy(Tables from, Tables to) {
        copy(from.documents, to.documents);
        copy(from.names, to.names);
        copy(from.atoms, to.atoms);
        copy(from.runs, to.runs);
        copy(from.history, to.history);
        copy(from.devices, to.devices);
        copy(from.tokens, to.tokens);
        copy(from.deviceNames, to.deviceNames);
        copy(from.pairingCodes, to.pairingCodes);
        copy(from.meta, to.meta);
        copy(from.syncIndex, to.syncIndex);
        copy(from.fileVersions, to.fileVersions);
        copy(from.fileTimes, to.fileTimes);
        copy(from.fileNames, to.fileNames);
        copy(from.fileChunks, to.fileChunks);
        fresh.db.commit();
    }

    private <K, V> void copy(NavigableMap<K, V> from, NavigableMap<K, V> to) {
        for (Map.Entry<K, V> e : from.entrySet()) {
            to.put(e.getKey(), e.getValue());
            counted();
        }
    }

    private <E> void copy(NavigableSet<E> from, NavigableSet<E> to) {
        for (E e : from) {
            to.add(e);
            counted();
        }
    }

    private void counted() {
        if (++puts % COMMIT_EVERY == 0) {
            fresh.db.commit();
        }
    }
}
