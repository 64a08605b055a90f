package dev.weft.crdt;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One replica of a document: atoms in pid order, alive or tombstone (docs/protocol.md §2).
 *
 * <p>Local edits take positions either in code points ({@link #insert}, {@link #delete}) or in
 * UTF-16 units as Swing counts them ({@link #insertUtf16}, {@link #deleteUtf16}); every atom is one
 * code point. They allocate pids and report the resulting operations to an {@link OpSink}. Remote
 * operations ({@link #applyInsert}, {@link #applyDelete}) are idempotent and commute. All lookups
 * cost O(log n). Not thread-safe: one thread owns a replica.
 */
public final class SequenceDoc implements AtomSource {
    private final AtomTree tree;
    private final PidAllocator allocator;
    private final AtomTree.Cursor cursor = new AtomTree.Cursor();
    private final long[] scratch = new long[Pid.MAX_DEPTH];

    /** An empty document edited as {@code site}. */
    public SequenceDoc(int site, RandomGenerator random) {
        this(new AtomTree(), new PidAllocator(site, random));
    }

    private SequenceDoc(AtomTree tree, PidAllocator allocator) {
        this.tree = tree;
        this.allocator = allocator;
    }

    /**
     * A document holding the atoms of {@code source}, which must list them in strictly increasing
     * pid order (as a structure file does), edited as {@code site}.
     *
     * @throws IllegalArgumentException if the atoms are out of order or a pid is invalid
     */
    public static SequenceDoc load(AtomSource source, int site, RandomGenerator random) {
        Builder builder = builder();
        source.forEachAtom(builder);
        return builder.build(site, random);
    }

    /** A builder that takes atoms in strictly increasing pid order, e.g. from a structure file reader. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects atoms in pid order into a densely packed replica. */
    public static final class Builder implements AtomVisitor {
        private final AtomTree.Builder tree = new AtomTree.Builder();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the atom is not after the one before it */
        @Override
        public void visit(long[] keys, int offset, int depth, int codePoint) {
            tree.visit(keys, offset, depth, codePoint);
        }

        /** The replica of the atoms visited so far, edited as {@code site}; use the builder once. */
        public SequenceDoc build(int site, RandomGenerator random) {
            return new SequenceDoc(tree.build(), new PidAllocator(site, random));
        }
    }

    /** An independent copy of this replica, edited as {@code site}. */
    public SequenceDoc copy(int site, RandomGenerator random) {
        return load(tree, site, random);
    }

    /** The site this replica makes pids for. */
    public int site() {
        return allocator.site();
    }

    /** Makes pids for another site from now on (a device that was just paired). */
    public void setSite(int site) {
        allocator.setSite(site);
    }

    /** Visible length in code points. */
    public int length() {
        return tree.alive();
    }

    /** Visible length in UTF-16 units. */
    public int utf16Length() {
        return tree.u16();
    }

    /** Number of atoms, tombstones included. */
    public int atomCount() {
        return tree.atoms();
    }

    /** The visible text. */
    public String text() {
        StringBuilder sb = new StringBuilder(tree.u16());
        for (Leaf leaf = tree.head(); leaf != null; leaf = leaf.next) {
            for (int i = 0; i < leaf.n; i++) {
                int cp = leaf.cps[i];
                if (cp >= 0) {
                    sb.appendCodePoint(cp);
                }
            }
        }
        return sb.toString();
    }

    /** Converts a UTF-16 offset into a code point index; throws if it splits a surrogate pair. */
    public int cpIndexOfUtf16(int utf16Offset) {
        return tree.cpIndexOfUtf16(utf16Offset);
    }

    /** Converts a code point index into a UTF-16 offset. */
    public int utf16OfCpIndex(int cpIndex) {
        return tree.utf16OfCpIndex(cpIndex);
    }

    /** Inserts {@code text} before visible code point {@code index} and reports each new atom. */
    public void insert(int index, CharSequence text, OpSink sink) {
        if (text.length() == 0) {
            return;
        }
        AtomTree.Cursor c = cursor;
        seekInsertPoint(index, c);
        for (int t = 0; t < text.length();) {
            int cp = Character.codePointAt(text, t);
            if (!Atom.isScalarValue(cp)) {
                throw new IllegalArgumentException("unpaired surrogate at " + t);
            }
            t += Character.charCount(cp);
            int depth = allocateBefore(c);
            tree.insert(c, scratch, 0, depth, cp);
            if (sink != OpSink.NONE) {
                sink.inserted(Pid.adopt(Arrays.copyOf(scratch, depth)), cp);
            }
            c.i++;
        }
    }

    /**
     * Puts {@code c} where an insert before visible code point {@code index} goes: right after the
     * visible atom before it, past the tombstones of this site's own atoms that follow it, and in
     * front of the first other tombstone or alive atom (docs/crdt.md, "Where an insert goes").
     */
    private void seekInsertPoint(int index, AtomTree.Cursor c) {
        if (index < 0 || index > tree.alive()) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + tree.alive());
        }
        if (index == 0) {
            c.set(tree.head(), 0);
        } else {
            tree.seekVisible(index - 1, c);
            c.i++;
        }
        int site = allocator.site();
        Leaf leaf = c.leaf;
        int i = c.i;
        while (true) {
            if (i == leaf.n) {
                if (leaf.next == null) {
                    break;
                }
                leaf = leaf.next;
                i = 0;
            }
            if (leaf.alive(i) || Pid.siteOf(leaf.keys[leaf.off[i + 1] - 1]) != site) {
                break;
            }
            i++;
        }
        c.set(leaf, i);
    }

    /** Makes a pid for an insert at {@code c}, between the atom before it and the atom at it. */
    private int allocateBefore(AtomTree.Cursor c) {
        Leaf leaf = c.leaf;
        int i = c.i;
        if (i == leaf.n && leaf.next != null) {
            leaf = leaf.next;
            i = 0;
            c.set(leaf, 0);
        }
        Leaf ll = leaf;
        int li = i - 1;
        if (li < 0 && leaf.prev != null) {
            ll = leaf.prev;
            li = ll.n - 1;
        }
        int lo = 0;
        int lDepth = 0;
        if (li >= 0) {
            lo = ll.off[li];
            lDepth = ll.depth(li);
        }
        int ro = 0;
        int rDepth = 0;
        if (i < leaf.n) {
            ro = leaf.off[i];
            rDepth = leaf.depth(i);
        }
        boolean retype = li >= 0 && !ll.alive(li) && Pid.siteOf(ll.keys[lo + lDepth - 1]) == allocator.site();
        int frameDepth = -1;
        if (li >= 0 && Pid.siteOf(ll.keys[lo + lDepth - 1]) != allocator.site()) {
            frameDepth = groupFrame(ll.keys, lo, lDepth, leaf.keys, ro, rDepth);
        }
        return allocator.allocate(ll.keys, lo, lDepth, leaf.keys, ro, rDepth, scratch, retype, frame, frameDepth);
    }

    private final long[] frame = new long[Pid.MAX_DEPTH];
    private final AtomTree.Cursor probe = new AtomTree.Cursor();

    /**
     * The first atom after the left one's level-{@code d} gap that is not in a group (a subtree
     * beneath a pair that is no atom), copied to {@link #frame}: its depth, or 0 for the level's
     * end. Groups below the right neighbour take their slots in the frame of that atom.
     */
    private int groupFrame(long[] l, int lo, int ll, long[] r, int ro, int rl) {
        int d = ll - 1;
        if (rl <= d || Pid.compare(l, lo, d, r, ro, d) != 0) {
            return 0;
        }
        System.arraycopy(r, ro, frame, 0, rl);
        int depth = rl;
        while (depth > d + 1 && !tree.seekPid(frame, 0, d + 1, probe)) {
            frame[d]++;
            tree.seekPid(frame, 0, d + 1, probe);
            Leaf leaf = probe.leaf;
            int i = probe.i;
            if (i == leaf.n) {
                leaf = leaf.next;
                i = 0;
            }
            if (leaf == null || leaf.n == 0) {
                return 0;
            }
            depth = leaf.depth(i);
            System.arraycopy(leaf.keys, leaf.off[i], frame, 0, depth);
            if (depth <= d || Pid.compare(l, lo, d, frame, 0, d) != 0) {
                return 0;
            }
        }
        return depth;
    }

    /** Deletes {@code count} visible code points from {@code index} and reports each delete. */
    public void delete(int index, int count, OpSink sink) {
        if (count < 0 || index + count > tree.alive()) {
            throw new IndexOutOfBoundsException("delete " + index + "+" + count + ", length " + tree.alive());
        }
        if (count == 0) {
            return;
        }
        AtomTree.Cursor c = cursor;
        tree.seekVisible(index, c);
        for (int done = 0;;) {
            if (sink != OpSink.NONE) {
                Leaf leaf = c.leaf;
                int from = leaf.off[c.i];
                sink.deleted(Pid.adopt(Arrays.copyOfRange(leaf.keys, from, from + leaf.depth(c.i))));
            }
            tree.kill(c);
            if (++done == count) {
                return;
            }
            nextAlive(c);
        }
    }

    /** Moves {@code c} forward to the next alive atom (one exists). */
    private static void nextAlive(AtomTree.Cursor c) {
        Leaf leaf = c.leaf;
        int i = c.i + 1;
        while (true) {
            if (i == leaf.n) {
                leaf = leaf.next;
                i = 0;
            } else if (leaf.cps[i] >= 0) {
                c.set(leaf, i);
                return;
            } else {
                i++;
            }
        }
    }

    /** {@link #insert} at a UTF-16 offset. */
    public void insertUtf16(int utf16Offset, CharSequence text, OpSink sink) {
        insert(tree.cpIndexOfUtf16(utf16Offset), text, sink);
    }

    /** {@link #delete} of a UTF-16 range, which must not split a surrogate pair. */
    public void deleteUtf16(int utf16Offset, int utf16Length, OpSink sink) {
        int from = tree.cpIndexOfUtf16(utf16Offset);
        int to = tree.cpIndexOfUtf16(utf16Offset + utf16Length);
        delete(from, to - from, sink);
    }

    /**
     * Applies a remote insert. Nothing happens if the pid is present, alive or tombstone.
     *
     * @return the UTF-16 offset where the character appeared, or -1 if the text did not change
     */
    public int applyInsert(Pid pid, int codePoint) {
        return merge(pid, codePoint) ? tree.u16Before(cursor) : -1;
    }

    /**
     * Applies a remote delete: an alive atom becomes a tombstone, an unknown pid is recorded as a
     * tombstone so that a later insert of it stays dead.
     *
     * @return the UTF-16 offset of the character that disappeared, or -1 if the text did not change
     */
    public int applyDelete(Pid pid) {
        pid.copyKeys(scratch, 0);
        AtomTree.Cursor c = cursor;
        if (!tree.seekPidNear(scratch, 0, pid.depth(), c)) {
            tree.insert(c, scratch, 0, pid.depth(), AtomVisitor.TOMBSTONE);
            return -1;
        }
        if (!c.leaf.alive(c.i)) {
            return -1;
        }
        int at = tree.u16Before(c);
        tree.kill(c);
        return at;
    }

    /**
     * {@link #applyInsert} without working out where the text changed: the cheaper form for
     * merging many ops when no editor shows the document.
     *
     * @return whether the text changed
     */
    public boolean merge(Pid pid, int codePoint) {
        if (!Atom.isScalarValue(codePoint)) {
            throw new IllegalArgumentException("not a Unicode scalar value: " + codePoint);
        }
        pid.copyKeys(scratch, 0);
        AtomTree.Cursor c = cursor;
        if (tree.seekPidNear(scratch, 0, pid.depth(), c)) {
            return false;
        }
        tree.insert(c, scratch, 0, pid.depth(), codePoint);
        return true;
    }

    /**
     * {@link #applyDelete} without working out where the text changed.
     *
     * @return whether the text changed
     */
    public boolean mergeDelete(Pid pid) {
        pid.copyKeys(scratch, 0);
        AtomTree.Cursor c = cursor;
        if (!tree.seekPidNear(scratch, 0, pid.depth(), c)) {
            tree.insert(c, scratch, 0, pid.depth(), AtomVisitor.TOMBSTONE);
            return false;
        }
        if (!c.leaf.alive(c.i)) {
            return false;
        }
        tree.kill(c);
        return true;
    }

    /** The pid of the visible code point at {@code index}. */
    public Pid pidAt(int index) {
        if (index >= tree.alive()) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + tree.alive());
        }
        tree.seekVisible(index, cursor);
        Leaf leaf = cursor.leaf;
        return Pid.ofRange(leaf.keys, leaf.off[cursor.i], leaf.depth(cursor.i));
    }

    /** The visible code point index of an alive atom, or -1 if the pid is absent or deleted. */
    public int indexOf(Pid pid) {
        pid.copyKeys(scratch, 0);
        if (!tree.seekPid(scratch, 0, pid.depth(), cursor) || !cursor.leaf.alive(cursor.i)) {
            return -1;
        }
        return tree.aliveBefore(cursor);
    }

    /**
     * The UTF-16 offset just after {@code pid}'s place in the text: after its character if it is
     * alive, else where it stood or would stand. A caret "after pid" sits here.
     */
    public int utf16After(Pid pid) {
        pid.copyKeys(scratch, 0);
        boolean found = tree.seekPid(scratch, 0, pid.depth(), cursor);
        int offset = tree.u16Before(cursor);
        if (found && cursor.leaf.alive(cursor.i)) {
            offset += Character.charCount(cursor.leaf.cps[cursor.i]);
        }
        return offset;
    }

    /** True if the pid is present, alive or tombstone. */
    public boolean contains(Pid pid) {
        pid.copyKeys(scratch, 0);
        return tree.seekPid(scratch, 0, pid.depth(), cursor);
    }

    @Override
    public void forEachAtom(AtomVisitor visitor) {
        tree.forEachAtom(visitor);
    }

    /** Throws {@link IllegalStateException} at the first broken invariant of the tree. */
    public void checkInvariants() {
        TreeChecker.check(tree);
    }
}
