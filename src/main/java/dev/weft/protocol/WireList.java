package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The atoms or pids of a decoded {@code sync_doc_upsert}, held as their wire bytes (a private copy,
 * checked whole when the frame was decoded) plus one offset per item, and decoded item by item on
 * access: about 4 bytes held per op besides its 6 to 23 wire bytes, instead of some 60 bytes of
 * {@code Atom}, {@code Pid} and {@code long[]} each. A 16 MiB upsert of deletes decodes into ~28
 * MB, not ~170 MB, and the server turns one step's worth into objects at a time (issue 11 §8).
 * Immutable; equal to any list of the same items.
 */
abstract class WireList<T> extends AbstractList<T> implements RandomAccess {
    private final byte[] bytes;
    private final int[] offsets;

    private WireList(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /**
     * {@code list} as a message keeps it: a wire list or the atoms of decoded runs as it is (immutable
     * already), any other copied.
     */
    static <T> List<T> keep(List<T> list, String field) {
        return list instanceof WireList || list instanceof RunLists.Lazy ? list : Fields.copy(list, field);
    }

    /** {@code u64 number_of_insert_atoms} and the atoms, checked now and decoded on access. */
    static List<Atom> readAtoms(ByteReader r, long[] keys) throws ProtocolException {
        int n = r.count(WireFields.MIN_ATOM_BYTES, "number_of_insert_atoms");
        int from = r.position();
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = r.position() - from;
            r.scalar(r.u8("data_len"));
            r.pid(keys);
        }
        return new Atoms(r.copyFrom(from), offsets);
    }

    /** {@code u64 number_of_delete_atoms} and the pids, checked now and decoded on access. */
    static List<Pid> readPids(ByteReader r, long[] keys) throws ProtocolException {
        int n = r.count(WireFields.MIN_PID_BYTES, "number_of_delete_atoms");
        int from = r.position();
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = r.position() - from;
            r.pid(keys);
        }
        return new Pids(r.copyFrom(from), offsets);
    }

    @Override
    public T get(int index) {
        Objects.checkIndex(index, offsets.length);
        try {
            return read(new ByteReader(bytes, offsets[index], bytes.length));
        } catch (ProtocolException e) {
            throw new IllegalStateException("an item checked when decoded no longer reads", e);
        }
    }

    @Override
    public int size() {
        return offsets.length;
    }

    abstract T read(ByteReader r) throws ProtocolException;

    static Pid readPid(ByteReader r) throws ProtocolException {
        int depth = r.u8("pid_depth");
        long[] keys = new long[depth];
        r.pairs(keys, depth);
        return Pid.ofRange(keys, 0, depth);
    }

    private static final class Atoms extends WireList<Atom> {
        Atoms(byte[] bytes, int[] offsets) {
            super(bytes, offsets);
        }

        @Override
        Atom read(ByteReader r) throws ProtocolException {
            int codePoint = r.scalar(r.u8("data_len"));
            return new Atom(readPid(r), codePoint);
        }
    }

    private static final class Pids extends WireList<Pid> {
        Pids(byte[] bytes, int[] offsets) {
            super(bytes, offsets);
        }

        @Override
        Pid read(ByteReader r) throws ProtocolException {
            return readPid(r);
        }
    }
}
