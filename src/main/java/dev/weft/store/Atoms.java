package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The atoms of every document with their insert times, and the op history that makes a pull cost
 * O(changes · log n) (docs/protocol.md §2 and §4).
 */
final class Atoms {
    private final NavigableMap<byte[], byte[]> atoms;
    private final NavigableMap<byte[], byte[]> history;

    Atoms(Tables tables) {
        this.atoms = tables.atoms;
        this.history = tables.history;
    }

    /** Insert: a pid already present, alive or tombstone, stays as it is. True if the atom was added. */
    boolean insert(UUID document, Atom atom, long time) {
        return atoms.putIfAbsent(Keys.atom(document, atom.pid()), AtomRecord.alive(time, atom.codePoint()).encode())
                == null;
    }

    /**
     * Delete: an alive atom becomes a tombstone; an absent one is recorded as a tombstone, so that a
     * late insert of it stays dead. True if anything changed.
     */
    boolean delete(UUID document, Pid pid) {
        byte[] key = Keys.atom(document, pid);
        byte[] bytes = atoms.get(key);
        long inserted = AtomRecord.NEVER;
        if (bytes != null) {
            AtomRecord atom = AtomRecord.decode(bytes);
            if (!atom.isAlive()) {
                return false;
            }
            inserted = atom.insertTime();
        }
        atoms.put(key, AtomRecord.tombstone(inserted).encode());
        return true;
    }

    /** Records that the change of {@code time} touched {@code pids} of {@code document}. */
    void recordHistory(UUID document, long time, List<Pid> pids) {
        for (int from = 0, chunk = 0; from < pids.size(); from += Keys.CHUNK, chunk++) {
            List<Pid> part = pids.subList(from, Math.min(pids.size(), from + Keys.CHUNK));
            history.put(Keys.history(document, time, chunk), Keys.packPids(part));
        }
    }

    /**
     * What a device of {@code site} that is current to {@code since} lacks of {@code document}: the
     * atoms inserted after {@code since} and still alive, and the atoms deleted after {@code since}
     * that it may hold (inserted at or before {@code since}, or made by {@code site}); both in pid
     * order. Reads the op history after {@code since}, or, when that covers the whole document, the
     * document's atoms in order.
     */
    DocumentChanges changes(UUID id, DocumentRecord document, long since, int site) {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        if (since >= 0 && since != Long.MAX_VALUE) {
            byte[] prefix = Keys.document(id);
            if (since < document.created()) {
                for (Map.Entry<byte[], byte[]> e : range(atoms, prefix).entrySet()) {
                    classify(Keys.pidAt(e.getKey(), Keys.DOCUMENT), AtomRecord.decode(e.getValue()), since, site,
                            inserts, deletes);
                }
            } else {
                for (byte[] key : touchedSince(id, prefix, since)) {
                    classify(Keys.pidAt(key, Keys.DOCUMENT), AtomRecord.decode(atoms.get(key)), since, site,
                            inserts, deletes);
                }
            }
        }
        return new DocumentChanges(document.state(id), inserts, deletes);
    }

    /** The keys of the atoms changed after {@code since}, each once, in pid order. */
    private NavigableSet<byte[]> touchedSince(UUID id, byte[] prefix, long since) {
        NavigableSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
        byte[] from = Keys.historyFrom(id, since + 1);
        byte[] to = Keys.afterPrefix(prefix);
        NavigableMap<byte[], byte[]> changes = to == null ? history.tailMap(from, true) : history.subMap(from, true, to, false);
        for (byte[] packed : changes.values()) {
            keys.addAll(Keys.atomKeys(prefix, packed));
        }
        return keys;
    }

    /**
     * Alive: inserted after {@code since} (every atom the caller passes was touched after it).
     * Tombstone: deleted after {@code since}; sent if the device may hold it.
     */
    private static void classify(Pid pid, AtomRecord atom, long since, int site, List<Atom> inserts,
            List<Pid> deletes) {
        if (atom.isAlive()) {
            inserts.add(new Atom(pid, atom.codePoint()));
        } else if ((atom.insertTime() != AtomRecord.NEVER && atom.insertTime() <= since) || pid.site() == site) {
            deletes.add(pid);
        }
    }

    private static NavigableMap<byte[], byte[]> range(NavigableMap<byte[], byte[]> map, byte[] prefix) {
        byte[] to = Keys.afterPrefix(prefix);
        return to == null ? map.tailMap(prefix, true) : map.subMap(prefix, true, to, false);
    }
}
