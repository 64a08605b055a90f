package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncDocUpsertRuns;
import dev.weft.store.OpRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An upsert's ops in the steps the store applies them in, each within a {@link StepBudget}, as
 * runs in pid order (docs/server.md, "Big uploads"). A run message's runs go on as they came, a run
 * longer than a step's ops cut in two; the seed's atoms are taken a step at a time (only those
 * become objects) and grouped into runs ({@link OpRuns}). One owner at a time (the connection's
 * executor, then the writer, handed over through their queues).
 */
abstract class UpsertSteps {
    /** One step's ops. */
    record Step(List<Run> inserts, List<PidRange> deletes) {
    }

    /** Whether a step is left. */
    abstract boolean hasNext();

    /** The next step. */
    abstract Step next();

    /** Whether the whole upsert fits in one step (checked before the first is taken). */
    abstract boolean oneStep();

    static UpsertSteps of(SyncDocUpsert upsert) {
        return new AtomSteps(upsert.inserts(), upsert.deletes());
    }

    static UpsertSteps of(SyncDocUpsertRuns upsert) {
        return new RunSteps(upsert.inserts(), upsert.deletes());
    }

    /** The seed's ops: where each step ends is {@link StepBudget#step}'s. */
    private static final class AtomSteps extends UpsertSteps {
        private final List<Atom> inserts;
        private final List<Pid> deletes;
        private int nextInsert;
        private int nextDelete;
        private boolean started;

        AtomSteps(List<Atom> inserts, List<Pid> deletes) {
            this.inserts = inserts;
            this.deletes = deletes;
        }

        @Override
        boolean hasNext() {
            return !started || nextInsert < inserts.size() || nextDelete < deletes.size();
        }

        @Override
        boolean oneStep() {
            int[] first = StepBudget.step(inserts, 0, deletes, 0);
            return first[0] == inserts.size() && first[1] == deletes.size();
        }

        @Override
        Step next() {
            int[] ends = StepBudget.step(inserts, nextInsert, deletes, nextDelete);
            Step step = new Step(OpRuns.inserts(inserts.subList(nextInsert, ends[0])),
                    OpRuns.deletes(deletes.subList(nextDelete, ends[1])));
            nextInsert = ends[0];
            nextDelete = ends[1];
            started = true;
            return step;
        }
    }

    /** A run message's ops: at most {@link StepBudget#RUNS} runs and {@link StepBudget#OPS} ops a step. */
    private static final class RunSteps extends UpsertSteps {
        private final List<Run> inserts;
        private final List<PidRange> deletes;
        private int run;
        /** Atoms of {@code inserts.get(run)} that earlier steps took. */
        private int runTaken;
        private int range;
        private int rangeTaken;
        private boolean started;

        RunSteps(List<Run> inserts, List<PidRange> deletes) {
            this.inserts = inserts;
            this.deletes = deletes;
        }

        @Override
        boolean hasNext() {
            return !started || run < inserts.size() || range < deletes.size();
        }

        @Override
        boolean oneStep() {
            long ops = 0;
            for (Run r : inserts) {
                ops += r.count();
            }
            for (PidRange r : deletes) {
                ops += r.count();
            }
            return inserts.size() + deletes.size() <= StepBudget.RUNS && ops <= StepBudget.OPS;
        }

        @Override
        Step next() {
            started = true;
            int runs = 0;
            int ops = 0;
            List<Run> in = new ArrayList<>();
            while (run < inserts.size() && runs < StepBudget.RUNS && ops < StepBudget.OPS) {
                Run r = inserts.get(run);
                int n = Math.min(r.count() - runTaken, StepBudget.OPS - ops);
                in.add(runTaken == 0 && n == r.count() ? r : slice(r, runTaken, n));
                runs++;
                ops += n;
                runTaken += n;
                if (runTaken == r.count()) {
                    run++;
                    runTaken = 0;
                }
            }
            List<PidRange> del = new ArrayList<>();
            while (range < deletes.size() && runs < StepBudget.RUNS && ops < StepBudget.OPS) {
                PidRange r = deletes.get(range);
                int n = Math.min(r.count() - rangeTaken, StepBudget.OPS - ops);
                del.add(rangeTaken == 0 && n == r.count() ? r : new PidRange(r.pidAt(rangeTaken), r.stride(), n));
                runs++;
                ops += n;
                rangeTaken += n;
                if (rangeTaken == r.count()) {
                    range++;
                    rangeTaken = 0;
                }
            }
            return new Step(in, del);
        }

        private static Run slice(Run r, int from, int n) {
            return new Run(new PidRange(r.pids().pidAt(from), r.pids().stride(), n),
                    Arrays.copyOfRange(r.codePoints(), from, from + n));
        }
    }
}
