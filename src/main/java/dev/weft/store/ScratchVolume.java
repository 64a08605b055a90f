package dev.weft.store;

import org.mapdb.volume.Volume;

/**
 * A file for MapDB's write-ahead log, kept only as scratch space for an open transaction.
 *
 * <p>MapDB 3.1.0 writes a transaction's records there and copies them into the main file on
 * commit, but never replays the log when it opens a store, so syncing it to disk buys nothing:
 * {@link AtomicVolume} makes commits crash-safe instead. On disk rather than in memory so that a
 * large transaction does not have to fit in the heap.
 */
final class ScratchVolume extends ForwardingVolume {
    ScratchVolume(Volume inner) {
        super(inner);
    }

    @Override
    public void sync() {
        // scratch: nothing in it is ever read after a crash
    }
}
