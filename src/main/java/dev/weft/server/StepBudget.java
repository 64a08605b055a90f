package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.function.Function;

/**
 * How much of a big upsert one step of {@link ChunkedUpsert} takes: at most {@link #RUNS} runs
 * (pids in a row of one level and author, one stride apart, as the store keeps them) and at most
 * {@link #OPS} ops. The store's work for a step grows with its runs, not its atoms, so a note taken
 * in from a file (a few long runs) goes in a few steps, and one of scattered single atoms in steps
 * of {@value #RUNS}. Before, every step was 1,024 atoms: a 1 MB note took ~1,000 commits.
 */
final class StepBudget {
    /** The most runs one step writes: tens of milliseconds of the store's writer. */
    static final int RUNS = 1_024;
    /** The most ops one step holds as objects, whatever runs they form. */
    static final int OPS = 65_536;

    private int runs;
    private int ops;
    private long[] last = new long[0];
    private int depth;
    private long stride;
    private int inRun;

    /** The end (exclusive) of what this step takes of {@code items} from {@code from}, and takes it. */
    <T> int take(List<T> items, int from, Function<T, Pid> pid) {
        int i = from;
        while (i < items.size() && ops < OPS) {
            if (!continues(pid.apply(items.get(i))) && ++runs > RUNS) {
                runs = RUNS;
                break;
            }
            ops++;
            i++;
        }
        inRun = 0; // a run never goes on across the inserts and the deletes
        return i;
    }

    /** Whether the step has room for no more. */
    boolean full() {
        return runs == RUNS || ops == OPS;
    }

    /** Where a step from {@code nextInsert} and {@code nextDelete} ends: {@code [insertTo, deleteTo]}. */
    static int[] step(List<Atom> inserts, int nextInsert, List<Pid> deletes, int nextDelete) {
        StepBudget budget = new StepBudget();
        int insertTo = budget.take(inserts, nextInsert, Atom::pid);
        int deleteTo = budget.full() ? nextDelete : budget.take(deletes, nextDelete, pid -> pid);
        return new int[] {insertTo, deleteTo};
    }

    private boolean continues(Pid p) {
        int d = p.depth();
        boolean goesOn = false;
        if (inRun > 0 && d == depth && samePrefix(p, d - 1)) {
            long previous = last[d - 1];
            long key = p.keyAt(d - 1);
            long step = Pid.identOf(key) - Pid.identOf(previous);
            goesOn = Pid.siteOf(key) == Pid.siteOf(previous) && step > 0 && (inRun == 1 || step == stride);
            if (goesOn) {
                stride = step;
            }
        }
        if (!goesOn) {
            inRun = 0;
        }
        if (last.length < d) {
            last = new long[Math.max(d, 2 * last.length)];
        }
        p.copyKeys(last, 0);
        depth = d;
        inRun++;
        return goesOn;
    }

    private boolean samePrefix(Pid p, int levels) {
        for (int j = 0; j < levels; j++) {
            if (last[j] != p.keyAt(j)) {
                return false;
            }
        }
        return true;
    }
}
