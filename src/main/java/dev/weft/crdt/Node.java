package dev.weft.crdt;

/** A node of the {@link AtomTree} with the counts of its whole subtree. */
abstract class Node {
    Inner parent;
    /** Alive atoms (visible code points) in the subtree. */
    int alive;
    /** UTF-16 units of the alive atoms in the subtree. */
    int u16;
    /** All atoms, tombstones included, in the subtree. */
    int atoms;

    /** The leftmost leaf of the subtree; its first atom has the subtree's smallest pid. */
    abstract Leaf first();
}
