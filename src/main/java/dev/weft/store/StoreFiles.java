package dev.weft.store;

import dev.weft.store.StoreVolumes.Layout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.StoreWAL;

/**
 * The files of a data dir and how they open: {@code weft.lock} (held while open), {@code weft.db}
 * (the MapDB file), {@code weft.db.redo} (the commit being written, see {@link RedoLog}) and
 * {@code weft.db.wal.N} (MapDB's scratch for an open transaction).
 *
 * <p>A new store is made as {@code weft.db.new} and renamed into place once its first commit is on
 * disk, so a process killed while making it leaves no half-made {@code weft.db}. An existing file is
 * never replaced: if it does not open, the error says why and the file stays as it is.
 */
final class StoreFiles implements AutoCloseable {
    static final String MAIN = "weft.db";
    private static final String NEW = "weft.db.new";
    private static final String REDO = ".redo";
    private static final String SCRATCH = ".wal.";

    final DB db;
    final Tables tables;
    /** Pages the scan at open found damaged: the store is then read-only. */
    final Optional<StoreDamagedException> damage;
    private final Path dir;
    private final DataDirLock lock;
    private final StoreVolumes volumes;

    private StoreFiles(Path dir, DB db, Tables tables, DataDirLock lock, StoreVolumes volumes,
            Optional<StoreDamagedException> damage) {
        this.dir = dir;
        this.db = db;
        this.tables = tables;
        this.lock = lock;
        this.volumes = volumes;
        this.damage = damage;
    }

    static StoreFiles open(Path dir) {
        return open(dir, true);
    }

    /**
     * {@link #open} for {@code weft repair-store}: a damaged file is opened if MapDB opens it, even
     * where the first or last entry of a map does not read ({@link Salvage} reads around that).
     */
    static StoreFiles openToRepair(Path dir) {
        return open(dir, true, false);
    }

    /** {@link #open}; {@code migrate}: false leaves the atoms of a layout-1 store where they are (tests). */
    static StoreFiles open(Path dir, boolean migrate) {
        return open(dir, migrate, true);
    }

    private static StoreFiles open(Path dir, boolean migrate, boolean probe) {
        DataDirLock lock = lockDir(dir);
        try {
            Path main = dir.resolve(MAIN);
            if (!Files.exists(main)) {
                create(dir, main);
            }
            return openLocked(dir, lock, migrate, probe);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock, e);
            throw opening(dir, e);
        }
    }

    /**
     * {@link #open} under a lock the caller holds and keeps ({@link StoreCompaction}): {@link
     * #closeKeepingLock} closes these files and leaves it held.
     */
    static StoreFiles openHeld(Path dir, DataDirLock lock) {
        try {
            return openLocked(dir, lock, true, true);
        } catch (IOException | RuntimeException e) {
            throw opening(dir, e);
        }
    }

    /** Closes the file of files opened by {@link #openHeld}; the caller releases the lock. */
    void closeKeepingLock() {
        close(this);
    }

    /**
     * The files that hold the store as of its last commit, for a backup: {@code weft.db}, and
     * {@code weft.db.redo} while it holds a commit a full disk kept from the file (opening finishes
     * it). Stable only while no commit runs (the caller holds the store's read lock).
     */
    List<Path> committed() throws IOException {
        Path redo = dir.resolve(MAIN + REDO);
        return Files.exists(redo) && Files.size(redo) > 0 ? List.of(dir.resolve(MAIN), redo) : List.of(dir.resolve(MAIN));
    }

    /**
     * Closes the file, dropping whatever a failed commit left in memory, and opens it again under
     * the same lock: the redo log's commit is finished if it is whole, dropped if torn. On a full
     * disk a whole log that cannot be written to the file yet stays, and its pages are read from it
     * until a commit writes them ({@link AtomicVolume}).
     *
     * @throws StoreException if the file does not open; this instance is closed then but keeps the
     *     lock, and may be reopened again
     */
    StoreFiles reopen() {
        try {
            db.close();
        } catch (RuntimeException e) {
            // a failed commit may leave MapDB unable to close cleanly: its volumes are closed all the same
            volumes.closeMain();
        }
        try {
            return openLocked(dir, lock, true, true);
        } catch (IOException | RuntimeException e) {
            throw opening(dir, e);
        }
    }

    private static StoreFiles openLocked(Path dir, DataDirLock lock, boolean migrate, boolean probe) throws IOException {
        Path main = dir.resolve(MAIN);
        deleteScratch(dir, MAIN + SCRATCH);
        SortedMap<Long, byte[]> unwritten = finishRedo(dir.resolve(MAIN + REDO), main);
        Layout layout = PageScan.isPlain(main) ? Layout.PLAIN : Layout.SUMMED;
        if (layout == Layout.PLAIN) {
            close(open(dir, lock, main, unwritten, Layout.PLAIN, Optional.empty(), true)); // a Weft store: convert it
            if (unwritten.isEmpty() && PlainStore.convert(main, dir.resolve(NEW))) {
                syncDir(dir);
                layout = Layout.SUMMED;
            }
        }
        Optional<StoreDamagedException> damage = layout == Layout.SUMMED
                ? PageScan.damage(main, unwritten) : Optional.empty();
        StoreFiles files = open(dir, lock, main, unwritten, layout, damage, probe || damage.isEmpty());
        if (migrate && damage.isEmpty() && unwritten.isEmpty()) { // a damaged store is read-only: weft repair-store migrates it
            try {
                RunMigration.migrate(files.db, files.tables);
            } catch (RuntimeException e) {
                close(files);
                throw new StoreException("cannot move the atoms of " + main + " into runs: " + describe(e), e);
            }
        }
        return files;
    }

    private static StoreFiles open(Path dir, DataDirLock lock, Path main, SortedMap<Long, byte[]> unwritten,
            Layout layout, Optional<StoreDamagedException> damage, boolean probe) {
        StoreVolumes volumes = new StoreVolumes(main, dir.resolve(MAIN + REDO), unwritten, layout);
        DB db = openExisting(main, volumes);
        try {
            Tables tables = Tables.open(db, main.toString());
            if (probe) {
                probe(tables, main);
            }
            return new StoreFiles(dir, db, tables, lock, volumes, damage);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Closes the file only, keeping the lock. */
    private static void close(StoreFiles files) {
        try {
            files.db.close();
        } catch (RuntimeException e) {
            files.volumes.closeMain();
        }
    }

    /**
     * {@link RedoLog#recover}; when the disk is full, the pages of a whole log that could not be
     * written, to be read from memory until written (empty if there are none).
     */
    private static SortedMap<Long, byte[]> finishRedo(Path redo, Path main) throws IOException {
        try {
            RedoLog.recover(redo, main);
            return new TreeMap<>();
        } catch (IOException e) {
            if (!DiskFull.causes(e)) {
                throw e;
            }
            return RedoLog.wholePages(redo);
        }
    }

    private static StoreException opening(Path dir, Exception e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        return new StoreException("cannot open the store in " + dir + ": " + e, e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (RuntimeException e) {
            volumes.closeMain(); // after a failed commit or reopen: nothing is left to write
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                throw new StoreException("cannot release the lock of the data dir: " + e, e);
            }
        }
    }

    private static DataDirLock lockDir(Path dir) {
        try {
            Files.createDirectories(dir);
            return DataDirLock.acquire(dir);
        } catch (IOException e) {
            throw new StoreException("cannot use data dir " + dir + ": " + e, e);
        }
    }

    private static void create(Path dir, Path main) throws IOException {
        Path redo = dir.resolve(MAIN + REDO);
        if (Files.exists(redo) && Files.size(redo) > 0) {
            throw new StoreException(main + " is missing but " + redo + " holds a commit for it;"
                    + " restore " + main + " or move both away to start an empty store");
        }
        Path fresh = dir.resolve(NEW);
        Files.deleteIfExists(fresh);
        Files.deleteIfExists(dir.resolve(NEW + REDO));
        deleteScratch(dir, NEW + SCRATCH);
        DB db = make(fresh, new StoreVolumes(fresh, Path.of(fresh + REDO), new TreeMap<>(), Layout.NEW_SUMMED));
        try {
            Tables.create(db);
            db.commit();
        } finally {
            db.close();
        }
        Files.deleteIfExists(dir.resolve(NEW + REDO));
        Files.move(fresh, main, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(redo);
        syncDir(dir);
    }

    private static DB openExisting(Path main, StoreVolumes volumes) {
        try {
            return make(main, volumes);
        } catch (DBException.FileLocked e) {
            throw new StoreException(main + " is in use by another program", e);
        } catch (RuntimeException e) {
            throw damaged(main, e);
        }
    }

    /** Reads the first and last key of every collection, so a damaged file fails now, not later. */
    private static void probe(Tables t, Path main) {
        try {
            for (NavigableMap<?, ?> map : List.of(t.documents, t.names, t.atoms, t.runs, t.history,
                    t.devices, t.tokens, t.deviceNames, t.pairingCodes, t.meta)) {
                if (!map.isEmpty()) {
                    map.firstEntry();
                    map.lastEntry();
                }
            }
            if (!t.syncIndex.isEmpty()) {
                t.syncIndex.first();
                t.syncIndex.last();
            }
        } catch (RuntimeException e) {
            throw damaged(main, e);
        }
    }

    private static StoreException damaged(Path main, RuntimeException e) {
        return new StoreException(main + " is damaged and was left as it is (" + describe(e) + ");"
                + " restore it from a backup, or rebuild it from what can be read with weft repair-store", e);
    }

    /** The exception and its causes, by class and message: MapDB's I/O errors carry no message of their own. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(sb.length() == 0 ? "" : ", caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null && (t.getCause() == null || !t.getMessage().equals(t.getCause().toString()))) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    private static DB make(Path file, StoreVolumes volumes) {
        boolean exists = Files.exists(file);
        try {
            StoreWAL store = StoreWAL.make(file.toString(), volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT,
                    CC.PAGE_SIZE, 0L, false, false, false, true, false);
            return new DB(store, exists, true, StoreFiles.class.getClassLoader(), 0);
        } catch (RuntimeException e) {
            volumes.closeMain();
            throw e;
        }
    }

    private static void deleteScratch(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    static void syncDir(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some systems (Windows) cannot open a directory; the rename is then as durable as they make it
        }
    }

    private static void closeQuietly(DataDirLock lock, Exception cause) {
        try {
            lock.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
