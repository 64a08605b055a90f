package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;

/**
 * What an upsert costs the store's writer, in units: one per run of its inserts (atoms of one
 * author on one level whose last idents step by one stride, protocol.md §8), one more per
 * {@link #ATOMS_PER_UNIT} atoms (the store keeps runs of up to 256 atoms), one per deleted pid. A
 * note pasted or imported in one go is one run, a few units; atoms that form no runs (the seed's
 * random steps) cost about one each, as before runs. Bounds the ops of a group commit, so many
 * small notes go in one transaction (docs/server.md, "Big uploads"); a big upload's steps are
 * {@link StepBudget}'s.
 */
final class UpsertCost {
    /** Atoms of one run per unit. */
    static final int ATOMS_PER_UNIT = 256;

    private UpsertCost() {
    }

    /** The units of all of {@code inserts} and {@code deletes}, at most {@code Integer.MAX_VALUE}. */
    static int of(List<Atom> inserts, List<Pid> deletes) {
        long units = (long) insertsWithin(inserts, 0, Integer.MAX_VALUE)[1] + deletes.size();
        return (int) Math.min(Integer.MAX_VALUE, units);
    }

    /** {@link #of} for runs: the units the same atoms in pid order cost. */
    static int ofRuns(List<Run> inserts, List<PidRange> deletes) {
        long units = 0;
        for (Run run : inserts) {
            units += 1 + (run.count() - 1) / ATOMS_PER_UNIT;
        }
        for (PidRange range : deletes) {
            units += range.count();
        }
        return (int) Math.min(Integer.MAX_VALUE, units);
    }

    /**
     * How many inserts from {@code from} on fit in {@code budget} units (at least one, if any is
     * left), and their units: {@code {end, units}} with {@code end} the index after the last.
     */
    static int[] insertsWithin(List<Atom> inserts, int from, int budget) {
        long units = 0;
        int end = from;
        Pid previous = null;
        long stride = 0; // of the run going on; 0 while it holds one atom
        int inRun = 0;
        for (; end < inserts.size(); end++) {
            Pid pid = inserts.get(end).pid();
            long step = previous == null ? 0 : stepFrom(previous, pid);
            boolean continues = step > 0 && (inRun == 1 || step == stride);
            long add = continues ? (inRun % ATOMS_PER_UNIT == 0 ? 1 : 0) : 1;
            if (end > from && units + add > budget) {
                break;
            }
            units += add;
            if (continues) {
                stride = step;
                inRun++;
            } else {
                stride = 0;
                inRun = 1;
            }
            previous = pid;
        }
        return new int[] {end, (int) Math.min(Integer.MAX_VALUE, units)};
    }

    /** The last ident's step from {@code a} to {@code b} if they differ only there, under one site; else 0. */
    private static long stepFrom(Pid a, Pid b) {
        int depth = a.depth();
        if (b.depth() != depth) {
            return 0;
        }
        for (int level = 0; level < depth - 1; level++) {
            if (a.keyAt(level) != b.keyAt(level)) {
                return 0;
            }
        }
        if (a.siteAt(depth - 1) != b.siteAt(depth - 1)) {
            return 0;
        }
        long step = b.identAt(depth - 1) - a.identAt(depth - 1);
        return Math.max(step, 0);
    }
}
