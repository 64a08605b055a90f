package dev.weft.store;

import java.util.Iterator;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.Store;

/**
 * How much of the store file its records fill, and when the rest is worth a compaction. MapDB gives no
 * free space back: a freed record is reused only by one of the same 16-byte size class, so a history
 * of small edits (each rewrites B-tree nodes) leaves most of the file free (docs/store.md, "Size").
 */
final class StoreSpace {
    /** Page 0 (MapDB's header and the first record index): every store's file has it. */
    static final long FIXED = 1L << 20;
    /** Free space below this is never worth a rewrite. */
    static final long MIN_FREE = 2L << 20;

    private StoreSpace() {}

    /**
     * Bytes the live records take: each record rounded up to MapDB's 16-byte size classes, plus its
     * 8-byte index slot. Reads every record once (the open's page scan reads the whole file already).
     */
    static long recordBytes(DB db) {
        Store store = db.getStore();
        long bytes = 0;
        Iterator<Long> recids = store.getAllRecids(); // Kotlin's LongIterator, read as Java's: store uses MapDB only
        while (recids.hasNext()) {
            byte[] record = store.get(recids.next(), Serializer.BYTE_ARRAY_NOSIZE);
            bytes += 8 + (record == null ? 0 : (record.length + 15) & ~15L);
        }
        return bytes;
    }

    /**
     * Whether a file of {@code fileBytes} holding {@code recordBytes} of records should be compacted: its
     * free space is at least {@link #MIN_FREE} and more than the records (over half the data pages),
     * which a fresh copy (its B-trees grown by splits) does not reach, so compactions do not repeat.
     */
    static boolean wasteful(long fileBytes, long recordBytes) {
        long free = fileBytes - FIXED - recordBytes;
        return free >= MIN_FREE && free > recordBytes;
    }
}
