package dev.weft.app;

import dev.weft.crdt.AtomSource;
import dev.weft.crdt.AtomVisitor;

/**
 * Pid depths (pairs per pid) over every atom of a replica, tombstones included, and over its
 * alive atoms alone.
 *
 * @param atoms atoms, tombstones included
 * @param alive alive atoms
 * @param depthSum sum of the depths of all atoms
 * @param aliveDepthSum sum of the depths of the alive atoms
 * @param maxDepth the largest depth, 0 for an empty replica
 */
record DepthStats(long atoms, long alive, long depthSum, long aliveDepthSum, int maxDepth) {
    static DepthStats of(AtomSource replica) {
        Counter counter = new Counter();
        replica.forEachAtom(counter);
        return new DepthStats(counter.atoms, counter.alive, counter.depthSum, counter.aliveDepthSum,
                counter.maxDepth);
    }

    /** Average depth over all atoms; 0 for an empty replica. */
    double average() {
        return atoms == 0 ? 0 : (double) depthSum / atoms;
    }

    /** Average depth over the alive atoms; 0 when none is alive. */
    double averageAlive() {
        return alive == 0 ? 0 : (double) aliveDepthSum / alive;
    }

    private static final class Counter implements AtomVisitor {
        long atoms;
        long alive;
        long depthSum;
        long aliveDepthSum;
        int maxDepth;

        @Override
        public void visit(long[] keys, int offset, int depth, int codePoint) {
            atoms++;
            depthSum += depth;
            maxDepth = Math.max(maxDepth, depth);
            if (codePoint != TOMBSTONE) {
                alive++;
                aliveDepthSum += depth;
            }
        }
    }
}
