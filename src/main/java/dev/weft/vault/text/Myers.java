package dev.weft.vault.text;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * java-diff-utils' Myers diff (a shortest edit script, O((n + m) · d) time) over slices of int
 * arrays, given up once it would cost more than what is left of a {@link Budget}.
 *
 * <p>The cost of reaching edit distance {@code d} is counted as {@code d · (n + m) + d²}: each of
 * the {@code 2d + 1} diagonals explored so far advances at most {@code min(n, m)} elements, and
 * the greedy search makes one path node per diagonal and step. java-diff-utils reports every step
 * {@code d} to its listener, which stops the search by throwing once the count passes the budget.
 */
final class Myers {
    /** Work left for one diff, shared by all the Myers runs it makes. */
    static final class Budget {
        private long left;

        Budget(long units) {
            left = units;
        }

        long left() {
            return left;
        }
    }

    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }

    private Myers() {
    }

    /**
     * The changes that turn {@code a[aFrom, aTo)} into {@code b[bFrom, bTo)}, ascending, with
     * indices relative to {@code aFrom} and {@code bFrom}; null if the budget ran out first (what it
     * used is charged either way).
     */
    static List<Change> diff(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, Budget budget) {
        long width = (long) (aTo - aFrom) + (bTo - bFrom);
        long[] cost = new long[1];
        DiffAlgorithmListener meter = new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
            }

            @Override
            public void diffStep(int d, int max) {
                cost[0] = d * width + (long) d * d;
                if (cost[0] > budget.left) {
                    throw new OverBudget();
                }
            }

            @Override
            public void diffEnd() {
            }
        };
        try {
            List<Change> changes = new MyersDiff<Integer>((x, y) -> x.intValue() == y.intValue())
                    .computeDiff(new Slice(a, aFrom, aTo), new Slice(b, bFrom, bTo), meter);
            changes.sort(Comparator.comparingInt(c -> c.startOriginal));
            return changes;
        } catch (OverBudget e) {
            return null;
        } finally {
            budget.left -= Math.min(cost[0], budget.left);
        }
    }

    /** A read-only list view of {@code values[from, to)}. */
    private static final class Slice extends AbstractList<Integer> implements RandomAccess {
        private final int[] values;
        private final int from;
        private final int size;

        Slice(int[] values, int from, int to) {
            this.values = values;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public Integer get(int index) {
            return values[from + index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
