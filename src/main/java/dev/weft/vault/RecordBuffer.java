package dev.weft.vault;

import dev.weft.crdt.Pid;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** A growable byte array that records are framed into, big-endian, ready for one channel write. */
final class RecordBuffer {
    private final CRC32C crc = new CRC32C();
    private byte[] buf = new byte[256];
    private int size;
    private int frameStart = -1;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The framed records so far, as a buffer over this array (valid until the next change). */
    ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(buf, 0, size);
    }

    /** Starts a record: reserves its length and writes its type. */
    RecordBuffer begin(int type) {
        frameStart = size;
        u32(0);
        return u8(type);
    }

    /** Ends the record begun last: fills in its length and appends the CRC-32C of type and payload. */
    void end() {
        int body = size - frameStart - 4;
        if (body > RecordCodec.MAX_BODY) {
            throw new IllegalArgumentException("record of " + body + " bytes, at most " + RecordCodec.MAX_BODY);
        }
        putU32(frameStart, body);
        crc.reset();
        crc.update(buf, frameStart + 4, body);
        u32((int) crc.getValue());
        frameStart = -1;
    }

    RecordBuffer u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    RecordBuffer u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    RecordBuffer u32(int v) {
        ensure(4);
        putU32(size, v);
        size += 4;
        return this;
    }

    RecordBuffer u64(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** {@code u8 depth}, then per pair {@code u8 site, u32 ident}: the wire layout. */
    RecordBuffer pid(Pid pid) {
        u8(pid.depth());
        for (int i = 0; i < pid.depth(); i++) {
            u8(pid.siteAt(i));
            u32((int) pid.identAt(i));
        }
        return this;
    }

    RecordBuffer bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    private void putU32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
