package dev.weft.crdt;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * An independent model of concurrent editing for {@link RandomHistoriesTest}: plain lists and
 * bit sets, sharing no code with the CRDT. Every insert hangs under its anchor, the atom it went
 * right after in its author's full view (docs/crdt.md, "Where an insert goes": right after the
 * visible character before it, past the author's own tombstones). A view is the depth-first walk
 * of that tree; children of one anchor come newest first (one made knowing the other goes in
 * front of it), and of two made concurrently, the one the anchor's author made after deleting the
 * anchor comes first (it took the deleted character's place, the other went after that
 * character: docs/crdt.md). Any other concurrent pair has no defined order: the model orders it by agent number one way
 * ({@code variant} 0) or the other (1), and a history whose views differ between the two is not
 * determined.
 */
final class HistoryModel {
    /** One op: an insert ({@code codePoint >= 0}) or a delete of op {@code target}. */
    record Op(int agent, int codePoint, int anchor, boolean pastOwnTombstone, int target, BitSet knew) {
        boolean insert() {
            return codePoint >= 0;
        }
    }

    /** An agent's view: its known items in order and which of them it knows deleted. */
    record View(int[] items, boolean[] deleted) {
        String text(List<Op> ops) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < items.length; i++) {
                if (!deleted[i]) {
                    sb.appendCodePoint(ops.get(items[i]).codePoint());
                }
            }
            return sb.toString();
        }

        /** Items visible in this view, in order. */
        int[] visible() {
            int n = 0;
            for (boolean d : deleted) {
                n += d ? 0 : 1;
            }
            int[] out = new int[n];
            int k = 0;
            for (int i = 0; i < items.length; i++) {
                if (!deleted[i]) {
                    out[k++] = items[i];
                }
            }
            return out;
        }
    }

    final List<Op> ops = new ArrayList<>();
    private final BitSet[] known;

    HistoryModel(int agents) {
        known = new BitSet[agents];
        for (int a = 0; a < agents; a++) {
            known[a] = new BitSet();
        }
    }

    BitSet known(int agent) {
        return known[agent];
    }

    /** Agent {@code to} learns everything agent {@code from} knows. */
    void merge(int from, int to) {
        known[to].or(known[from]);
    }

    /** The view of {@code agent}, ordering undefined pairs by {@code variant}. */
    View view(int agent, int variant) {
        return view(known[agent], variant);
    }

    View view(BitSet set, int variant) {
        int n = ops.size();
        List<List<Integer>> children = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            children.add(null);
        }
        boolean[] deleted = new boolean[n];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            Op op = ops.get(i);
            if (op.insert()) {
                int parent = op.anchor() + 1; // 0 = the front
                if (children.get(parent) == null) {
                    children.set(parent, new ArrayList<>());
                }
                children.get(parent).add(i);
            } else {
                deleted[op.target()] = true;
            }
        }
        for (int p = 0; p <= n; p++) {
            List<Integer> kids = children.get(p);
            if (kids != null && kids.size() > 1) {
                int anchorAuthor = p == 0 ? -1 : ops.get(p - 1).agent();
                kids.sort(siblingOrder(anchorAuthor, variant));
            }
        }
        int[] items = new int[set.cardinality()];
        int count = 0;
        int[] stack = new int[n + 1];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (node > 0) {
                items[count++] = node - 1;
            }
            List<Integer> kids = children.get(node);
            if (kids != null) {
                for (int k = kids.size() - 1; k >= 0; k--) {
                    stack[top++] = kids.get(k) + 1;
                }
            }
        }
        items = java.util.Arrays.copyOf(items, count);
        boolean[] dead = new boolean[count];
        for (int i = 0; i < count; i++) {
            dead[i] = deleted[items[i]];
        }
        return new View(items, dead);
    }

    private Comparator<Integer> siblingOrder(int anchorAuthor, int variant) {
        return (x, y) -> {
            if (x.equals(y)) {
                return 0;
            }
            Op ox = ops.get(x);
            Op oy = ops.get(y);
            if (oy.knew().get(x)) {
                return 1;
            }
            if (ox.knew().get(y)) {
                return -1;
            }
            if (ox.agent() == anchorAuthor && ox.pastOwnTombstone()) {
                return -1;
            }
            if (oy.agent() == anchorAuthor && oy.pastOwnTombstone()) {
                return 1;
            }
            int c = Integer.compare(ox.agent(), oy.agent());
            return variant == 0 ? c : -c;
        };
    }

    /**
     * The anchor of an insert by {@code agent} before visible index {@code index} of its view: the
     * item right before the visible one at {@code index - 1}... that is, the item the insert goes
     * right after, past the agent's own tombstones; -1 for the front.
     */
    int anchor(int agent, View view, int index) {
        int at = 0; // position in the full view right after visible item index - 1
        if (index > 0) {
            int seen = 0;
            while (true) {
                if (!view.deleted()[at] && ++seen == index) {
                    at++;
                    break;
                }
                at++;
            }
        }
        while (at < view.items().length && view.deleted()[at] && ops.get(view.items()[at]).agent() == agent) {
            at++;
        }
        return at == 0 ? -1 : view.items()[at - 1];
    }

    /**
     * Whether an insert by {@code agent} after {@code anchor} would have no defined order: another
     * agent's insert there that this one has not seen, and neither is by the anchor's author.
     */
    boolean undefinedAt(int agent, int anchor) {
        int author = anchor < 0 ? -1 : ops.get(anchor).agent();
        if (agent == author && pastOwnTombstone(agent, anchor)) {
            return false;
        }
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.insert() && op.anchor() == anchor && !known[agent].get(i)
                    && !(op.agent() == author && op.pastOwnTombstone())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code agent} knows its own item {@code anchor} deleted. */
    private boolean pastOwnTombstone(int agent, int anchor) {
        if (anchor < 0 || ops.get(anchor).agent() != agent) {
            return false;
        }
        for (int i = known[agent].nextSetBit(0); i >= 0; i = known[agent].nextSetBit(i + 1)) {
            if (!ops.get(i).insert() && ops.get(i).target() == anchor) {
                return true;
            }
        }
        return false;
    }

    /** Records {@code agent} inserting {@code codePoint} after {@code anchor}; returns the op's index. */
    int insert(int agent, int anchor, int codePoint) {
        return add(new Op(agent, codePoint, anchor, pastOwnTombstone(agent, anchor), -1,
                (BitSet) known[agent].clone()));
    }

    /** Records {@code agent} deleting item {@code item}; returns the op's index. */
    int delete(int agent, int item) {
        return add(new Op(agent, -1, -1, false, item, (BitSet) known[agent].clone()));
    }

    private int add(Op op) {
        ops.add(op);
        int i = ops.size() - 1;
        known[op.agent()].set(i);
        return i;
    }
}
