package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/** How atoms lie in the {@code runs} map: appended, split, marked, each run at most {@link StoredRun#MAX}. */
class RunEditTest {
    private static final UUID DOC = new UUID(5, 5);
    private final DB db = DBMaker.memoryDB().make();
    private final Tables tables = Tables.create(db);
    private final Runs runs = new Runs(tables);
    private long time = 1;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void textAtOneStrideIsStoredAsFewRuns() {
        apply(typed(0, 1_000, 16, 'a'), List.of());
        assertThat(tables.runs).hasSize((1_000 + StoredRun.MAX - 1) / StoredRun.MAX);
        apply(typed(1_000, 1, 16, 'b'), List.of()); // the next keystroke joins the last run
        assertThat(tables.runs).hasSize((1_000 + StoredRun.MAX - 1) / StoredRun.MAX);
        assertThat(text()).hasSize(1_001).endsWith("ab");
    }

    @Test
    void anAtomBetweenTwoAtomsOfARunSplitsIt() {
        apply(typed(0, 10, 16, 'a'), List.of());
        Pid beneath = Pid.of(Pid.key(1, 1 + 16 * 4), Pid.key(2, 7)); // beneath atom 4: between atoms 4 and 5
        Pid between = Pid.single(3, 1 + 16 * 7 + 3); // another site's, between atoms 7 and 8
        apply(List.of(new Atom(beneath, 'X'), new Atom(between, 'Y')), List.of());
        assertThat(tables.runs).hasSize(5);
        assertThat(text()).isEqualTo("aaaaaXaaaYaa");
        apply(List.of(new Atom(beneath, 'Z')), List.of()); // present: nothing changes
        assertThat(text()).isEqualTo("aaaaaXaaaYaa");
    }

    @Test
    void deletesMarkTombstonesInsideTheRun() {
        List<Atom> typed = typed(0, 100, 4, 'a');
        apply(typed, List.of());
        List<Pid> deletes = new ArrayList<>();
        typed.subList(10, 60).forEach(a -> deletes.add(a.pid()));
        deletes.add(Pid.single(2, 5)); // before its insert: a tombstone of its own, between atoms 1 and 2
        assertThat(runs.apply(DOC, List.of(), deletes, ++time)).hasSize(2);
        assertThat(tables.runs).hasSize(3);
        assertThat(text()).hasSize(50);
        apply(List.of(new Atom(Pid.single(2, 5), 'z')), List.of()); // a late insert stays dead
        assertThat(text()).hasSize(50);
    }

    /** A lone atom costs the 11 bytes of its layout-1 record, 1 less below U+0080, 1 more from U+4000 on. */
    @Test
    void aLoneAtomCostsAboutWhatItDidBeforeRuns() {
        long now = 1_765_000_000_000_000L;
        assertThat(StoredRun.single(Pid.single(1, 7), 'a', now).encode()).hasSize(10);
        assertThat(StoredRun.single(Pid.single(1, 7), 'é', now).encode()).hasSize(11);
        StoredRun lone = StoredRun.single(Pid.single(1, 7), 0x10FFFF, now);
        assertThat(lone.encode()).hasSize(12);
        StoredRun back = StoredRun.decode(lone.key(Keys.document(DOC)), lone.encode());
        assertThat(back.toRun()).isEqualTo(lone.toRun());
        assertThat(back.timeAt(0)).isEqualTo(now);
    }

    /** Issue 16 §3: a tombstone keeps its character and gets the time of its delete. */
    @Test
    void aDeleteKeepsTheCodePointAndItsTime() {
        List<Atom> typed = typed(0, 10, 1, 'a');
        apply(typed, List.of());
        long inserted = time;
        apply(List.of(), List.of(typed.get(3).pid(), typed.get(4).pid()));
        long deletedAt = time;
        assertThat(text()).hasSize(8);
        StoredRun run = onlyRun();
        assertThat(run.isAlive(3)).isFalse();
        assertThat(run.codePointAt(3)).isEqualTo('a');
        assertThat(run.deleteTimeAt(3)).isEqualTo(deletedAt);
        assertThat(run.deleteTimeAt(5)).isEqualTo(StoredRun.ALIVE);
        assertThat(run.timeAt(3)).isEqualTo(inserted);
        assertThat(run.toRun().codePointAt(3)).isEqualTo(dev.weft.crdt.AtomVisitor.TOMBSTONE); // never sent
        apply(List.of(), List.of(typed.get(3).pid())); // a second delete changes nothing
        assertThat(onlyRun().deleteTimeAt(3)).isEqualTo(deletedAt);
    }

    /** A run without deletes costs what it did; one with a delete pays the version byte and its segments. */
    @Test
    void deleteTimesCostLittleAndValuesWrittenBeforeThemStillRead() {
        StoredRun lone = StoredRun.single(Pid.single(1, 7), 'a', 1_765_000_000_000_000L);
        byte[] before = lone.encode();
        assertThat(before).hasSize(10);
        lone.delete(0, 1_765_000_000_500_000L);
        byte[] after = lone.encode();
        assertThat(after[0]).isEqualTo((byte) 0);
        StoredRun back = StoredRun.decode(lone.key(Keys.document(DOC)), after);
        assertThat(back.codePointAt(0)).isEqualTo('a');
        assertThat(back.deleteTimeAt(0)).isEqualTo(1_765_000_000_500_000L);
        // a tombstone as the store wrote it before delete times: code point + 1 = 0, then its time
        byte[] old = {1, 0, 2};
        StoredRun oldTombstone = StoredRun.decode(lone.key(Keys.document(DOC)), old);
        assertThat(oldTombstone.isAlive(0)).isFalse();
        assertThat(oldTombstone.codePointAt(0)).isEqualTo(StoredRun.TOMBSTONE);
        assertThat(oldTombstone.deleteTimeAt(0)).isEqualTo(StoredRun.DELETED_UNKNOWN);
        assertThat(oldTombstone.timeAt(0)).isEqualTo(1);
    }

    private StoredRun onlyRun() {
        assertThat(tables.runs).hasSize(1);
        var e = tables.runs.firstEntry();
        return StoredRun.decode(e.getKey(), e.getValue());
    }

    /** A run none of whose pids is stored goes in whole: one put per {@link StoredRun#MAX} atoms, whatever its length. */
    @Test
    void aNewRunIsWrittenWhole() {
        Run pasted = OpRuns.inserts(typed(0, 3_000, 2, 'p')).get(0);
        List<HistoryEntry.Range> touched = runs.applyRuns(DOC, List.of(pasted), List.of(), ++time);
        assertThat(touched).containsExactly(new HistoryEntry.Range(pasted.pids(), HistoryEntry.Kind.INSERTED, time));
        assertThat(tables.runs).hasSize((3_000 + StoredRun.MAX - 1) / StoredRun.MAX);
        assertThat(text()).hasSize(3_000);
    }

    /**
     * Runs applied whole or atom by atom (overlapping stored ones, with stored atoms among their
     * pids, continuing a stored run, at other strides and depths) leave the atoms a per-atom model
     * holds, and stored runs that keep the layout's rules.
     */
    @Test
    void runsLeaveWhatAtomsWould() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        java.util.TreeMap<Pid, Integer> model = new java.util.TreeMap<>(); // code point, or -1 once deleted
        for (int change = 0; change < 300; change++) {
            List<Atom> inserts = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                int site = 1 + random.nextInt(3);
                long stride = 1 + random.nextInt(3);
                long start = 1 + random.nextInt(2_000);
                Pid parent = random.nextInt(4) == 0 ? Pid.single(1, 1 + random.nextInt(2_000)) : null;
                for (int k = random.nextInt(600); k >= 0; k--) {
                    long ident = start + k * stride;
                    Pid pid = parent == null ? Pid.single(site, ident) : Pid.of(parent.keyAt(0), Pid.key(site, ident));
                    inserts.add(new Atom(pid, 'a' + random.nextInt(26)));
                }
            }
            List<Pid> deletes = new ArrayList<>();
            List<Pid> present = new ArrayList<>(model.keySet());
            for (int d = random.nextInt(3) == 0 ? random.nextInt(200) : 0; d > 0 && !present.isEmpty(); d--) {
                deletes.add(present.get(random.nextInt(present.size())));
            }
            if (random.nextInt(10) == 0) {
                deletes.add(Pid.single(4, 1 + random.nextInt(3_000))); // before its insert
            }
            for (Run run : OpRuns.inserts(inserts)) {
                for (int k = 0; k < run.count(); k++) {
                    model.putIfAbsent(run.pids().pidAt(k), run.codePointAt(k));
                }
            }
            deletes.forEach(pid -> model.put(pid, -1));
            runs.recordHistory(DOC, ++time,
                    runs.applyRuns(DOC, OpRuns.inserts(inserts), OpRuns.deletes(deletes), time));
        }
        StringBuilder expected = new StringBuilder();
        model.values().stream().filter(cp -> cp >= 0).forEach(expected::appendCodePoint);
        assertThat(text()).isEqualTo(expected.toString());
        Pid lastEnd = null;
        int stored = 0;
        for (var e : tables.runs.entrySet()) {
            StoredRun run = StoredRun.decode(e.getKey(), e.getValue());
            assertThat(run.count()).isBetween(1, StoredRun.MAX);
            if (lastEnd != null) {
                assertThat(run.first()).isGreaterThan(lastEnd);
            }
            lastEnd = run.pidAt(run.count() - 1);
            stored += run.count();
        }
        assertThat(stored).isEqualTo(model.size());
    }

    private void apply(List<Atom> inserts, List<Pid> deletes) {
        runs.recordHistory(DOC, ++time, runs.apply(DOC, inserts, deletes, time));
    }

    private String text() {
        DocumentRecord record = new DocumentRecord("d", false, time, 1, 1);
        StringBuilder sb = new StringBuilder();
        runs.changes(DOC, record, 0, 9).inserts().forEach(a -> sb.appendCodePoint(a.codePoint()));
        return sb.toString();
    }

    /** {@code count} atoms of site 1 from ident {@code 1 + from · stride} on, one stride apart. */
    private static List<Atom> typed(int from, int count, long stride, char c) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            atoms.add(new Atom(Pid.single(1, 1 + i * stride), c));
        }
        return atoms;
    }
}
