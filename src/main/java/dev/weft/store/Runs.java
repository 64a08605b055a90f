package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.crdt.RunCollector;
import dev.weft.crdt.TextHistory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The atoms of every document as runs ({@link StoredRun}) with their insert times, and the op
 * history, as pid ranges, that makes a pull cost O(changed runs · log n) (docs/protocol.md §2 and
 * §4, docs/store.md).
 */
final class Runs {
    private final NavigableMap<byte[], byte[]> runs;
    private final NavigableMap<byte[], byte[]> history;
    /** Layout 1's atoms not migrated yet: a purge removes them too. */
    private final NavigableMap<byte[], byte[]> unmigrated;

    Runs(Tables tables) {
        this.runs = tables.runs;
        this.history = tables.history;
        this.unmigrated = tables.atoms;
    }

    /** Removes every atom, run and history entry of {@code document}: its text and history are gone. */
    void purge(UUID document) {
        byte[] doc = Keys.document(document);
        range(runs, doc).clear();
        range(history, doc).clear();
        range(unmigrated, doc).clear();
    }

    /**
     * Applies the inserts, then the deletes, of one change at {@code time}: an insert of a pid
     * present, alive or tombstone, changes nothing; a delete of an absent pid stores a tombstone
     * never inserted. Returns the pids that changed, as ranges, inserts first.
     */
    List<HistoryEntry.Range> apply(UUID document, List<Atom> inserts, List<Pid> deletes, long time) {
        return applyRuns(document, OpRuns.inserts(inserts), OpRuns.deletes(deletes), time);
    }

    /**
     * {@link #apply} of runs: {@code inserts} and {@code deletes} each in pid order, none starting
     * at or before the one before ends (as a run message holds them). A run none of whose pids is
     * stored, with no stored atom among them, is written whole (one put per {@link StoredRun#MAX}
     * atoms); any other goes atom by atom.
     */
    List<HistoryEntry.Range> applyRuns(UUID document, List<Run> inserts, List<PidRange> deletes, long time) {
        byte[] doc = Keys.document(document);
        List<HistoryEntry.Range> touched = new ArrayList<>();
        HistoryEntry.Kind[] kind = {HistoryEntry.Kind.INSERTED};
        RunCollector collector = new RunCollector(run -> touched(touched, run.pids(), kind[0], time),
                Integer.MAX_VALUE);
        RunEdit edit = new RunEdit(runs, doc);
        for (Run run : inserts) {
            if (run.count() > 1 && edit.insertNew(run, time)) { // a lone atom: one look-up either way
                collector.flush();
                touched(touched, run.pids(), HistoryEntry.Kind.INSERTED, time);
                continue;
            }
            for (int k = 0; k < run.count(); k++) {
                Pid pid = run.pids().pidAt(k);
                if (edit.insert(pid, run.codePointAt(k), time)) {
                    collector.add(pid, 0);
                }
            }
        }
        edit.finish();
        collector.flush();
        kind[0] = HistoryEntry.Kind.DELETED;
        edit = new RunEdit(runs, doc);
        for (PidRange range : deletes) {
            for (int k = 0; k < range.count(); k++) {
                Pid pid = range.pidAt(k);
                if (edit.delete(pid, time)) {
                    collector.add(pid, 0);
                }
            }
        }
        edit.finish();
        collector.flush();
        return touched;
    }

    /** Adds {@code pids} to {@code touched}, joined to the last range when it continues it. */
    private static void touched(List<HistoryEntry.Range> touched, PidRange pids, HistoryEntry.Kind kind, long time) {
        HistoryEntry.Range last = touched.isEmpty() ? null : touched.get(touched.size() - 1);
        PidRange joined = last != null && last.kind() == kind ? HistoryEntry.joined(last.pids(), pids) : null;
        if (joined != null) {
            touched.set(touched.size() - 1, new HistoryEntry.Range(joined, kind, time));
        } else {
            touched.add(new HistoryEntry.Range(pids, kind, time));
        }
    }

    /**
     * Records that the change of {@code time} touched {@code ranges} of {@code document}: folded
     * into the document's last entry, then keyed by {@code time}, when that entry is of one chunk
     * and stays small ({@link HistoryEntry#merge}); else as entries of its own.
     */
    void recordHistory(UUID document, long time, List<HistoryEntry.Range> ranges) {
        byte[] prefix = Keys.document(document);
        Map.Entry<byte[], byte[]> last = lastHistory(prefix);
        if (last != null && Keys.chunkOf(last.getKey()) == 0) {
            Optional<List<HistoryEntry.Range>> merged = HistoryEntry.merge(
                    HistoryEntry.unpack(last.getValue(), Keys.timeAt(last.getKey(), Keys.DOCUMENT)), ranges);
            if (merged.isPresent()) {
                history.remove(last.getKey());
                history.put(Keys.history(document, time, 0), HistoryEntry.pack(merged.get(), time));
                return;
            }
        }
        for (int from = 0, chunk = 0; from < ranges.size(); from += HistoryEntry.MAX_RANGES, chunk++) {
            List<HistoryEntry.Range> part = ranges.subList(from, Math.min(ranges.size(), from + HistoryEntry.MAX_RANGES));
            history.put(Keys.history(document, time, chunk), HistoryEntry.pack(part, time));
        }
    }

    /**
     * What a device of {@code site} that is current to {@code since} lacks of {@code document}: the
     * atoms inserted after {@code since} and still alive, and the atoms deleted after {@code since}
     * that it may hold (inserted at or before {@code since}, or made by {@code site}); both in pid
     * order. Reads the op history after {@code since}, or, when that covers the whole document, the
     * document's runs in order.
     */
    DocumentChanges changes(UUID id, DocumentRecord document, long since, int site) {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        if (since >= 0 && since != Long.MAX_VALUE) {
            byte[] prefix = Keys.document(id);
            if (!historyCovers(id, document, since)) {
                for (Map.Entry<byte[], byte[]> e : range(runs, prefix).entrySet()) {
                    StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
                    for (int k = 0; k < run.count(); k++) {
                        if (mayHaveChangedAfter(run, k, since)) {
                            classify(run, k, since, site, inserts, deletes);
                        }
                    }
                }
            } else {
                for (Touched t : touchedSince(prefix, id, since).values()) {
                    for (int k = t.atoms.nextSetBit(0); k >= 0; k = t.atoms.nextSetBit(k + 1)) {
                        if (t.changedAfter(k, since)) {
                            classify(t.run, k, since, site, inserts, deletes);
                        }
                    }
                }
            }
        }
        return new DocumentChanges(document.state(id), inserts, deletes);
    }

    /**
     * {@link #changes} for the atoms after {@code after} (null: from the start), about
     * {@code maxBytes} of answer at most (docs/server.md, "Big answers"). When the op history after
     * {@code since} is small it is read whole, in one window, exactly as {@link #changes}; else the
     * document's runs are scanned in pid order, and then a tombstone inserted at or before
     * {@code since} is sent whether or not its delete came after {@code since} (atoms keep no delete
     * time): a delete the device may already have, which changes nothing there.
     * {@code everyDelete}: every tombstone in range is sent (a catch-up after windows read at later
     * times, which may have brought atoms inserted after {@code since}).
     */
    ChangesWindow window(UUID id, DocumentRecord document, long since, int site, Pid after, int maxBytes,
            boolean everyDelete) {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        Pid last = window(id, document, since, site, after, maxBytes, everyDelete, new ChangeSink() {
            @Override
            public void insert(StoredRun run, int k) {
                inserts.add(new Atom(run.pidAt(k), run.codePointAt(k)));
            }

            @Override
            public void delete(StoredRun run, int k) {
                deletes.add(run.pidAt(k));
            }

            @Override
            public int size() {
                return inserts.size() + deletes.size();
            }
        });
        return new ChangesWindow(new DocumentChanges(document.state(id), inserts, deletes), last);
    }

    /**
     * {@link #window} as runs: the same changes, the inserts as runs and the deletes as pid ranges,
     * each in pid order; no object per atom.
     */
    RunsWindow runsWindow(UUID id, DocumentRecord document, long since, int site, Pid after, int maxBytes,
            boolean everyDelete) {
        List<Run> inserts = new ArrayList<>();
        List<PidRange> deletes = new ArrayList<>();
        RunCollector insertRuns = new RunCollector(inserts::add, Integer.MAX_VALUE);
        RunCollector deleteRanges = new RunCollector(run -> deletes.add(run.pids()), Integer.MAX_VALUE);
        int[] size = {0};
        long[] scratch = new long[Pid.MAX_DEPTH];
        Pid last = window(id, document, since, site, after, maxBytes, everyDelete, new ChangeSink() {
            @Override
            public void insert(StoredRun run, int k) {
                run.visitAt(k, run.codePointAt(k), insertRuns, scratch);
                size[0]++;
            }

            @Override
            public void delete(StoredRun run, int k) {
                run.visitAt(k, StoredRun.TOMBSTONE, deleteRanges, scratch);
                size[0]++;
            }

            @Override
            public int size() {
                return size[0];
            }
        });
        insertRuns.flush();
        deleteRanges.flush();
        return new RunsWindow(document.state(id), inserts, deletes, last);
    }

    /** Where a window's reads hand the atoms it sends: atom {@code k} of a stored run. */
    private interface ChangeSink {
        void insert(StoredRun run, int k);

        void delete(StoredRun run, int k);

        /** How many were handed over. */
        int size();
    }

    /** Hands the window's changes to {@code out} in pid order; returns the window's last pid (null: the end). */
    private Pid window(UUID id, DocumentRecord document, long since, int site, Pid after, int maxBytes,
            boolean everyDelete, ChangeSink out) {
        Pid last = null;
        if (since >= 0 && since != Long.MAX_VALUE) {
            byte[] prefix = Keys.document(id);
            if (historyCovers(id, document, since) && historyFits(id, prefix, since, maxBytes)) {
                for (Touched t : touchedSince(prefix, id, since).values()) {
                    for (int k = t.atoms.nextSetBit(0); k >= 0; k = t.atoms.nextSetBit(k + 1)) {
                        if (after != null && t.run.pidAt(k).compareTo(after) <= 0 || !t.changedAfter(k, since)) {
                            continue;
                        }
                        if (everyDelete && !t.run.isAlive(k)) {
                            out.delete(t.run, k);
                        } else {
                            classify(t.run, k, since, site, out);
                        }
                    }
                }
            } else {
                byte[] from = prefix;
                if (after != null) {
                    byte[] afterKey = Keys.atom(id, after);
                    byte[] floor = runs.floorKey(afterKey);
                    from = floor != null && Arrays.compareUnsigned(floor, prefix) >= 0 ? floor : afterKey;
                }
                byte[] to = Keys.afterPrefix(prefix);
                NavigableMap<byte[], byte[]> range = to == null ? runs.tailMap(from, true)
                        : runs.subMap(from, true, to, false);
                long budget = maxBytes;
                StoredRun lastRun = null; // the window's last atom: its pid made once, at the end
                int lastK = 0;
                scan:
                for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
                    StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
                    int k = after == null ? 0 : run.countBefore(after);
                    if (k < run.count() && after != null && run.pidAt(k).equals(after)) {
                        k++;
                    }
                    for (; k < run.count(); k++) {
                        if (budget <= 0) {
                            break scan;
                        }
                        int before = out.size();
                        boolean alive = run.isAlive(k);
                        if (alive ? run.timeAt(k) > since : everyDelete) {
                            if (alive) {
                                out.insert(run, k);
                            } else {
                                out.delete(run, k);
                            }
                        } else if (!alive) {
                            classify(run, k, since, site, out);
                        }
                        // scanning costs too: an atom not sent counts as a few bytes
                        budget -= out.size() > before ? 7 + Keys.PAIR * run.depth() : 8;
                        lastRun = run;
                        lastK = k;
                    }
                }
                // null when the scan reached the end of the document
                last = budget > 0 || lastRun == null ? null : lastRun.pidAt(lastK);
            }
        }
        return last;
    }

    /** Every atom of {@code document} in pid order with its times: what its history is rebuilt from. */
    TextHistory textHistory(UUID document) {
        TextHistory.Builder history = TextHistory.builder();
        for (Map.Entry<byte[], byte[]> e : range(runs, Keys.document(document)).entrySet()) {
            StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
            int site = run.first().site();
            for (int k = 0; k < run.count(); k++) {
                long deleted = run.deleteTimeAt(k);
                history.add(run.codePointAt(k), site, run.timeAt(k),
                        deleted == StoredRun.DELETED_UNKNOWN ? TextHistory.UNKNOWN : deleted);
            }
        }
        return history.build();
    }

    /**
     * Forgets the text of {@code document}'s atoms deleted before {@code before} ({@code
     * --history-days}): they stay tombstones with neither character nor delete time, so the
     * history before then no longer shows them. Returns how many atoms it forgot.
     */
    int forgetDeletedBefore(UUID document, long before) {
        int forgotten = 0;
        List<StoredRun> changed = new ArrayList<>();
        byte[] doc = Keys.document(document);
        for (Map.Entry<byte[], byte[]> e : range(runs, doc).entrySet()) {
            StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
            int here = 0;
            for (int k = 0; k < run.count(); k++) {
                long deleted = run.deleteTimeAt(k);
                if (deleted != StoredRun.ALIVE && deleted != StoredRun.DELETED_UNKNOWN && deleted < before) {
                    run.forget(k);
                    here++;
                }
            }
            if (here > 0) {
                changed.add(run);
                forgotten += here;
            }
        }
        for (StoredRun run : changed) {
            runs.put(run.key(doc), run.encode());
        }
        return forgotten;
    }

    /**
     * Removes {@code document}'s history entries of changes before {@code before} ({@code
     * --history-days}) and notes the last time they held: a pull from before it scans the runs
     * instead ({@link #historyCovers}). Returns how many entries it removed.
     */
    int pruneHistoryBefore(UUID document, long before) {
        NavigableMap<byte[], byte[]> old = history.subMap(Keys.historyFrom(document, 1), true,
                Keys.historyFrom(document, Math.max(1, before)), false);
        if (old.isEmpty()) {
            return 0;
        }
        long through = Math.max(prunedThrough(document), Keys.timeAt(old.lastKey(), Keys.DOCUMENT));
        int removed = old.size();
        old.clear();
        history.put(prunedKey(document), ByteBuffer.allocate(Long.BYTES).putLong(through).array());
        return removed;
    }

    /** Whether the history entries hold every change after {@code since}: not before the note's creation or a prune. */
    private boolean historyCovers(UUID id, DocumentRecord document, long since) {
        return since >= document.created() && since >= prunedThrough(id);
    }

    /** The last time of the history entries pruned ({@link #pruneHistoryBefore}); 0 if none. */
    private long prunedThrough(UUID document) {
        byte[] mark = history.get(prunedKey(document));
        return mark == null ? 0 : ByteBuffer.wrap(mark).getLong();
    }

    /**
     * The key of a document's prune mark: time 0 sorts before every change, so no read of the
     * changes after a time sees it, and chunk 1 keeps changes from being folded into it.
     */
    private static byte[] prunedKey(UUID document) {
        return Keys.history(document, 0, 1);
    }

    /** How many deleted characters the store keeps the text of, and in how many documents. O(store). */
    long[] deletedTextKept() {
        long characters = 0;
        long documents = 0;
        byte[] lastDocument = null;
        for (Map.Entry<byte[], byte[]> e : runs.entrySet()) {
            if (e.getValue().length == 0 || e.getValue()[0] != 0) {
                continue; // a run without deletes is written without delete times
            }
            StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
            int here = 0;
            for (int k = 0; k < run.count(); k++) {
                here += !run.isAlive(k) && run.codePointAt(k) != StoredRun.TOMBSTONE
                        && run.deleteTimeAt(k) != StoredRun.DELETED_UNKNOWN ? 1 : 0;
            }
            if (here > 0) {
                characters += here;
                if (lastDocument == null || !Arrays.equals(e.getKey(), 0, Keys.DOCUMENT, lastDocument, 0, Keys.DOCUMENT)) {
                    documents++;
                    lastDocument = Arrays.copyOf(e.getKey(), Keys.DOCUMENT);
                }
            }
        }
        return new long[] {characters, documents};
    }

    /** The document's last history entry, or null. */
    private Map.Entry<byte[], byte[]> lastHistory(byte[] prefix) {
        byte[] to = Keys.afterPrefix(prefix);
        Map.Entry<byte[], byte[]> last = to == null ? history.lastEntry() : history.lowerEntry(to);
        return last != null && Arrays.equals(last.getKey(), 0, Keys.DOCUMENT, prefix, 0, Keys.DOCUMENT) ? last : null;
    }

    /** Whether the history after {@code since} touches few enough atoms to answer in one window. */
    private boolean historyFits(UUID id, byte[] prefix, long since, int maxBytes) {
        long atoms = Math.max(Keys.CHUNK, maxBytes / 16);
        long seen = 0;
        for (Map.Entry<byte[], byte[]> e : historyAfter(prefix, id, since).entrySet()) {
            for (HistoryEntry.Range range : HistoryEntry.unpack(e.getValue(), Keys.timeAt(e.getKey(), Keys.DOCUMENT))) {
                seen += range.time() > since ? range.pids().count() : 0;
                if (seen > atoms) {
                    return false;
                }
            }
        }
        return true;
    }

    private NavigableMap<byte[], byte[]> historyAfter(byte[] prefix, UUID id, long since) {
        byte[] from = Keys.historyFrom(id, since + 1);
        byte[] to = Keys.afterPrefix(prefix);
        return to == null ? history.tailMap(from, true) : history.subMap(from, true, to, false);
    }

    /**
     * A stored run, which of its atoms changes after some time touched ({@code atoms}), and which of
     * those only an insert range did ({@code insertedOnly}): an insert range joined over several
     * changes holds atoms of changes before that time too.
     */
    private record Touched(StoredRun run, BitSet atoms, BitSet insertedOnly) {
        /** Whether atom {@code k} changed after {@code since}: an atom only inserted, if inserted after it. */
        boolean changedAfter(int k, long since) {
            return !insertedOnly.get(k) || run.timeAt(k) > since;
        }
    }

    /** The atoms changed after {@code since}, by run, each once, the runs in pid order. */
    private NavigableMap<byte[], Touched> touchedSince(byte[] prefix, UUID id, long since) {
        NavigableMap<byte[], Touched> touched = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<byte[], byte[]> e : historyAfter(prefix, id, since).entrySet()) {
            for (HistoryEntry.Range range : HistoryEntry.unpack(e.getValue(), Keys.timeAt(e.getKey(), Keys.DOCUMENT))) {
                if (range.time() > since) {
                    mark(prefix, range.pids(), range.kind() == HistoryEntry.Kind.INSERTED, touched);
                }
            }
        }
        return touched;
    }

    /**
     * Marks the stored atoms of {@code range}: in the runs from the one at its first pid to its last
     * pid; {@code inserted}: by an insert range (an atom another range marks stays marked as that).
     */
    private void mark(byte[] prefix, PidRange range, boolean inserted, NavigableMap<byte[], Touched> touched) {
        Pid first = range.first();
        byte[] firstKey = Keys.atom(prefix, first);
        byte[] lastKey = Keys.atom(prefix, range.last());
        byte[] floor = runs.floorKey(firstKey);
        byte[] from = floor != null && Arrays.compareUnsigned(floor, prefix) >= 0 ? floor : firstKey;
        for (Map.Entry<byte[], byte[]> e : runs.subMap(from, true, lastKey, true).entrySet()) {
            Touched t = touched.get(e.getKey());
            StoredRun run = t != null ? t.run : StoredRun.decode(e.getKey(), e.getValue());
            for (int k = run.countBefore(first); k < run.count(); k++) {
                Pid pid = run.pidAt(k);
                if (pid.compareTo(range.last()) > 0) {
                    break;
                }
                if (range.contains(pid)) {
                    if (t == null) {
                        t = new Touched(run, new BitSet(run.count()), new BitSet(run.count()));
                        touched.put(e.getKey(), t);
                    }
                    if (!t.atoms.get(k)) {
                        t.insertedOnly.set(k, inserted);
                    } else if (!inserted) {
                        t.insertedOnly.clear(k);
                    }
                    t.atoms.set(k);
                }
            }
        }
    }

    /**
     * Alive: inserted after {@code since} (every atom the caller passes was touched after it).
     * Tombstone: deleted after {@code since}; sent if the device may hold it.
     */
    private static void classify(StoredRun run, int k, long since, int site, List<Atom> inserts, List<Pid> deletes) {
        if (run.isAlive(k)) {
            inserts.add(new Atom(run.pidAt(k), run.codePointAt(k)));
        } else if (sendsDelete(run, k, since, site)) {
            deletes.add(run.pidAt(k));
        }
    }

    private static void classify(StoredRun run, int k, long since, int site, ChangeSink out) {
        if (run.isAlive(k)) {
            out.insert(run, k);
        } else if (sendsDelete(run, k, since, site)) {
            out.delete(run, k);
        }
    }

    /** Whether atom {@code k} was inserted, or may have been deleted, after {@code since} (by its times in the run). */
    private static boolean mayHaveChangedAfter(StoredRun run, int k, long since) {
        if (run.isAlive(k)) {
            return run.timeAt(k) > since;
        }
        long deleted = run.deleteTimeAt(k);
        return deleted == StoredRun.DELETED_UNKNOWN || deleted > since;
    }

    /** A tombstone's delete goes to a device that may hold the atom: inserted at or before {@code since}, or its own. */
    private static boolean sendsDelete(StoredRun run, int k, long since, int site) {
        long inserted = run.timeAt(k);
        return (inserted != StoredRun.NEVER && inserted <= since) || run.pidAt(k).site() == site;
    }

    private static NavigableMap<byte[], byte[]> range(NavigableMap<byte[], byte[]> map, byte[] prefix) {
        byte[] to = Keys.afterPrefix(prefix);
        return to == null ? map.tailMap(prefix, true) : map.subMap(prefix, true, to, false);
    }
}
