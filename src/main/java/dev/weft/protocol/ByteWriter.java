package dev.weft.protocol;

import dev.weft.crdt.Pid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Appends big-endian fields to a growable byte array. */
final class ByteWriter {
    private byte[] buf;
    private int size;

    ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteWriter u16(int v) {
        ensure(2);
        buf[size] = (byte) (v >>> 8);
        buf[size + 1] = (byte) v;
        size += 2;
        return this;
    }

    ByteWriter u32(long v) {
        ensure(4);
        for (int i = 3; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ByteWriter bytes(byte[] v) {
        ensure(v.length);
        System.arraycopy(v, 0, buf, size, v.length);
        size += v.length;
        return this;
    }

    ByteWriter u64(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ByteWriter uuid(UUID id) {
        return u64(id.getMostSignificantBits()).u64(id.getLeastSignificantBits());
    }

    /** The text as UTF-8 and a {@code 0x0A} terminator; the text is already validated. */
    ByteWriter line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length + 1);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        buf[size++] = '\n';
        return this;
    }

    /** {@code u8 data_len} and the shortest UTF-8 form of a Unicode scalar value. */
    ByteWriter scalar(int cp) {
        ensure(5);
        if (cp < 0x80) {
            buf[size++] = 1;
            buf[size++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[size++] = 2;
            buf[size++] = (byte) (0xC0 | cp >> 6);
            buf[size++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[size++] = 3;
            buf[size++] = (byte) (0xE0 | cp >> 12);
            buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[size++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[size++] = 4;
            buf[size++] = (byte) (0xF0 | cp >> 18);
            buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[size++] = (byte) (0x80 | cp & 0x3F);
        }
        return this;
    }

    /** {@code u8 pid_depth} and the pairs of a pid. */
    ByteWriter pid(Pid pid) {
        int depth = pid.depth();
        ensure(1 + depth * ByteReader.PAIR_BYTES);
        buf[size++] = (byte) depth;
        for (int i = 0; i < depth; i++) {
            pair(pid.keyAt(i));
        }
        return this;
    }

    /** {@code u8 pid_depth} and {@code depth} packed pair keys from {@code keys[offset]}. */
    ByteWriter pid(long[] keys, int offset, int depth) {
        ensure(1 + depth * ByteReader.PAIR_BYTES);
        buf[size++] = (byte) depth;
        for (int i = 0; i < depth; i++) {
            pair(keys[offset + i]);
        }
        return this;
    }

    /** A {@code varint}: unsigned LEB128, shortest form ({@code v} below 2^56). */
    ByteWriter varint(long v) {
        ensure(8);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) (0x80 | v & 0x7F);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** {@code count} packed pair keys from {@code keys[from]}, without a depth. */
    ByteWriter pairs(long[] keys, int from, int count) {
        ensure(count * ByteReader.PAIR_BYTES);
        for (int i = from; i < from + count; i++) {
            pair(keys[i]);
        }
        return this;
    }

    /** The shortest UTF-8 form of a Unicode scalar value, without {@code data_len}. */
    ByteWriter utf8(int cp) {
        int at = size;
        scalar(cp);
        System.arraycopy(buf, at + 1, buf, at, size - at - 1);
        size--;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Writes the bytes so far to {@code out} and starts empty again. */
    void drainTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
        size = 0;
    }

    private void pair(long key) {
        long ident = Pid.identOf(key);
        buf[size] = (byte) Pid.siteOf(key);
        buf[size + 1] = (byte) (ident >>> 24);
        buf[size + 2] = (byte) (ident >>> 16);
        buf[size + 3] = (byte) (ident >>> 8);
        buf[size + 4] = (byte) ident;
        size += ByteReader.PAIR_BYTES;
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("encoded data above 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
