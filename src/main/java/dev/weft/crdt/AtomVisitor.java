package dev.weft.crdt;

/**
 * Receives atoms in pid order without allocating a {@link Pid} per atom.
 *
 * <p>The pid is {@code depth} packed pair keys (see {@link Pid#key}) in {@code keys} from
 * {@code offset}; the array is owned by the caller and only valid during the call.
 */
@FunctionalInterface
public interface AtomVisitor {
    /** Code point passed for a tombstone. */
    int TOMBSTONE = -1;

    void visit(long[] keys, int offset, int depth, int codePoint);
}
