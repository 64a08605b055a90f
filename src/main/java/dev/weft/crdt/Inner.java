package dev.weft.crdt;

/** An inner node of the {@link AtomTree}: up to {@link #CAP} children in pid order. */
final class Inner extends Node {
    static final int CAP = 64;

    final Node[] kids = new Node[CAP];
    int n;
    private Leaf first;

    @Override
    Leaf first() {
        return first;
    }

    /** Appends a child during bulk building or when a new root is made. */
    void add(Node kid) {
        if (n == 0) {
            first = kid.first();
        }
        kids[n++] = kid;
        kid.parent = this;
        alive += kid.alive;
        u16 += kid.u16;
        atoms += kid.atoms;
    }

    /** Inserts {@code kid} right after {@code left}; the caller has made sure {@code n < CAP}. */
    void insertAfter(Node left, Node kid) {
        int i = indexOf(left) + 1;
        System.arraycopy(kids, i, kids, i + 1, n - i);
        kids[i] = kid;
        kid.parent = this;
        n++;
    }

    int indexOf(Node kid) {
        for (int i = 0; i < n; i++) {
            if (kids[i] == kid) {
                return i;
            }
        }
        throw new IllegalStateException("not a child of this node");
    }

    /** Index of the child whose subtree holds the pid, or would receive it. */
    int childFor(long[] k, int ko, int kd) {
        int lo = 1;
        int hi = n - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Leaf f = kids[mid].first();
            if (f.compareAt(0, k, ko, kd) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Moves the children from index {@code h} on into a new node. */
    Inner splitOff(int h) {
        Inner right = new Inner();
        for (int i = h; i < n; i++) {
            right.add(kids[i]);
            kids[i] = null;
        }
        n = h;
        alive -= right.alive;
        u16 -= right.u16;
        atoms -= right.atoms;
        return right;
    }
}
