package dev.weft.crdt;

/**
 * An order-statistic B+ tree of atoms in pid order. Every node knows how many atoms, visible code
 * points and visible UTF-16 units its subtree holds, so finding the atom at a visible index, the
 * visible index of an atom, and the place of a pid all cost O(log n). Atoms are never removed (a
 * delete leaves a tombstone), so nodes only ever split.
 */
final class AtomTree implements AtomSource {
    /** Atoms per leaf when building from a sorted source: room left for later inserts. */
    private static final int BULK_LEAF_FILL = Leaf.CAP * 7 / 8;
    private static final int BULK_INNER_FILL = Inner.CAP * 7 / 8;

    /** A position in the tree: before atom {@code i} of {@code leaf} ({@code i == n}: after all). */
    static final class Cursor {
        Leaf leaf;
        int i;

        void set(Leaf leaf, int i) {
            this.leaf = leaf;
            this.i = i;
        }
    }

    private Node root;
    private Leaf head;
    private Leaf tail;
    /**
     * The leaf of the last visible-index lookup and the visible index of its first atom: typing
     * stays in one leaf for many keystrokes, so most lookups skip the descent. Dropped whenever a
     * change elsewhere could move it.
     */
    private Leaf finger;
    private int fingerStart;
    /** Where the last pid lookup ended; only a hint, checked against the keys before use. */
    private Leaf pidFinger;
    private int pidFingerIndex;

    AtomTree() {
        Leaf empty = new Leaf(8);
        root = empty;
        head = empty;
        tail = empty;
    }

    int alive() {
        return root.alive;
    }

    int u16() {
        return root.u16;
    }

    int atoms() {
        return root.atoms;
    }

    Leaf head() {
        return head;
    }

    Node root() {
        return root;
    }

    /** Puts {@code c} on the alive atom with visible index {@code idx}, or at the end if it is {@link #alive()}. */
    void seekVisible(int idx, Cursor c) {
        if (idx < 0 || idx > root.alive) {
            throw new IndexOutOfBoundsException("index " + idx + ", length " + root.alive);
        }
        if (idx == root.alive) {
            c.set(tail, tail.n);
            return;
        }
        Leaf leaf = finger;
        int rem = idx - fingerStart;
        if (leaf == null || rem < 0 || rem >= leaf.alive) {
            Node node = root;
            rem = idx;
            while (node instanceof Inner) {
                Inner in = (Inner) node;
                int j = 0;
                while (rem >= in.kids[j].alive) {
                    rem -= in.kids[j].alive;
                    j++;
                }
                node = in.kids[j];
            }
            leaf = (Leaf) node;
            finger = leaf;
            fingerStart = idx - rem;
        }
        int i = 0;
        while (true) {
            if (leaf.cps[i] >= 0 && rem-- == 0) {
                c.set(leaf, i);
                return;
            }
            i++;
        }
    }

    /** The visible code point index at UTF-16 offset {@code off}; throws inside a surrogate pair. */
    int cpIndexOfUtf16(int off) {
        return convert(off, true);
    }

    /** The UTF-16 offset of visible code point index {@code idx}. */
    int utf16OfCpIndex(int idx) {
        return convert(idx, false);
    }

    /**
     * Converts a visible position from one unit to the other: descends by UTF-16 units
     * ({@code fromUtf16}) or by code points, adding up the other count on the way.
     */
    private int convert(int position, boolean fromUtf16) {
        int total = fromUtf16 ? root.u16 : root.alive;
        if (position < 0 || position > total) {
            throw new IndexOutOfBoundsException("position " + position + ", length " + total);
        }
        if (position == total) {
            return fromUtf16 ? root.alive : root.u16;
        }
        Node node = root;
        int rem = position;
        int other = 0;
        while (node instanceof Inner) {
            Inner in = (Inner) node;
            int j = 0;
            while (rem >= (fromUtf16 ? in.kids[j].u16 : in.kids[j].alive)) {
                Node kid = in.kids[j];
                rem -= fromUtf16 ? kid.u16 : kid.alive;
                other += fromUtf16 ? kid.alive : kid.u16;
                j++;
            }
            node = in.kids[j];
        }
        Leaf leaf = (Leaf) node;
        for (int i = 0;; i++) {
            int cp = leaf.cps[i];
            if (cp >= 0) {
                if (rem == 0) {
                    return other;
                }
                int width = Character.charCount(cp);
                rem -= fromUtf16 ? width : 1;
                if (rem < 0) {
                    throw new IllegalArgumentException("UTF-16 offset " + position + " splits a surrogate pair");
                }
                other += fromUtf16 ? 1 : width;
            }
        }
    }

    /**
     * {@link #seekPid}, first trying the place of the previous remote op: ops of a run arrive one
     * after the other, so the next pid usually belongs right after the last one.
     */
    boolean seekPidNear(long[] k, int ko, int kd, Cursor c) {
        Leaf leaf = pidFinger;
        int i = pidFingerIndex;
        if (leaf != null && i < leaf.n && leaf.compareAt(i, k, ko, kd) < 0) {
            int after = i + 1;
            if (after < leaf.n) {
                int cmp = leaf.compareAt(after, k, ko, kd);
                if (cmp >= 0) {
                    c.set(leaf, after);
                    return rememberPid(c, cmp == 0);
                }
            } else if (leaf.next == null || leaf.next.compareAt(0, k, ko, kd) > 0) {
                c.set(leaf, after);
                return rememberPid(c, false);
            }
        }
        return rememberPid(c, seekPid(k, ko, kd, c));
    }

    private boolean rememberPid(Cursor c, boolean found) {
        pidFinger = c.leaf;
        pidFingerIndex = c.i;
        return found;
    }

    /**
     * Puts {@code c} on the atom with this pid and returns true, or on the place where it would be
     * inserted and returns false.
     */
    boolean seekPid(long[] k, int ko, int kd, Cursor c) {
        Leaf t = tail;
        if (t.n == 0) {
            c.set(t, 0);
            return false;
        }
        int last = t.compareAt(t.n - 1, k, ko, kd);
        if (last < 0) {
            c.set(t, t.n);
            return false;
        }
        Node node = root;
        while (node instanceof Inner) {
            Inner in = (Inner) node;
            node = in.kids[in.childFor(k, ko, kd)];
        }
        Leaf leaf = (Leaf) node;
        int s = leaf.search(k, ko, kd);
        if (s >= 0) {
            c.set(leaf, s);
            return true;
        }
        c.set(leaf, -s - 1);
        return false;
    }

    /** Visible code points before the position of {@code c}. */
    int aliveBefore(Cursor c) {
        int a = c.leaf.aliveBefore(c.i);
        for (Node x = c.leaf; x.parent != null; x = x.parent) {
            Inner p = x.parent;
            for (int j = 0; p.kids[j] != x; j++) {
                a += p.kids[j].alive;
            }
        }
        return a;
    }

    /** Visible UTF-16 units before the position of {@code c}. */
    int u16Before(Cursor c) {
        int u = c.leaf.u16Before(c.i);
        for (Node x = c.leaf; x.parent != null; x = x.parent) {
            Inner p = x.parent;
            for (int j = 0; p.kids[j] != x; j++) {
                u += p.kids[j].u16;
            }
        }
        return u;
    }

    /**
     * Inserts an atom at {@code c} ({@code cp} may be {@link AtomVisitor#TOMBSTONE}); afterwards
     * {@code c} is on the new atom. The caller guarantees pid order.
     */
    void insert(Cursor c, long[] k, int ko, int kd, int cp) {
        Leaf leaf = c.leaf;
        int i = c.i;
        boolean inFinger = leaf == finger;
        if (leaf.n == Leaf.CAP) {
            // Split where the insert goes (in the leaf's second half): text typed or merged in
            // order then fills leaves instead of leaving each half empty.
            int h = Math.max(i, Leaf.CAP / 2);
            Leaf right = leaf.splitOff(h);
            if (leaf == tail) {
                tail = right;
            }
            addSibling(leaf, right);
            if (i == Leaf.CAP) { // the left leaf is still full: start the right one
                if (inFinger) {
                    finger = right;
                    fingerStart += leaf.alive;
                }
                leaf = right;
                i -= h;
            }
        }
        if (!inFinger) {
            finger = null;
        }
        leaf.insert(i, k, ko, kd, cp);
        c.set(leaf, i);
        pidFinger = leaf;
        pidFingerIndex = i;
        int w = cp >= 0 ? Character.charCount(cp) : 0;
        int a = cp >= 0 ? 1 : 0;
        for (Node x = leaf; x != null; x = x.parent) {
            x.atoms++;
            x.alive += a;
            x.u16 += w;
        }
    }

    /** Turns the alive atom at {@code c} into a tombstone. */
    void kill(Cursor c) {
        if (c.leaf != finger) {
            finger = null;
        }
        int cp = c.leaf.cps[c.i];
        c.leaf.cps[c.i] = AtomVisitor.TOMBSTONE;
        int w = Character.charCount(cp);
        for (Node x = c.leaf; x != null; x = x.parent) {
            x.alive--;
            x.u16 -= w;
        }
    }

    /** Hangs {@code right}, split off {@code left}, into the tree right after it. */
    private void addSibling(Node left, Node right) {
        Inner p = left.parent;
        if (p == null) {
            Inner top = new Inner();
            top.add(left);
            top.add(right);
            root = top;
            return;
        }
        if (p.n < Inner.CAP) {
            p.insertAfter(left, right);
            return;
        }
        int at = p.indexOf(left);
        int h = at == Inner.CAP - 1 ? Inner.CAP - 1 : Inner.CAP / 2;
        Inner pr = p.splitOff(h);
        Inner target = at < h ? p : pr;
        target.insertAfter(left, right);
        recount(p);
        recount(pr);
        addSibling(p, pr);
    }

    private static void recount(Inner in) {
        int a = 0;
        int u = 0;
        int t = 0;
        for (int j = 0; j < in.n; j++) {
            a += in.kids[j].alive;
            u += in.kids[j].u16;
            t += in.kids[j].atoms;
        }
        in.alive = a;
        in.u16 = u;
        in.atoms = t;
    }

    @Override
    public void forEachAtom(AtomVisitor visitor) {
        for (Leaf leaf = head; leaf != null; leaf = leaf.next) {
            for (int i = 0; i < leaf.n; i++) {
                visitor.visit(leaf.keys, leaf.off[i], leaf.off[i + 1] - leaf.off[i], leaf.cps[i]);
            }
        }
    }

    /** Builds a tree from atoms given in strictly increasing pid order, leaves packed 7/8 full. */
    static final class Builder implements AtomVisitor {
        private final AtomTree tree = new AtomTree();
        private final java.util.ArrayList<Node> level = new java.util.ArrayList<>();
        private Leaf current = tree.head;
        private int count;

        @Override
        public void visit(long[] keys, int offset, int depth, int codePoint) {
            if (depth < 1 || depth > Pid.MAX_DEPTH) {
                throw new IllegalArgumentException("pid depth " + depth);
            }
            Leaf leaf = current;
            if (leaf.n > 0 && leaf.compareAt(leaf.n - 1, keys, offset, depth) >= 0) {
                throw new IllegalArgumentException("atoms out of pid order at atom " + count);
            }
            count++;
            if (leaf.n == BULK_LEAF_FILL) {
                leaf.recount();
                leaf.trimKeys();
                level.add(leaf);
                Leaf next = new Leaf(leaf.off[leaf.n] + 8);
                leaf.next = next;
                next.prev = leaf;
                leaf = next;
                current = next;
                tree.tail = next;
            }
            leaf.insert(leaf.n, keys, offset, depth, codePoint);
        }

        AtomTree build() {
            current.recount();
            current.trimKeys();
            level.add(current);
            while (level.size() > 1) {
                java.util.ArrayList<Node> up = new java.util.ArrayList<>();
                Inner in = null;
                for (Node node : level) {
                    if (in == null || in.n == BULK_INNER_FILL) {
                        in = new Inner();
                        up.add(in);
                    }
                    in.add(node);
                }
                level.clear();
                level.addAll(up);
            }
            tree.root = level.get(0);
            tree.root.parent = null;
            return tree;
        }
    }
}
