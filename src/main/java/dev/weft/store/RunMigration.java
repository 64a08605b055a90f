package dev.weft.store;

import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mapdb.DB;

/**
 * Moves the atoms of a store written before runs (layout 1: one {@code atoms} entry per atom) into
 * {@code runs}, at open, in commits of {@value #STEP} atoms: each step writes the runs of the first
 * atoms left and removes those atoms, so a process killed between two steps goes on where it
 * stopped at the next open. The op history needs nothing: its entries read as ranges of one pid
 * ({@link Keys#unpackRanges}). The layout becomes 2 once {@code atoms} is empty.
 */
final class RunMigration {
    /** Atoms moved in one commit: MapDB's write-ahead log stays in memory. */
    static final int STEP = 50_000;

    private RunMigration() {
    }

    /** Migrates what is left, if anything; commits each step. */
    static void migrate(DB db, Tables tables) {
        while (!tables.atoms.isEmpty()) {
            step(tables, STEP);
            db.commit();
        }
        if (tables.meta.get("schema") != Tables.SCHEMA) {
            tables.meta.put("schema", Tables.SCHEMA);
            db.commit();
        }
    }

    /** Moves the first {@code atoms} atoms left into runs (the caller commits). */
    static void step(Tables tables, int atoms) {
        List<byte[]> moved = new ArrayList<>(Math.min(atoms, STEP));
        byte[] document = null;
        StoredRun run = null;
        Iterator<Map.Entry<byte[], byte[]>> left = tables.atoms.entrySet().iterator();
        while (left.hasNext() && moved.size() < atoms) {
            Map.Entry<byte[], byte[]> e = left.next();
            byte[] key = e.getKey();
            Pid pid = Keys.pidAt(key, Keys.DOCUMENT);
            AtomRecord atom = AtomRecord.decode(e.getValue());
            int codePoint = atom.isAlive() ? atom.codePoint() : StoredRun.TOMBSTONE;
            boolean sameDocument = document != null && Arrays.equals(key, 0, Keys.DOCUMENT, document, 0, Keys.DOCUMENT);
            if (sameDocument && run.continuedBy(pid)) {
                run.append(pid, codePoint, atom.insertTime(),
                        atom.isAlive() ? StoredRun.ALIVE : StoredRun.DELETED_UNKNOWN);
            } else {
                if (run != null) {
                    tables.runs.put(run.key(document), run.encode());
                }
                document = Arrays.copyOf(key, Keys.DOCUMENT);
                run = StoredRun.migrated(pid, codePoint, atom.insertTime());
            }
            moved.add(key);
        }
        if (run != null) {
            tables.runs.put(run.key(document), run.encode());
        }
        for (byte[] key : moved) {
            tables.atoms.remove(key);
        }
    }
}
