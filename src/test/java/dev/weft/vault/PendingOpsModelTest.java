package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PendingOps} folds random record sequences exactly as {@link TreeMapPendingOps} (its former
 * maps) did: the same answers from apply, the same pending and unsent ops, marks, names, snapshot.
 * Typing with backspaces, marks and acknowledgements at random, renames, reused pids, and (never
 * written by a log, still folded the same) seqs out of order.
 */
class PendingOpsModelTest {
    private static final UUID DOC = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void foldsAsTheMapsDid(boolean outOfOrder) {
        for (int script = 0; script < 300; script++) {
            SplittableRandom random = new SplittableRandom(script * 31L + (outOfOrder ? 7 : 0));
            run(random, script % 10 == 0 ? 20_000 : 1 + random.nextInt(600), outOfOrder);
        }
    }

    private static void run(SplittableRandom random, int steps, boolean outOfOrder) {
        PendingOps ops = new PendingOps();
        TreeMapPendingOps model = new TreeMapPendingOps();
        List<Pid> typed = new ArrayList<>();
        long seq = random.nextInt(3) == 0 ? random.nextInt(50) : 0;
        apply(ops, model, new LogRecord.Header(DOC, seq));
        long ident = 1;
        // a run of typing then backspaces, then marks: bursts like an editor's
        for (int step = 0; step < steps; step++) {
            int what = random.nextInt(100);
            LogRecord record;
            if (what < 50) {
                Pid pid = typed.isEmpty() || random.nextInt(200) != 0
                        ? pid(random, ident++)
                        : typed.get(random.nextInt(typed.size())); // a pid reused
                typed.add(pid);
                record = new LogRecord.Local(new LocalOp.Insert(++seq, step, new Atom(pid, 'a' + random.nextInt(26))));
            } else if (what < 75) {
                Pid pid = typed.isEmpty() || random.nextInt(8) == 0
                        ? pid(random, 1_000_000 + random.nextInt(1000)) // a remote atom
                        : typed.get(random.nextBoolean() ? typed.size() - 1 : random.nextInt(typed.size()));
                if (!typed.isEmpty() && random.nextBoolean()) {
                    typed.remove(typed.size() - 1);
                }
                record = new LogRecord.Local(new LocalOp.Delete(++seq, step, pid));
            } else if (what < 78) {
                record = new LogRecord.Local(new LocalOp.Rename(++seq, step, "Note " + random.nextInt(4)));
            } else if (what < 85) {
                record = new LogRecord.SentThrough(random.nextBoolean() ? seq : random.nextLong(seq + 1));
            } else if (what < 89) {
                record = new LogRecord.AckedThrough(random.nextBoolean() ? ops.sentThrough() : random.nextLong(seq + 1));
            } else if (what < 92) {
                record = new LogRecord.RemoteName("Note " + random.nextInt(4));
            } else if (what < 94) {
                record = new LogRecord.CurrentTo(random.nextInt(1000));
            } else if (what < 97) {
                record = new LogRecord.RemoteInsert(new Atom(pid(random, 2_000_000 + random.nextInt(1000)), 'r'));
            } else if (outOfOrder && seq > 0) {
                long old = 1 + random.nextLong(seq);
                record = new LogRecord.Local(random.nextBoolean()
                        ? new LocalOp.Insert(old, step, new Atom(pid(random, ident++), 'o'))
                        : new LocalOp.Delete(old, step, typed.isEmpty() ? pid(random, 1) : typed.get(random.nextInt(typed.size()))));
            } else {
                record = new LogRecord.Local(new LocalOp.Insert(++seq, step, new Atom(pid(random, ident++), 'x')));
            }
            apply(ops, model, record);
            if (random.nextInt(20) == 0 || step == steps - 1) {
                compare(ops, model);
            }
        }
        // a compaction's fresh log folds to the same state in both
        PendingOps fromSnapshot = new PendingOps();
        TreeMapPendingOps modelFromSnapshot = new TreeMapPendingOps();
        for (LogRecord record : snapshot(ops)) {
            apply(fromSnapshot, modelFromSnapshot, record);
        }
        compare(fromSnapshot, modelFromSnapshot);
    }

    /** Pids of one to three pairs, so that hashes and lengths vary. */
    private static Pid pid(SplittableRandom random, long ident) {
        int depth = 1 + random.nextInt(3);
        long[] keys = new long[depth];
        for (int i = 0; i < depth - 1; i++) {
            keys[i] = Pid.key(1 + random.nextInt(255), random.nextInt(1 << 20));
        }
        keys[depth - 1] = Pid.key(7, ident);
        return Pid.of(keys);
    }

    private static void apply(PendingOps ops, TreeMapPendingOps model, LogRecord record) {
        assertThat(ops.apply(record)).as("apply %s", record).isEqualTo(model.apply(record));
    }

    private static void compare(PendingOps ops, TreeMapPendingOps model) {
        assertThat(ops.pending()).isEqualTo(model.pending());
        assertThat(ops.unsent()).isEqualTo(model.unsent());
        assertThat(ops.pendingCount()).isEqualTo(model.pendingCount());
        assertThat(ops.lastSeq()).isEqualTo(model.lastSeq());
        assertThat(ops.sentThrough()).isEqualTo(model.sentThrough());
        assertThat(ops.ackedThrough()).isEqualTo(model.ackedThrough());
        assertThat(ops.name()).isEqualTo(model.name());
        assertThat(ops.remoteName()).isEqualTo(model.remoteName());
        assertThat(ops.uncovered()).isEqualTo(model.uncovered());
        assertThat(ops.syncTime(-1)).isEqualTo(model.syncTime(-1));
        assertThat(snapshot(ops)).isEqualTo(model.snapshot(DOC));
    }

    private static List<LogRecord> snapshot(PendingOps ops) {
        List<LogRecord> records = new ArrayList<>();
        ops.snapshot(DOC, records::add);
        return records;
    }
}
