package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.crdt.RunCollector;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Run lists of the run messages: their checks, the runs a list of atoms or pids forms, and the
 * atoms or pids a list of runs stands for, read on access ({@link Lazy}: a decoded upsert of runs
 * costs its runs, not one object per atom).
 */
final class RunLists {
    private RunLists() {
    }

    /** An immutable copy of insert runs, checked: ordered, and no tombstone. */
    static List<Run> insertRuns(List<Run> runs, String field) {
        List<Run> copy = Fields.copy(runs, field);
        List<PidRange> ranges = new ArrayList<>(copy.size());
        for (Run run : copy) {
            for (int k = 0; k < run.count(); k++) {
                if (run.codePointAt(k) == AtomVisitor.TOMBSTONE) {
                    throw new IllegalArgumentException(field + ": an insert run holds a tombstone");
                }
            }
            ranges.add(run.pids());
        }
        RunFields.requireOrdered(ranges, field);
        return copy;
    }

    /** An immutable copy of pid ranges, checked: ordered. */
    static List<PidRange> ranges(List<PidRange> ranges, String field) {
        List<PidRange> copy = Fields.copy(ranges, field);
        RunFields.requireOrdered(copy, field);
        return copy;
    }

    /**
     * The longest runs {@code atoms} form in pid order; an atom whose pid came before keeps the
     * first one's code point (an insert of a present pid does nothing, docs/protocol.md §2).
     */
    static List<Run> runsOf(List<Atom> atoms) {
        List<Atom> sorted = new ArrayList<>(atoms);
        sorted.sort(Comparator.comparing(Atom::pid)); // stable: the first of equal pids stays first
        List<Run> runs = new ArrayList<>();
        RunCollector collector = new RunCollector(runs::add, Integer.MAX_VALUE);
        Pid prev = null;
        for (Atom atom : sorted) {
            if (!atom.pid().equals(prev)) {
                collector.add(atom.pid(), atom.codePoint());
                prev = atom.pid();
            }
        }
        collector.flush();
        return runs;
    }

    /** The longest ranges {@code pids} form in pid order, each pid once (a delete is idempotent). */
    static List<PidRange> rangesOf(List<Pid> pids) {
        List<Pid> sorted = new ArrayList<>(pids);
        sorted.sort(null);
        List<PidRange> ranges = new ArrayList<>();
        RunCollector collector = new RunCollector(run -> ranges.add(run.pids()), Integer.MAX_VALUE);
        Pid prev = null;
        for (Pid pid : sorted) {
            if (!pid.equals(prev)) {
                collector.add(pid, AtomVisitor.TOMBSTONE);
                prev = pid;
            }
        }
        collector.flush();
        return ranges;
    }

    /** Whether {@code pids} holds one pid twice. */
    static boolean repeats(List<Pid> pids) {
        List<Pid> sorted = new ArrayList<>(pids);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The atoms of {@code runs}, in order, read on access. */
    static List<Atom> atoms(List<Run> runs) {
        return new Lazy<>(runs.stream().mapToInt(Run::count).toArray()) {
            @Override
            Atom item(int part, int k) {
                Run run = runs.get(part);
                return new Atom(run.pids().pidAt(k), run.codePointAt(k));
            }
        };
    }

    /** The pids of {@code ranges}, in order, read on access. */
    static List<Pid> pids(List<PidRange> ranges) {
        return new Lazy<>(ranges.stream().mapToInt(PidRange::count).toArray()) {
            @Override
            Pid item(int part, int k) {
                return ranges.get(part).pidAt(k);
            }
        };
    }

    /** Items of consecutive parts, found by binary search over where each part starts. Immutable. */
    abstract static class Lazy<T> extends AbstractList<T> implements RandomAccess {
        private final long[] starts;
        private final int size;

        Lazy(int[] counts) {
            starts = new long[counts.length];
            long at = 0;
            for (int i = 0; i < counts.length; i++) {
                starts[i] = at;
                at += counts[i];
            }
            if (at > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than 2^31 items");
            }
            size = (int) at;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, size);
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= index) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return item(lo, (int) (index - starts[lo]));
        }

        @Override
        public int size() {
            return size;
        }

        abstract T item(int part, int k);
    }
}
