package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.crdt.RunCollector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seed's per-atom ops as the runs the store applies: in pid order, each pid once (an insert of
 * a present pid and a second delete change nothing, docs/protocol.md §2), so the runs never overlap.
 */
public final class OpRuns {
    private OpRuns() {
    }

    /** The longest runs {@code atoms} form in pid order; of two atoms with one pid the first counts. */
    public static List<Run> inserts(List<Atom> atoms) {
        List<Atom> sorted = new ArrayList<>(atoms);
        sorted.sort(Comparator.comparing(Atom::pid)); // stable: the first of equal pids stays first
        List<Run> runs = new ArrayList<>();
        RunCollector collector = new RunCollector(runs::add, Integer.MAX_VALUE);
        Pid previous = null;
        for (Atom atom : sorted) {
            if (!atom.pid().equals(previous)) {
                collector.add(atom.pid(), atom.codePoint());
                previous = atom.pid();
            }
        }
        collector.flush();
        return runs;
    }

    /** The longest pid ranges {@code pids} form in pid order, each pid once. */
    public static List<PidRange> deletes(List<Pid> pids) {
        List<Pid> sorted = new ArrayList<>(pids);
        sorted.sort(null);
        List<PidRange> ranges = new ArrayList<>();
        RunCollector collector = new RunCollector(run -> ranges.add(run.pids()), Integer.MAX_VALUE);
        Pid previous = null;
        for (Pid pid : sorted) {
            if (!pid.equals(previous)) {
                collector.add(pid, AtomVisitor.TOMBSTONE);
                previous = pid;
            }
        }
        collector.flush();
        return ranges;
    }
}
