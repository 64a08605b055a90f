package dev.weft.vault.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges an {@code .md} file that another program changed into a replica whose text may have
 * moved on since the file was written: {@code base} is what the file held when Weft last wrote
 * or read it, {@code ours} the replica's text now (remote ops not yet written included),
 * {@code theirs} the file now.
 *
 * <p>The edits base→theirs are carried over the edits base→ours, so applying the result to
 * {@code ours} keeps both sides: edits that do not overlap land exactly; where they overlap,
 * both insertions are kept (ours first) and the deletions are unioned (a character either side
 * deleted is gone). A change both sides made to the same stretch is applied once when one side's text begins with
 * the other's (both typed {@code " world"}, theirs went on to {@code " world!"}). A remote op is never
 * reverted just because the file was stale. Pure and deterministic.
 */
public final class ThreeWayMerge {
    /** One side's change in base coordinates: replace base[{@code from}, {@code to}) with {@code insert}. */
    private record Change(int from, int to, String insert) {
        int delta() {
            return insert.length() - (to - from);
        }
    }

    /** An edit in {@code ours} coordinates, before the other edits of the result shift it. */
    private record Op(int at, int deleteLength, String insert) {
    }

    private ThreeWayMerge() {
    }

    /**
     * The edits that bring the changes base→theirs into {@code ours}, as {@link TextDiff} gives
     * them (UTF-16 offsets, each relative to the text after the edits before it); empty if
     * {@code theirs} changed nothing that {@code ours} lacks.
     */
    public static List<TextDiff.Edit> edits(String base, String ours, String theirs) {
        if (theirs.equals(base) || theirs.equals(ours)) {
            return List.of();
        }
        if (ours.equals(base)) {
            return TextDiff.diff(ours, theirs);
        }
        List<Change> mine = changes(TextDiff.diff(base, ours));
        List<Op> ops = new ArrayList<>();
        for (Change c : changes(TextDiff.diff(base, theirs))) {
            Change same = sameRange(c, mine);
            if (same == null) {
                carry(c, mine, ops);
            } else if (c.insert().startsWith(same.insert())) {
                // both typed the same start (or all of it) at one place: only the rest is theirs
                String rest = c.insert().substring(same.insert().length());
                if (!rest.isEmpty()) {
                    ops.add(new Op(start(same, mine) + same.insert().length(), 0, rest));
                }
            } else if (!same.insert().startsWith(c.insert())) {
                carry(c, mine, ops);
            }
        }
        ops.sort(Comparator.comparingInt(Op::at).thenComparing(op -> op.deleteLength() > 0));
        List<TextDiff.Edit> edits = new ArrayList<>(ops.size());
        int shift = 0;
        for (Op op : ops) {
            edits.add(new TextDiff.Edit(op.at() + shift, op.deleteLength(), op.insert()));
            shift += op.insert().length() - op.deleteLength();
        }
        return edits;
    }

    /** {@code ours} with the changes base→theirs merged in. */
    public static String merge(String base, String ours, String theirs) {
        return TextDiff.apply(ours, edits(base, ours, theirs));
    }

    /** Our change of exactly the base range {@code c} changed, if there is one. */
    private static Change sameRange(Change c, List<Change> mine) {
        for (Change m : mine) {
            if (m.from() == c.from() && m.to() == c.to()) {
                return m;
            }
        }
        return null;
    }

    /** Where our change {@code m} starts in ours. */
    private static int start(Change m, List<Change> mine) {
        int shift = 0;
        for (Change other : mine) {
            if (other == m) {
                break;
            }
            shift += other.delta();
        }
        return m.from() + shift;
    }

    /** Sequential edits as changes to the text they started from. */
    private static List<Change> changes(List<TextDiff.Edit> edits) {
        List<Change> changes = new ArrayList<>(edits.size());
        int shift = 0;
        for (TextDiff.Edit e : edits) {
            int from = e.offset() - shift;
            changes.add(new Change(from, from + e.deleteLength(), e.insert()));
            shift += e.insert().length() - e.deleteLength();
        }
        return changes;
    }

    /**
     * Adds the ops of their change {@code c}: delete what is left in ours of base[from, to) — the
     * stretches between our changes, split at our insertions so those survive — and insert their
     * text after anything ours inserted at the same place.
     */
    private static void carry(Change c, List<Change> mine, List<Op> ops) {
        if (!c.insert().isEmpty()) {
            ops.add(new Op(after(c.from(), mine), 0, c.insert()));
        }
        int at = c.from();
        for (Change m : mine) {
            if (m.to() <= at) {
                continue;
            }
            if (m.from() >= c.to()) {
                break;
            }
            if (m.from() > at) {
                ops.add(new Op(after(at, mine), m.from() - at, ""));
            }
            at = Math.max(at, m.to());
        }
        if (at < c.to()) {
            ops.add(new Op(after(at, mine), c.to() - at, ""));
        }
    }

    /**
     * Where base position {@code p} is in ours, after whatever ours inserted there; a position
     * inside a stretch ours replaced goes after ours' replacement text.
     */
    private static int after(int p, List<Change> mine) {
        int shift = 0;
        for (Change m : mine) {
            if (m.to() <= p) {
                shift += m.delta();
            } else if (m.from() < p) {
                return m.from() + shift + m.insert().length();
            } else {
                break;
            }
        }
        return p + shift;
    }

    /**
     * The insertions of {@code edits} only (the text they would delete stays), for a merge whose
     * base is unknown: without a base a deletion cannot be told from text typed here since the
     * file was written, and losing typed text is worse than keeping text deleted elsewhere.
     */
    public static List<TextDiff.Edit> insertionsOnly(List<TextDiff.Edit> edits) {
        List<TextDiff.Edit> kept = new ArrayList<>(edits.size());
        int stays = 0; // UTF-16 units of deletions dropped so far: later offsets move right by them
        for (TextDiff.Edit e : edits) {
            if (!e.insert().isEmpty()) {
                kept.add(new TextDiff.Edit(e.offset() + stays, 0, e.insert()));
            }
            stays += e.deleteLength();
        }
        return kept;
    }
}
