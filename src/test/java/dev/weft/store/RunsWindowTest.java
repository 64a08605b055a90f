package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/** A window read as runs ({@link Runs#runsWindow}) holds exactly the atoms and deletes of the window read as atoms. */
class RunsWindowTest {
    private static final UUID DOC = new UUID(6, 6);
    private final DB db = DBMaker.memoryDB().make();
    private final Runs runs = new Runs(Tables.create(db));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void runsHoldWhatAtomsDo() {
        SplittableRandom random = new SplittableRandom(6);
        long time = 0;
        List<Pid> present = new ArrayList<>();
        for (int change = 0; change < 120; change++) {
            time++;
            List<Atom> inserts = new ArrayList<>();
            int site = 1 + random.nextInt(3);
            long start = 1 + random.nextInt(5_000);
            long stride = 1 + random.nextInt(2);
            for (int k = random.nextInt(400); k >= 0; k--) {
                Pid pid = Pid.single(site, start + k * stride);
                inserts.add(new Atom(pid, 'a' + random.nextInt(26)));
                present.add(pid);
            }
            List<Pid> deletes = new ArrayList<>();
            for (int d = random.nextInt(3) == 0 ? random.nextInt(100) : 0; d > 0; d--) {
                deletes.add(present.get(random.nextInt(present.size())));
            }
            runs.recordHistory(DOC, time, runs.apply(DOC, inserts, deletes, time));
        }
        DocumentRecord record = new DocumentRecord("d", false, time, 1, 1);
        for (int trial = 0; trial < 40; trial++) {
            long since = random.nextInt((int) time + 1);
            int site = 1 + random.nextInt(3);
            int maxBytes = random.nextBoolean() ? 1 << 20 : 200 + random.nextInt(4_000); // small: scans in windows
            boolean everyDelete = random.nextInt(4) == 0;
            Pid after = null;
            do {
                ChangesWindow atoms = runs.window(DOC, record, since, site, after, maxBytes, everyDelete);
                RunsWindow asRuns = runs.runsWindow(DOC, record, since, site, after, maxBytes, everyDelete);
                assertThat(asRuns.last()).isEqualTo(atoms.last());
                List<Atom> inserted = new ArrayList<>();
                asRuns.inserts().forEach(r -> inserted.addAll(r.atoms()));
                assertThat(inserted).isEqualTo(atoms.changes().inserts());
                List<Pid> deleted = new ArrayList<>();
                for (PidRange range : asRuns.deletes()) {
                    for (int k = 0; k < range.count(); k++) {
                        deleted.add(range.pidAt(k));
                    }
                }
                assertThat(deleted).isEqualTo(atoms.changes().deletes());
                assertThat(asRuns.inserts().size()).isLessThanOrEqualTo(Math.max(1, inserted.size()));
                after = atoms.last();
            } while (after != null);
        }
    }

    /** A document typed in one go is read back as the runs it went in as. */
    @Test
    void aPastedNoteIsOneRunOnTheWayOut() {
        int[] text = new int[3_000];
        java.util.Arrays.fill(text, 'x');
        Run pasted = new Run(new PidRange(Pid.single(2, 1), 3, text.length), text);
        runs.recordHistory(DOC, 1, runs.applyRuns(DOC, List.of(pasted), List.of(), 1));
        DocumentRecord record = new DocumentRecord("d", false, 1, 1, 1);
        assertThat(runs.runsWindow(DOC, record, 0, 9, null, 1 << 20, false).inserts()).containsExactly(pasted);
    }
}
