package dev.weft.store;

import java.util.NavigableMap;
import java.util.NavigableSet;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * The named MapDB collections of one store file; key layouts in {@link Keys}, values in the
 * {@code *Record} classes. Every other class sees them as {@code java.util} maps and sets.
 */
final class Tables {
    /** The layout of the file: 2 keeps atoms as runs; a file of 1 is migrated at open ({@link RunMigration}). */
    static final long SCHEMA = 2;
    /** Runs in one B-tree node of {@code runs}: ~2.2 KiB of 256-atom runs, rewritten whole by a change to one. */
    static final int RUNS_NODE = 8;
    /** The layout before runs: one entry of {@code atoms} per atom. */
    static final long ATOMS_SCHEMA = 1;

    /** Document id → {@link DocumentRecord}; also the document → sync time half of the index. */
    final NavigableMap<byte[], byte[]> documents;
    /** {@link NameKey} of a name → id of the document not in the trash that holds it. */
    final NavigableMap<String, byte[]> names;
    /** {@code sync time | document}: the synclist order. */
    final NavigableSet<byte[]> syncIndex;
    /** {@code document | pid} → {@link AtomRecord}: atoms of a store of layout 1 not yet migrated; empty after. */
    final NavigableMap<byte[], byte[]> atoms;
    /**
     * {@code document | first pid} → {@link StoredRun}; keys delta-compressed within a node of
     * {@link #RUNS_NODE} runs (a store made before keeps nodes of 32: MapDB reads that from its catalog).
     */
    final NavigableMap<byte[], byte[]> runs;
    /** {@code document | sync time | chunk} → {@link HistoryEntry}: the atoms changes touched. */
    final NavigableMap<byte[], byte[]> history;
    /** Site → {@link DeviceRecord}. */
    final NavigableMap<Integer, byte[]> devices;
    /** SHA-256 of a device token → site. */
    final NavigableMap<byte[], Integer> tokens;
    /** {@link NameKey} of a device name → site of the device not revoked that holds it. */
    final NavigableMap<String, Integer> deviceNames;
    /** Hash of a pairing code → expiry, microseconds since the epoch. */
    final NavigableMap<byte[], Long> pairingCodes;
    /** {@code path | 0x0A | version u64} → {@link FileVersion}: the kept versions of the files ({@link FileVersions}). */
    final NavigableMap<byte[], byte[]> fileVersions;
    /** Sync time → path, for each path's newest version only: the files' list order. */
    final NavigableMap<Long, String> fileTimes;
    /** {@link NameKey} of a path → the path whose newest version is not a delete. */
    final NavigableMap<String, String> fileNames;
    /** SHA-256 of a chunk → {@code refs u64 | length u32}: the kept versions that reference it. */
    final NavigableMap<byte[], byte[]> fileChunks;
    /** Counters: {@code schema}, {@code lastSyncTime}, {@code lastSite}. */
    final NavigableMap<String, Long> meta;

    private Tables(DB db, boolean create) {
        documents = map(db.treeMap("documents", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY), create);
        names = map(db.treeMap("names", Serializer.STRING, Serializer.BYTE_ARRAY), create);
        syncIndex = make(db.treeSet("syncIndex", Serializer.BYTE_ARRAY), create);
        atoms = map(db.treeMap("atoms", Serializer.BYTE_ARRAY_DELTA, Serializer.BYTE_ARRAY), create);
        // new in layout 2; nodes of 8 runs: every change to a run rewrites its node, and MapDB reuses
        // freed space only for records of the same size class (docs/store.md, "Size")
        runs = db.treeMap("runs", Serializer.BYTE_ARRAY_DELTA, Serializer.BYTE_ARRAY).maxNodeSize(RUNS_NODE)
                .createOrOpen();
        history = map(db.treeMap("history", Serializer.BYTE_ARRAY_DELTA, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable(), create);
        devices = map(db.treeMap("devices", Serializer.INTEGER, Serializer.BYTE_ARRAY), create);
        tokens = map(db.treeMap("tokens", Serializer.BYTE_ARRAY, Serializer.INTEGER), create);
        deviceNames = map(db.treeMap("deviceNames", Serializer.STRING, Serializer.INTEGER), create);
        pairingCodes = map(db.treeMap("pairingCodes", Serializer.BYTE_ARRAY, Serializer.LONG), create);
        meta = map(db.treeMap("meta", Serializer.STRING, Serializer.LONG), create);
        // new with files (docs/protocol.md §11): an older file gets them empty
        fileVersions = db.treeMap("fileVersions", Serializer.BYTE_ARRAY_DELTA, Serializer.BYTE_ARRAY).createOrOpen();
        fileTimes = db.treeMap("fileTimes", Serializer.LONG, Serializer.STRING).createOrOpen();
        fileNames = db.treeMap("fileNames", Serializer.STRING, Serializer.STRING).createOrOpen();
        fileChunks = db.treeMap("fileChunks", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen();
    }

    /** Creates the collections in a new, empty file (the caller commits). */
    static Tables create(DB db) {
        Tables tables = new Tables(db, true);
        tables.meta.put("schema", SCHEMA);
        return tables;
    }

    /** Opens the collections of an existing file, refusing one that is not a Weft store of this schema. */
    static Tables open(DB db, String file) {
        if (!db.exists("meta") || !db.exists("atoms")) {
            throw new StoreException(file + " is not a Weft store");
        }
        Tables tables = new Tables(db, false);
        Long schema = tables.meta.get("schema");
        if (schema == null || (schema != SCHEMA && schema != ATOMS_SCHEMA)) {
            throw new StoreException(file + " has store layout " + schema + ", this Weft reads layout " + SCHEMA);
        }
        return tables;
    }

    private static <K, V> NavigableMap<K, V> map(DB.TreeMapMaker<K, V> maker, boolean create) {
        return create ? maker.create() : maker.open();
    }

    private static <E> NavigableSet<E> make(DB.TreeSetMaker<E> maker, boolean create) {
        return create ? maker.create() : maker.open();
    }
}
