package dev.weft.crdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consecutive atoms whose pids form one {@link PidRange}: text typed or pasted in one go, written
 * as one item (first pid, stride, count and the code points) instead of one atom per character.
 *
 * @param pids the atoms' pids, in order
 * @param codePoints one Unicode scalar value per pid, or {@link AtomVisitor#TOMBSTONE} where a
 *     stored run keeps a deleted atom (never in an insert)
 */
public record Run(PidRange pids, int[] codePoints) {
    public Run {
        if (pids == null || codePoints == null) {
            throw new IllegalArgumentException("run without pids or code points");
        }
        if (codePoints.length != pids.count()) {
            throw new IllegalArgumentException(
                    "run of " + pids.count() + " pids has " + codePoints.length + " code points");
        }
        for (int cp : codePoints) {
            if (cp != AtomVisitor.TOMBSTONE && !Atom.isScalarValue(cp)) {
                throw new IllegalArgumentException("not a Unicode scalar value: " + cp);
            }
        }
    }

    /** Number of atoms. */
    public int count() {
        return codePoints.length;
    }

    /** Code point {@code k}, or {@link AtomVisitor#TOMBSTONE}. */
    public int codePointAt(int k) {
        return codePoints[k];
    }

    /** The run's atoms one by one; a tombstone is skipped. */
    public List<Atom> atoms() {
        List<Atom> atoms = new ArrayList<>(codePoints.length);
        for (int k = 0; k < codePoints.length; k++) {
            if (codePoints[k] != AtomVisitor.TOMBSTONE) {
                atoms.add(new Atom(pids.pidAt(k), codePoints[k]));
            }
        }
        return atoms;
    }

    /** Hands every atom, tombstones included, to {@code visitor} in order. */
    public void forEachAtom(AtomVisitor visitor) {
        Pid first = pids.first();
        int depth = first.depth();
        long[] keys = first.keys();
        long base = first.identAt(depth - 1);
        int site = first.site();
        for (int k = 0; k < codePoints.length; k++) {
            keys[depth - 1] = Pid.key(site, base + k * pids.stride());
            visitor.visit(keys, 0, depth, codePoints[k]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Run r && pids.equals(r.pids) && Arrays.equals(codePoints, r.codePoints);
    }

    @Override
    public int hashCode() {
        return 31 * pids.hashCode() + Arrays.hashCode(codePoints);
    }

    @Override
    public String toString() {
        return "Run[" + pids + ", " + codePoints.length + " code points]";
    }
}
