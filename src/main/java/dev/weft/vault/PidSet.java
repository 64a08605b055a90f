package dev.weft.vault;

import dev.weft.crdt.Pid;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Pids added in order, held as runs (issue 14): a pid that continues the last run (same prefix and
 * author, last ident one more stride on) only counts it, so a download of a big note, whose atoms
 * come as runs, costs a few bytes a run instead of ~80 bytes a pid (issue 12 §1: a 20 MB note's
 * download ran out of a 4 GB heap). A pid added twice is held twice; {@link #toSet} makes them one.
 * Add and clear only. Not thread-safe.
 */
final class PidSet {
    private static final int MIN_RUNS = 16;

    /** Run {@code r}'s first pid keys are {@code keys[start[r] .. start[r] + depth[r])}. */
    private long[] keys = new long[MIN_RUNS * 4];
    private int keysEnd;
    private int[] start = new int[MIN_RUNS];
    private byte[] depth = new byte[MIN_RUNS];
    /** 0 while a run has one pid. */
    private long[] stride = new long[MIN_RUNS];
    private int[] count = new int[MIN_RUNS];
    private int runs;

    /** Adds {@code pid}. */
    void add(Pid pid) {
        if (runs > 0 && continuesLastRun(pid)) {
            count[runs - 1]++;
            return;
        }
        if (runs == start.length) {
            start = Arrays.copyOf(start, runs * 2);
            depth = Arrays.copyOf(depth, runs * 2);
            stride = Arrays.copyOf(stride, runs * 2);
            count = Arrays.copyOf(count, runs * 2);
        }
        int d = pid.depth();
        if (keysEnd + d > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysEnd + d));
        }
        pid.copyKeys(keys, keysEnd);
        start[runs] = keysEnd;
        depth[runs] = (byte) d;
        stride[runs] = 0;
        count[runs] = 1;
        keysEnd += d;
        runs++;
    }

    private boolean continuesLastRun(Pid pid) {
        int r = runs - 1;
        int d = depth[r] & 0xFF;
        int k = start[r];
        if (pid.depth() != d || Pid.siteOf(keys[k + d - 1]) != pid.site() || count[r] == Integer.MAX_VALUE) {
            return false;
        }
        for (int level = 0; level < d - 1; level++) {
            if (keys[k + level] != pid.keyAt(level)) {
                return false;
            }
        }
        long step = pid.identAt(d - 1) - Pid.identOf(keys[k + d - 1]);
        if (count[r] == 1) {
            if (step < 1) {
                return false;
            }
            stride[r] = step;
            return true;
        }
        return step == count[r] * stride[r];
    }

    boolean isEmpty() {
        return runs == 0;
    }

    void clear() {
        runs = 0;
        keysEnd = 0;
        if (start.length > MIN_RUNS * 64) {
            keys = new long[MIN_RUNS * 4];
            start = new int[MIN_RUNS];
            depth = new byte[MIN_RUNS];
            stride = new long[MIN_RUNS];
            count = new int[MIN_RUNS];
        }
    }

    /** A copy as a set of pids. */
    Set<Pid> toSet() {
        Set<Pid> set = new HashSet<>();
        for (int r = 0; r < runs; r++) {
            int d = depth[r] & 0xFF;
            for (int j = 0; j < count[r]; j++) {
                long[] pid = Arrays.copyOfRange(keys, start[r], start[r] + d);
                long last = pid[d - 1];
                pid[d - 1] = Pid.key(Pid.siteOf(last), Pid.identOf(last) + j * stride[r]);
                set.add(Pid.of(pid));
            }
        }
        return set;
    }
}
