package dev.weft.vault.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The edit script between two texts: the fewest code points deleted and inserted, as
 * {@link Edit}s in UTF-16 offsets, applied left to right.
 *
 * <p>Every change counts code points, never UTF-16 units: an emoji is one unit and no edit splits a
 * surrogate pair. The common prefix and suffix are stripped first (in linear time), then the rest
 * is diffed with java-diff-utils' Myers algorithm: by character when it is small, else by line and
 * then by word or character inside the changed lines ({@code Hunks}). Of the equally short
 * scripts, inserts and deletes are slid to line starts where they can be ({@code Boundaries}). The Myers runs of one call share a budget of about
 * {@value #BUDGET} steps (tens of milliseconds); past it the ranges left are replaced whole, so a
 * wholly rewritten megabyte still diffs fast, into a script that is correct but no longer minimal.
 * Adjacent changes are merged, so edits never touch one another.
 */
public final class TextDiff {
    /** Myers steps one {@link #diff} may spend in all. */
    static final long BUDGET = 30_000_000;

    /**
     * Replace {@code deleteLength} UTF-16 units at {@code offset} with {@code insert}; the offset is
     * relative to the text as it stands after the edits before this one.
     */
    public record Edit(int offset, int deleteLength, String insert) {
        public Edit {
            if (offset < 0 || deleteLength < 0) {
                throw new IllegalArgumentException("negative offset or length: " + offset + ", " + deleteLength);
            }
            Objects.requireNonNull(insert, "insert");
        }
    }

    private TextDiff() {
    }

    /**
     * The edits that turn {@code from} into {@code to}: in increasing offset order, none empty,
     * none touching the next, none splitting a surrogate pair; empty if the texts are equal.
     */
    public static List<Edit> diff(String from, String to) {
        return diff(from, to, BUDGET);
    }

    /**
     * As {@link #diff}, but by line (then word, then character) whatever the size: where the lines
     * are the units that matter, so that `line 1` is not found inside `line 10`.
     */
    public static List<Edit> diffByLine(String from, String to) {
        return diff(from, to, BUDGET, 0);
    }

    static List<Edit> diff(String from, String to, long budget) {
        return diff(from, to, budget, Hunks.CHARACTERS_FIRST);
    }

    private static List<Edit> diff(String from, String to, long budget, int charactersFirst) {
        if (from.equals(to)) {
            return List.of();
        }
        int[] a = codePoints(from);
        int[] b = codePoints(to);
        List<Hunks.Hunk> hunks = Hunks.between(a, b, new Myers.Budget(budget), charactersFirst);
        List<Edit> edits = new ArrayList<>(hunks.size());
        int bIndex = 0;
        int offset = 0;
        for (Hunks.Hunk h : hunks) {
            offset += utf16Length(b, bIndex, h.bFrom());
            String insert = new String(b, h.bFrom(), h.bTo() - h.bFrom());
            edits.add(new Edit(offset, utf16Length(a, h.aFrom(), h.aTo()), insert));
            offset += insert.length();
            bIndex = h.bTo();
        }
        return edits;
    }

    /** {@code text} with {@code edits} applied one after the other. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text.length());
        int read = 0;
        int i = 0;
        for (; i < edits.size(); i++) {
            Edit e = edits.get(i);
            int skip = e.offset() - out.length();
            if (skip < 0) {
                break; // out of order: fall back to editing in place
            }
            if (skip + e.deleteLength() > text.length() - read) {
                throw new IndexOutOfBoundsException("edit " + e + " beyond the text");
            }
            out.append(text, read, read + skip).append(e.insert());
            read += skip + e.deleteLength();
        }
        out.append(text, read, text.length());
        for (; i < edits.size(); i++) {
            Edit e = edits.get(i);
            Objects.checkFromIndexSize(e.offset(), e.deleteLength(), out.length());
            out.replace(e.offset(), e.offset() + e.deleteLength(), e.insert());
        }
        return out.toString();
    }

    /** The code points of {@code text}; an unpaired surrogate stands for itself. */
    private static int[] codePoints(String text) {
        int[] cps = new int[text.codePointCount(0, text.length())];
        for (int i = 0, n = 0; i < text.length(); n++) {
            int cp = text.codePointAt(i);
            cps[n] = cp;
            i += Character.charCount(cp);
        }
        return cps;
    }

    private static int utf16Length(int[] cps, int from, int to) {
        int n = to - from;
        for (int i = from; i < to; i++) {
            if (cps[i] >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                n++;
            }
        }
        return n;
    }
}
