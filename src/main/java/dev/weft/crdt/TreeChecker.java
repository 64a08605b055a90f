package dev.weft.crdt;

/**
 * Verifies every structural invariant of an {@link AtomTree}; property tests call it after each
 * step so a broken tree fails at the step that broke it.
 */
final class TreeChecker {
    private final long[] prevKeys = new long[Pid.MAX_DEPTH];
    private int prevDepth;
    private Leaf expectedLeaf;
    private int atomIndex;

    private TreeChecker(Leaf head) {
        expectedLeaf = head;
    }

    static void check(AtomTree tree) {
        Node root = tree.root();
        require(root.parent == null, "root has a parent");
        TreeChecker checker = new TreeChecker(tree.head());
        checker.node(root, root instanceof Leaf);
        require(checker.expectedLeaf == null, "leaf chain continues past the last leaf of the tree");
    }

    private void node(Node node, boolean isRoot) {
        if (node instanceof Leaf) {
            leaf((Leaf) node, isRoot);
            return;
        }
        Inner in = (Inner) node;
        require(in.n >= 1 && in.n <= Inner.CAP, "inner node with " + in.n + " children");
        require(in.first() == in.kids[0].first(), "inner node's first leaf is stale");
        int alive = 0;
        int u16 = 0;
        int atoms = 0;
        for (int j = 0; j < in.n; j++) {
            Node kid = in.kids[j];
            require(kid.parent == in, "child " + j + " has a wrong parent");
            node(kid, false);
            alive += kid.alive;
            u16 += kid.u16;
            atoms += kid.atoms;
        }
        require(alive == in.alive && u16 == in.u16 && atoms == in.atoms, "inner counts disagree with children");
    }

    private void leaf(Leaf leaf, boolean isRoot) {
        require(leaf == expectedLeaf, "leaf chain out of step with the tree");
        require(leaf.n >= 1 || isRoot, "empty leaf");
        require(leaf.off[0] == 0, "first key offset is not 0");
        if (leaf.next != null) {
            require(leaf.next.prev == leaf, "broken prev link");
        }
        expectedLeaf = leaf.next;
        int alive = 0;
        int u16 = 0;
        for (int i = 0; i < leaf.n; i++) {
            int depth = leaf.depth(i);
            require(depth >= 1 && depth <= Pid.MAX_DEPTH, "atom " + atomIndex + " has depth " + depth);
            for (int d = 0; d < depth; d++) {
                long key = leaf.keys[leaf.off[i] + d];
                require(Pid.siteOf(key) != 0 && Pid.identOf(key) <= Pid.MAX_IDENT, "invalid pair in atom " + atomIndex);
            }
            require(prevDepth == 0 || Pid.compare(prevKeys, 0, prevDepth, leaf.keys, leaf.off[i], depth) < 0,
                    "atom " + atomIndex + " is not after the atom before it");
            System.arraycopy(leaf.keys, leaf.off[i], prevKeys, 0, depth);
            prevDepth = depth;
            int cp = leaf.cps[i];
            if (cp != AtomVisitor.TOMBSTONE) {
                require(Atom.isScalarValue(cp), "atom " + atomIndex + " holds no scalar value");
                alive++;
                u16 += Character.charCount(cp);
            }
            atomIndex++;
        }
        require(alive == leaf.alive && u16 == leaf.u16 && leaf.n == leaf.atoms, "leaf counts disagree with atoms");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("broken atom tree: " + what);
        }
    }
}
