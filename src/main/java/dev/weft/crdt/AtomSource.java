package dev.weft.crdt;

/** Something that can list its atoms, alive and tombstones, in pid order. */
@FunctionalInterface
public interface AtomSource {
    void forEachAtom(AtomVisitor visitor);
}
