package dev.weft.store;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The changes of one upsert to one document's runs, handed over in pid order: holds the run at or
 * before the pid handled last (one read and one write per run touched, however many of its atoms
 * change), splits a run when an atom arrives between two of its atoms, and appends to a run the
 * atom that continues it. {@link #finish} writes what is held.
 */
final class RunEdit {
    private final NavigableMap<byte[], byte[]> runs;
    private final byte[] document;
    /** The run at or before the last pid handled; null: none in the document. */
    private StoredRun current;
    private boolean changed;
    /** The first stored key after the last pid handled and after {@link #current}'s first; null: none. */
    private byte[] next;
    /** Whether {@link #current} and {@link #next} hold for pids before {@link #next}. */
    private boolean located;

    RunEdit(NavigableMap<byte[], byte[]> runs, byte[] document) {
        this.runs = runs;
        this.document = document;
    }

    /** Insert: a pid already present, alive or tombstone, stays as it is. True if the atom was added. */
    boolean insert(Pid pid, int codePoint, long time) {
        locate(pid);
        if (current != null && current.reaches(pid)) {
            if (current.indexOf(pid) >= 0) {
                return false;
            }
            split(pid);
        }
        add(pid, codePoint, time, StoredRun.ALIVE);
        return true;
    }

    /**
     * Inserts the whole of {@code run} when none of its pids is stored and no stored atom sorts
     * among them, as runs of up to {@link StoredRun#MAX} atoms (one put each; the first may continue
     * the stored run before it). Else does nothing and returns false: its atoms go one by one.
     */
    boolean insertNew(Run run, long time) {
        PidRange pids = run.pids();
        Pid first = pids.first();
        locate(first);
        if (current != null && current.reaches(first)
                || next != null && Arrays.compareUnsigned(next, Keys.atom(document, pids.last())) <= 0) {
            return false;
        }
        int k = 0;
        if (current != null && current.continuedBy(first)) {
            k = current.appendFrom(run, 0, time);
            changed = true;
        }
        while (k < run.count()) {
            finish();
            int n = Math.min(StoredRun.MAX, run.count() - k);
            current = StoredRun.of(run, k, n, time);
            changed = true;
            k += n;
        }
        return true;
    }

    /**
     * Delete at {@code time}: an alive atom becomes a tombstone that keeps its code point; an absent one is stored as a tombstone never
     * inserted, so that a late insert of it stays dead. True if anything changed.
     */
    boolean delete(Pid pid, long time) {
        locate(pid);
        if (current != null && current.reaches(pid)) {
            int k = current.indexOf(pid);
            if (k >= 0) {
                if (!current.isAlive(k)) {
                    return false;
                }
                current.delete(k, time);
                changed = true;
                return true;
            }
            split(pid);
        }
        add(pid, StoredRun.TOMBSTONE, StoredRun.NEVER, time);
        return true;
    }

    /** Writes the run held. */
    void finish() {
        if (current != null && changed) {
            runs.put(current.key(document), current.encode());
        }
        changed = false;
    }

    private void add(Pid pid, int codePoint, long time, long deleteTime) {
        if (current != null && current.continuedBy(pid)) {
            current.append(pid, codePoint, time, deleteTime);
        } else {
            finish();
            current = deleteTime == StoredRun.ALIVE ? StoredRun.single(pid, codePoint, time)
                    : StoredRun.deletedBeforeInsert(pid, deleteTime);
        }
        changed = true;
    }

    /** {@code pid} lies between two atoms of {@link #current}: the atoms after it become a run of their own. */
    private void split(Pid pid) {
        StoredRun tail = current.splitAt(current.countBefore(pid));
        changed = true;
        finish();
        byte[] tailKey = tail.key(document);
        runs.put(tailKey, tail.encode());
        next = tailKey;
    }

    private void locate(Pid pid) {
        byte[] key = Keys.atom(document, pid);
        if (located && (next == null || Arrays.compareUnsigned(key, next) < 0)) {
            return;
        }
        finish();
        Map.Entry<byte[], byte[]> floor = runs.floorEntry(key);
        current = floor != null && inDocument(floor.getKey()) ? StoredRun.decode(floor.getKey(), floor.getValue()) : null;
        byte[] higher = runs.higherKey(key);
        next = higher != null && inDocument(higher) ? higher : null;
        located = true;
    }

    private boolean inDocument(byte[] key) {
        return Arrays.equals(key, 0, Keys.DOCUMENT, document, 0, Keys.DOCUMENT);
    }
}
