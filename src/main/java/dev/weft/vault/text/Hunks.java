package dev.weft.vault.text;

import com.github.difflib.algorithm.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changed ranges between two code point arrays, in order, none touching the next: each turns
 * {@code a[aFrom, aTo)} into {@code b[bFrom, bTo)}.
 *
 * <p>A range first loses its common prefix and suffix. A small one ({@value #CHARACTERS_FIRST}
 * code points or fewer, both sides together) is diffed by character. A larger one is diffed by
 * line first (lines that occur on one side only are set aside before the Myers run, since they can
 * never match), then each changed run of lines the same way one level down: by word (split after
 * spaces) if it is still large, else by character. When the budget is spent, what is left of a
 * range is replaced whole: still correct, no longer minimal.
 */
final class Hunks {
    /** Largest range, in code points of both sides, diffed by character without a line or word pass. */
    static final int CHARACTERS_FIRST = 4096;

    record Hunk(int aFrom, int aTo, int bFrom, int bTo) {
    }

    /** What a level splits into tokens after: lines, then words; then code points one by one. */
    private static final int[] SEPARATORS = {'\n', ' '};

    private final int[] a;
    private final int[] b;
    private final Myers.Budget budget;
    private final int charactersFirst;
    private final List<Hunk> hunks = new ArrayList<>();

    private Hunks(int[] a, int[] b, Myers.Budget budget, int charactersFirst) {
        this.a = a;
        this.b = b;
        this.budget = budget;
        this.charactersFirst = charactersFirst;
    }

    static List<Hunk> between(int[] a, int[] b, Myers.Budget budget) {
        return between(a, b, budget, CHARACTERS_FIRST);
    }

    /** As {@link #between(int[], int[], Myers.Budget)}, by character only in ranges of at most {@code charactersFirst}. */
    static List<Hunk> between(int[] a, int[] b, Myers.Budget budget, int charactersFirst) {
        Hunks h = new Hunks(a, b, budget, charactersFirst);
        h.range(0, a.length, 0, b.length, 0);
        Boundaries.align(a, b, h.hunks);
        return h.hunks;
    }

    private void range(int aFrom, int aTo, int bFrom, int bTo, int level) {
        while (aFrom < aTo && bFrom < bTo && a[aFrom] == b[bFrom]) {
            aFrom++;
            bFrom++;
        }
        while (aTo > aFrom && bTo > bFrom && a[aTo - 1] == b[bTo - 1]) {
            aTo--;
            bTo--;
        }
        if (level == 0 && charactersFirst == 0) { // by line: what is kept in common are whole lines
            while (aFrom > 0 && a[aFrom - 1] != '\n') {
                aFrom--;
                bFrom--;
            }
            while (aTo < a.length && aTo > 0 && a[aTo - 1] != '\n') {
                aTo++;
                bTo++;
            }
        }
        if (aFrom == aTo || bFrom == bTo) {
            add(aFrom, aTo, bFrom, bTo);
        } else if (level < SEPARATORS.length && (aTo - aFrom) + (bTo - bFrom) > charactersFirst) {
            tokens(aFrom, aTo, bFrom, bTo, level);
        } else {
            characters(aFrom, aTo, bFrom, bTo);
        }
    }

    private void characters(int aFrom, int aTo, int bFrom, int bTo) {
        List<Change> changes = Myers.diff(a, aFrom, aTo, b, bFrom, bTo, budget);
        if (changes == null) {
            add(aFrom, aTo, bFrom, bTo);
            return;
        }
        for (Change c : changes) {
            add(aFrom + c.startOriginal, aFrom + c.endOriginal, bFrom + c.startRevised, bFrom + c.endRevised);
        }
    }

    /** Diffs by token of {@code level} (lines, words), then inside each changed run one level down. */
    private void tokens(int aFrom, int aTo, int bFrom, int bTo, int level) {
        int separator = SEPARATORS[level];
        int[] aStarts = tokenStarts(a, aFrom, aTo, separator);
        int[] bStarts = tokenStarts(b, bFrom, bTo, separator);
        int aCount = aStarts.length - 1;
        int bCount = bStarts.length - 1;
        if (aCount == 1 && bCount == 1) {
            range(aFrom, aTo, bFrom, bTo, level + 1);
            return;
        }
        Map<String, Integer> ids = new HashMap<>();
        int[] aIds = ids(a, aStarts, ids);
        int[] bIds = ids(b, bStarts, ids);
        boolean[] inA = new boolean[ids.size()];
        boolean[] inB = new boolean[ids.size()];
        for (int id : aIds) {
            inA[id] = true;
        }
        for (int id : bIds) {
            inB[id] = true;
        }
        int[] aKept = kept(aIds, inB);
        int[] bKept = kept(bIds, inA);
        if (aKept.length == 0 || bKept.length == 0) {
            range(aFrom, aTo, bFrom, bTo, level + 1);
            return;
        }
        int[] aKeptIds = select(aIds, aKept);
        int[] bKeptIds = select(bIds, bKept);
        List<Change> changes = Myers.diff(aKeptIds, 0, aKept.length, bKeptIds, 0, bKept.length, budget);
        if (changes == null) {
            add(aFrom, aTo, bFrom, bTo);
            return;
        }
        int ia = 0;
        int ib = 0;
        int aToken = 0;
        int bToken = 0;
        changes.add(new Change(null, aKept.length, aKept.length, bKept.length, bKept.length));
        for (Change c : changes) {
            for (; ia < c.startOriginal; ia++, ib++) {
                run(aStarts, aToken, aKept[ia], bStarts, bToken, bKept[ib], level + 1);
                aToken = aKept[ia] + 1;
                bToken = bKept[ib] + 1;
            }
            ia = c.endOriginal;
            ib = c.endRevised;
        }
        run(aStarts, aToken, aCount, bStarts, bToken, bCount, level + 1);
    }

    /** Diffs tokens {@code [aToken, aEnd)} against {@code [bToken, bEnd)} at {@code level}. */
    private void run(int[] aStarts, int aToken, int aEnd, int[] bStarts, int bToken, int bEnd, int level) {
        if (aToken < aEnd || bToken < bEnd) {
            range(aStarts[aToken], aStarts[aEnd], bStarts[bToken], bStarts[bEnd], level);
        }
    }

    /** Adds a change, merged with the one before it when they touch. */
    private void add(int aFrom, int aTo, int bFrom, int bTo) {
        if (aFrom == aTo && bFrom == bTo) {
            return;
        }
        int last = hunks.size() - 1;
        if (last >= 0 && hunks.get(last).aTo() == aFrom) {
            Hunk before = hunks.get(last);
            hunks.set(last, new Hunk(before.aFrom(), aTo, before.bFrom(), bTo));
        } else {
            hunks.add(new Hunk(aFrom, aTo, bFrom, bTo));
        }
    }

    /** Where each token of {@code cps[from, to)} starts (a token ends after its separator), then {@code to}. */
    private static int[] tokenStarts(int[] cps, int from, int to, int separator) {
        int count = 1;
        for (int i = from; i < to - 1; i++) {
            if (cps[i] == separator) {
                count++;
            }
        }
        int[] starts = new int[count + 1];
        starts[0] = from;
        int n = 1;
        for (int i = from; i < to - 1; i++) {
            if (cps[i] == separator) {
                starts[n++] = i + 1;
            }
        }
        starts[count] = to;
        return starts;
    }

    private static int[] ids(int[] cps, int[] starts, Map<String, Integer> ids) {
        int[] out = new int[starts.length - 1];
        for (int i = 0; i < out.length; i++) {
            String token = new String(cps, starts[i], starts[i + 1] - starts[i]);
            Integer id = ids.putIfAbsent(token, ids.size());
            out[i] = id == null ? ids.size() - 1 : id;
        }
        return out;
    }

    /** The indices of the tokens whose id also occurs on the other side. */
    private static int[] kept(int[] tokenIds, boolean[] onOtherSide) {
        int n = 0;
        for (int id : tokenIds) {
            if (onOtherSide[id]) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < tokenIds.length; i++) {
            if (onOtherSide[tokenIds[i]]) {
                out[n++] = i;
            }
        }
        return out;
    }

    private static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
