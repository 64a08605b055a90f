package dev.weft.vault.text;

import java.util.List;

/**
 * Slides each pure insert and pure delete to the place where it reads best, at no cost in size.
 *
 * <p>An insert of {@code "- b\n"} after {@code "- a\n"} can equally be read as {@code "\n- b"}
 * inserted before the last {@code \n}: the same number of code points, but the second splits a
 * line, and text typed concurrently at the end of {@code - a} would land after the new line
 * instead of before it. Like diff-match-patch's lossless semantic clean-up, every position the
 * range can slide to (its first code point equals the one after it, or its last the one before
 * it) is scored by its two ends: a line start or the text's edge beats whitespace, which beats
 * anything else; the best wins, and on a tie the place Myers chose stays (else the leftmost). A slide never lets a change touch another
 * and goes at most {@value #MAX_SLIDE} code points each way.
 */
final class Boundaries {
    private static final int MAX_SLIDE = 256;

    private Boundaries() {
    }

    static void align(int[] a, int[] b, List<Hunks.Hunk> hunks) {
        for (int i = 0; i < hunks.size(); i++) {
            Hunks.Hunk h = hunks.get(i);
            boolean insert = h.aFrom() == h.aTo();
            if (insert == (h.bFrom() == h.bTo())) {
                continue; // a replacement: nothing slides
            }
            int[] side = insert ? b : a;
            int from = insert ? h.bFrom() : h.aFrom();
            int to = insert ? h.bTo() : h.aTo();
            int low = i == 0 ? 0 : (insert ? hunks.get(i - 1).bTo() : hunks.get(i - 1).aTo()) + 1;
            int high = i + 1 == hunks.size() ? side.length
                    : (insert ? hunks.get(i + 1).bFrom() : hunks.get(i + 1).aFrom()) - 1;
            int shift = bestShift(side, from, to, low, high);
            if (shift != 0) {
                hunks.set(i, new Hunks.Hunk(h.aFrom() + shift, h.aTo() + shift, h.bFrom() + shift, h.bTo() + shift));
            }
        }
    }

    /** How far {@code side[from, to)} best moves, staying within {@code [low, high]}. */
    private static int bestShift(int[] side, int from, int to, int low, int high) {
        int left = 0;
        while (left < MAX_SLIDE && from - left - 1 >= low && side[from - left - 1] == side[to - left - 1]) {
            left++;
        }
        int best = 0;
        int bestScore = score(side, from, to);
        for (int s = -left; s <= MAX_SLIDE && to + s <= high; s++) {
            if (s > -left && side[from + s - 1] != side[to + s - 1]) {
                break;
            }
            int score = score(side, from + s, to + s);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(int[] side, int from, int to) {
        return edge(side, from) + edge(side, to);
    }

    /** How good a place the boundary before {@code side[at]} is to begin or end a change. */
    private static int edge(int[] side, int at) {
        if (at == 0 || at == side.length || side[at - 1] == '\n') {
            return 3;
        }
        return Character.isWhitespace(side[at - 1]) || Character.isWhitespace(side[at]) ? 1 : 0;
    }
}
