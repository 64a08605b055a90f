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

    /**
     * {@link #changes} for the atoms after {@code after} (null: from the start), about
     * {@code maxBytes} of answer at most (docs/server.md, "Big answers"). When the op history after
     * {@code since} is small it is read whole, in one window, exactly as {@link #changes}; else the
     * document's atoms are scanned in pid order, and then a tombstone inserted at or before
     * {@code since} is sent whether or not its delete came after {@code since} (atoms keep no delete
     * time): a delete the device may already have, which changes nothing there.
     * {@code everyDelete}: every tombstone in range is sent (a catch-up after windows read at later
     * times, which may have brought atoms inserted after {@code since}).
     */
    ChangesWindow window(UUID id, DocumentRecord document, long since, int site, Pid after, int maxBytes,
            boolean everyDelete) {
        List<Atom> inserts = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        Pid last = null;
        if (since >= 0 && since != Long.MAX_VALUE) {
            byte[] prefix = Keys.document(id);
            byte[] from = after == null ? prefix : Keys.atom(id, after);
            if (since >= document.created() && historyFits(id, prefix, since, maxBytes)) {
                for (byte[] key : touchedSince(id, prefix, since).tailSet(from, after == null)) {
                    AtomRecord atom = AtomRecord.decode(atoms.get(key));
                    Pid pid = Keys.pidAt(key, Keys.DOCUMENT);
                    if (everyDelete && !atom.isAlive()) {
                        deletes.add(pid);
                    } else {
                        classify(pid, atom, since, site, inserts, deletes);
                    }
                }
            } else {
                byte[] to = Keys.afterPrefix(prefix);
                NavigableMap<byte[], byte[]> range = to == null ? atoms.tailMap(from, after == null)
                        : atoms.subMap(from, after == null, to, false);
                long budget = maxBytes;
                for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
                    if (budget <= 0) {
                        break;
                    }
                    Pid pid = Keys.pidAt(e.getKey(), Keys.DOCUMENT);
                    AtomRecord atom = AtomRecord.decode(e.getValue());
                    int before = inserts.size() + deletes.size();
                    if (atom.isAlive() ? atom.insertTime() > since : everyDelete) {
                        if (atom.isAlive()) {
                            inserts.add(new Atom(pid, atom.codePoint()));
                        } else {
                            deletes.add(pid);
                        }
                    } else if (!atom.isAlive()) {
                        classify(pid, atom, since, site, inserts, deletes);
                    }
                    // scanning costs too: an atom not sent counts as a few bytes
                    budget -= inserts.size() + deletes.size() > before ? 7 + Keys.PAIR * pid.depth() : 8;
                    last = pid;
                }
                if (budget > 0) {
                    last = null; // the scan reached the end of the document
                }
            }
        }
        return new ChangesWindow(new DocumentChanges(document.state(id), inserts, deletes), last);
    }

    /** Whether the history after {@code since} holds few enough pids to answer in one window. */
    private boolean historyFits(UUID id, byte[] prefix, long since, int maxBytes) {
        int chunks = Math.max(1, maxBytes / (Keys.CHUNK * 16));
        byte[] from = Keys.historyFrom(id, since + 1);
        byte[] to = Keys.afterPrefix(prefix);
        NavigableMap<byte[], byte[]> changes = to == null ? history.tailMap(from, true) : history.subMap(from, true, to, false);
        int seen = 0;
        for (byte[] ignored : changes.keySet()) {
            if (++seen > chunks) {
                return false;
            }
        }
        return true;
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
