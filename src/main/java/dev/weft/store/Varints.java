package dev.weft.store;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints, the store's compact lengths, strides and times. */
final class Varints {
    private Varints() {
    }

    static void put(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Reads one at {@code at[0]} and moves it on; {@code what} names the record in the error. */
    static long read(byte[] in, int[] at, String what) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in[at[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalStateException("varint too long in " + what);
    }
}
