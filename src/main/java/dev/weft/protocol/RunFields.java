package dev.weft.protocol;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the run lists of the run messages (docs/protocol.md §8): insert runs and delete
 * ranges, each item's first pid written against the last pid of the item before it. Lists are in
 * strictly increasing pid order with no item starting inside the one before, and every item has
 * exactly one encoding, so every accepted list re-encodes to the same bytes.
 */
final class RunFields {
    /** Smallest insert run: shape, ident step, one byte of text. */
    static final int MIN_RUN_BYTES = 3;
    /** Smallest delete range: shape, ident step. */
    static final int MIN_RANGE_BYTES = 2;
    private static final int COUNT_SHIFT = 10;

    private RunFields() {
    }

    /**
     * The ops (atoms and pids) the run messages of one frame may stand for in all: as many as
     * seed messages of the same size could carry, so a frame costs no more work or memory than today.
     */
    static final class OpBudget {
        private final long max;
        private long left;

        OpBudget(long max) {
            this.max = max;
            this.left = max;
        }

        void take(ByteReader r, int at, long ops) throws ProtocolException {
            if (ops > left) {
                throw r.errorAt(at, "the frame's runs stand for more than " + max + " ops");
            }
            left -= ops;
        }
    }

    static List<Run> readRuns(ByteReader r, long[] keys, OpBudget budget) throws ProtocolException {
        int n = count(r, MIN_RUN_BYTES, "number_of_insert_runs");
        List<Run> runs = new ArrayList<>(n);
        long[] prev = new long[Pid.MAX_DEPTH];
        int prevDepth = 0;
        for (int i = 0; i < n; i++) {
            int at = r.offset();
            Item item = readItem(r, keys, prev, prevDepth);
            if (item.count > r.remaining()) {
                throw r.errorAt(at, "run of " + item.count + " atoms exceeds the " + r.remaining() + " bytes left");
            }
            budget.take(r, at, item.count);
            int[] codePoints = new int[item.count];
            for (int k = 0; k < item.count; k++) {
                codePoints[k] = r.utf8("run text");
            }
            runs.add(new Run(item.range, codePoints));
            prevDepth = last(item.range, prev);
        }
        return runs;
    }

    static List<PidRange> readRanges(ByteReader r, long[] keys, OpBudget budget) throws ProtocolException {
        int n = count(r, MIN_RANGE_BYTES, "number_of_delete_ranges");
        List<PidRange> ranges = new ArrayList<>(n);
        long[] prev = new long[Pid.MAX_DEPTH];
        int prevDepth = 0;
        for (int i = 0; i < n; i++) {
            int at = r.offset();
            Item item = readItem(r, keys, prev, prevDepth);
            budget.take(r, at, item.count);
            ranges.add(item.range);
            prevDepth = last(item.range, prev);
        }
        return ranges;
    }

    static void writeRuns(ByteWriter w, List<Run> runs) {
        w.varint(runs.size());
        long[] prev = new long[Pid.MAX_DEPTH];
        int prevDepth = 0;
        for (Run run : runs) {
            writeItem(w, run.pids(), prev, prevDepth);
            for (int k = 0; k < run.count(); k++) {
                w.utf8(run.codePointAt(k));
            }
            prevDepth = last(run.pids(), prev);
        }
    }

    static void writeRanges(ByteWriter w, List<PidRange> ranges) {
        w.varint(ranges.size());
        long[] prev = new long[Pid.MAX_DEPTH];
        int prevDepth = 0;
        for (PidRange range : ranges) {
            writeItem(w, range, prev, prevDepth);
            prevDepth = last(range, prev);
        }
    }

    /**
     * Checks that the items of a list are in strictly increasing pid order, none starting inside
     * the one before (what a decoder requires); a programming error otherwise.
     */
    static void requireOrdered(List<PidRange> ranges, String field) {
        Pid prev = null;
        for (PidRange range : ranges) {
            if (range == null) {
                throw new NullPointerException(field);
            }
            if (prev != null && range.first().compareTo(prev) <= 0) {
                throw new IllegalArgumentException(field + ": " + range + " does not start after " + prev);
            }
            prev = range.last();
        }
    }

    private static int count(ByteReader r, int minItemBytes, String field) throws ProtocolException {
        int at = r.offset();
        long n = r.varint(field);
        if (n > r.remaining() / minItemBytes) {
            throw r.errorAt(at, field + " " + n + " exceeds the " + r.remaining() + " bytes left");
        }
        return (int) n;
    }

    private record Item(PidRange range, int count) {
    }

    /**
     * {@code varint shape = (count − 1)·1024 + keep·4 + step·2 + more}; {@code [varint ident_step]} if
     * step; {@code [u8 fresh, fresh pairs]} if more; {@code [varint stride]} if count > 1. The first
     * pid is the previous item's last pid's first {@code keep} pairs, then (step) that pid's next pair
     * with its ident plus {@code ident_step}, then the fresh pairs.
     */
    private static Item readItem(ByteReader r, long[] keys, long[] prev, int prevDepth) throws ProtocolException {
        int at = r.offset();
        long shape = r.varint("run shape");
        long more = shape >>> COUNT_SHIFT;
        if (more >= Integer.MAX_VALUE) {
            throw r.errorAt(at, "run count " + (more + 1) + " too large");
        }
        int count = (int) more + 1;
        int keep = (int) (shape >>> 2) & 0xFF;
        boolean step = (shape & 2) != 0;
        boolean fresh = (shape & 1) != 0;
        if (keep > prevDepth || step && keep == prevDepth) {
            throw r.errorAt(at, "run keeps " + keep + (step ? " pairs and steps one" : " pairs") + " of a pid of depth "
                    + prevDepth);
        }
        System.arraycopy(prev, 0, keys, 0, keep);
        int depth = keep;
        if (step) {
            int stepAt = r.offset();
            long delta = r.varint("run ident step");
            long ident = Pid.identOf(prev[keep]) + delta;
            if (delta < 1 || ident > Pid.MAX_IDENT) {
                throw r.errorAt(stepAt, "run ident step " + delta + " outside 1.." + (Pid.MAX_IDENT - Pid.identOf(prev[keep])));
            }
            keys[depth++] = Pid.key(Pid.siteOf(prev[keep]), ident);
        }
        if (fresh) {
            int freshAt = r.offset();
            int n = r.u8("run fresh pairs");
            if (n == 0 || depth + n > Pid.MAX_DEPTH) {
                throw r.errorAt(freshAt, "run fresh pairs " + n + " outside 1.." + (Pid.MAX_DEPTH - depth));
            }
            r.pairs(keys, depth, n);
            depth += n;
        }
        if (depth == 0) {
            throw r.errorAt(at, "run pid of depth 0");
        }
        if (!canonical(keys, depth, prev, prevDepth, keep, step)) {
            throw r.errorAt(at, "run pid not in its one encoding against the previous run");
        }
        if (prevDepth > 0 && Pid.compare(keys, 0, depth, prev, 0, prevDepth) <= 0) {
            throw r.errorAt(at, "run does not start after the previous run ends (runs cross or are out of order)");
        }
        long stride = 1;
        if (count > 1) {
            int strideAt = r.offset();
            stride = r.varint("run stride");
            long lastIdent = Pid.identOf(keys[depth - 1]);
            if (stride < 1 || stride > Pid.MAX_IDENT || count - 1 > (Pid.MAX_IDENT - lastIdent) / stride) {
                throw r.errorAt(strideAt, "run of " + count + " with stride " + stride + " passes ident " + Pid.MAX_IDENT);
            }
        }
        return new Item(new PidRange(Pid.ofRange(keys, 0, depth), stride, count), count);
    }

    /** Whether {@code keep} and {@code step} are the ones {@link #writeItem} picks for this pid. */
    private static boolean canonical(long[] keys, int depth, long[] prev, int prevDepth, int keep, boolean step) {
        if (keep < Math.min(depth, prevDepth) && keys[keep] == prev[keep]) {
            return false; // one more pair could be kept
        }
        return step || keep >= Math.min(depth, prevDepth) || Pid.siteOf(keys[keep]) != Pid.siteOf(prev[keep])
                || Pid.identOf(keys[keep]) < Pid.identOf(prev[keep]);
    }

    private static void writeItem(ByteWriter w, PidRange range, long[] prev, int prevDepth) {
        Pid first = range.first();
        int depth = first.depth();
        long[] keys = first.keys();
        int keep = 0;
        while (keep < Math.min(depth, prevDepth) && keys[keep] == prev[keep]) {
            keep++;
        }
        boolean step = keep < Math.min(depth, prevDepth) && Pid.siteOf(keys[keep]) == Pid.siteOf(prev[keep])
                && Pid.identOf(keys[keep]) > Pid.identOf(prev[keep]);
        int fresh = depth - keep - (step ? 1 : 0);
        w.varint(((long) range.count() - 1 << COUNT_SHIFT) | (long) keep << 2 | (step ? 2 : 0) | (fresh > 0 ? 1 : 0));
        if (step) {
            w.varint(Pid.identOf(keys[keep]) - Pid.identOf(prev[keep]));
        }
        if (fresh > 0) {
            w.u8(fresh);
            w.pairs(keys, depth - fresh, fresh);
        }
        if (range.count() > 1) {
            w.varint(range.stride());
        }
    }

    /** Puts the range's last pid into {@code prev}; returns its depth. */
    private static int last(PidRange range, long[] prev) {
        Pid last = range.last();
        last.copyKeys(prev, 0);
        return last.depth();
    }
}
