package dev.weft.archfixture.crdt;

/** Obeys the crdt rule: JDK only, with primitives and arrays. */
public final class Doc {
    public long[] keys = new long[0];
    public int size;
    public String[] texts = new String[0];
}
