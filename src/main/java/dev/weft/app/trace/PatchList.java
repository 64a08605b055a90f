package dev.weft.app.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable run of patches, stored column-wise: one {@code int[]} of positions, one of delete
 * counts and one {@code String[]} of inserted texts, shared by every transaction of a trace.
 *
 * <p>Why not one {@link Patch} object per patch: a trace such as automerge-paper has 260,000
 * patches; flat arrays cost three array slots per patch instead of an object header and a
 * pointer each, keep the data contiguous for replay loops, and let each transaction be a cheap
 * view ({@code offset}, {@code size}) into the trace's arrays. {@link #get(int)} makes a
 * {@link Patch} on demand where a value is more convenient than speed.
 */
public final class PatchList {
    private final int[] positions;
    private final int[] deleteCounts;
    private final String[] inserts;
    private final int offset;
    private final int size;

    private PatchList(int[] positions, int[] deleteCounts, String[] inserts, int offset, int size) {
        this.positions = positions;
        this.deleteCounts = deleteCounts;
        this.inserts = inserts;
        this.offset = offset;
        this.size = size;
    }

    /** Number of patches. */
    public int size() {
        return size;
    }

    /** Code point position of patch {@code i}. */
    public int position(int i) {
        return positions[index(i)];
    }

    /** Code points deleted by patch {@code i}. */
    public int deleteCount(int i) {
        return deleteCounts[index(i)];
    }

    /** Text inserted by patch {@code i}, possibly empty. */
    public String insert(int i) {
        return inserts[index(i)];
    }

    /** Patch {@code i} as a value. */
    public Patch get(int i) {
        int k = index(i);
        return new Patch(positions[k], deleteCounts[k], inserts[k]);
    }

    /** Patches {@code from} (inclusive) to {@code to} (exclusive) of this list, sharing its storage. */
    PatchList slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new PatchList(positions, deleteCounts, inserts, offset + from, to - from);
    }

    private int index(int i) {
        return offset + Objects.checkIndex(i, size);
    }

    @Override
    public String toString() {
        return "PatchList[" + size + " patches]";
    }

    /** Collects patches in order; {@link #build()} freezes them. */
    static final class Builder {
        private final IntList positions = new IntList();
        private final IntList deleteCounts = new IntList();
        private final List<String> inserts = new ArrayList<>();

        void add(int position, int deleteCount, String insert) {
            positions.add(position);
            deleteCounts.add(deleteCount);
            inserts.add(insert);
        }

        int size() {
            return positions.size();
        }

        PatchList build() {
            return new PatchList(positions.toArray(), deleteCounts.toArray(),
                    inserts.toArray(String[]::new), 0, size());
        }
    }
}
