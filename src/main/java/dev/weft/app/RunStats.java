package dev.weft.app;

import dev.weft.crdt.AtomSource;
import dev.weft.crdt.RunCollector;

/**
 * The runs {@link RunCollector} finds over every atom of a replica, tombstones included: how many
 * items the replica's full atom sequence takes when written as runs.
 *
 * @param runs runs found
 * @param atoms atoms, tombstones included
 * @param longest atoms of the longest run, 0 for an empty replica
 */
record RunStats(long runs, long atoms, int longest) {
    static RunStats of(AtomSource replica) {
        long[] counts = new long[3];
        RunCollector collector = new RunCollector(run -> {
            counts[0]++;
            counts[1] += run.count();
            counts[2] = Math.max(counts[2], run.count());
        }, Integer.MAX_VALUE);
        replica.forEachAtom(collector);
        collector.flush();
        return new RunStats(counts[0], counts[1], (int) counts[2]);
    }

    /** Average atoms per run; 0 for an empty replica. */
    double atomsPerRun() {
        return runs == 0 ? 0 : (double) atoms / runs;
    }
}
