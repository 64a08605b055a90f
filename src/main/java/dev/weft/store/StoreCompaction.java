package dev.weft.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;

/**
 * Rewrites the store into a new file holding only what is stored now ({@code weft compact-store},
 * server stopped): MapDB leaves the bytes of removed entries in the file's free space, so the text of
 * a note deleted forever (docs/protocol.md §9) is gone from the file only once it is rewritten. Every
 * table is copied as it is (identity, runs and devices included: devices see the same store), the new
 * file is synced, then renamed over the old one, which is deleted.
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
        Path work = dataDir.resolve("weft.db.compacting");
        Path main = dataDir.resolve(StoreFiles.MAIN);
        try {
            StoreRepair.deleteTree(work);
            long before = Files.size(main);
            try (StoreFiles old = StoreFiles.open(dataDir); StoreFiles fresh = StoreFiles.open(work)) {
                old.damage.ifPresent(d -> {
                    throw new StoreException("the store is damaged: repair it first (weft repair-store)");
                });
                new StoreCompaction(fresh).copy(old.tables, fresh.tables);
            }
            try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
                Files.deleteIfExists(dataDir.resolve(StoreFiles.MAIN + ".redo")); // finished when the old file opened
                Files.move(work.resolve(StoreFiles.MAIN), main, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            StoreRepair.deleteTree(work);
            return new long[] {before, Files.size(main)};
        } catch (IOException e) {
            throw new StoreException("cannot compact the store in " + dataDir + ": " + e, e);
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
