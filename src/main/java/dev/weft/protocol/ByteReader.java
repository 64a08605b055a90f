package dev.weft.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads big-endian fields from a range of a byte array, checking every read against the end of
 * the range. Failures are {@link ProtocolException}s naming the field and its offset in the range.
 */
final class ByteReader {
    /** Bytes of one pid pair: {@code u8 site, u32 ident}. */
    static final int PAIR_BYTES = 5;

    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    ByteReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.start = from;
        this.end = to;
        this.pos = from;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int remaining() {
        return end - pos;
    }

    /** Current position in the array. */
    int position() {
        return pos;
    }

    /** A copy of the array from {@code from} (a {@link #position()}) up to the current position. */
    byte[] copyFrom(int from) {
        return java.util.Arrays.copyOfRange(buf, from, pos);
    }

    /** Current position, counted from the start of the range. */
    int offset() {
        return pos - start;
    }

    int u8(String field) throws ProtocolException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws ProtocolException {
        need(2, field);
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    long u32(String field) throws ProtocolException {
        need(4, field);
        long v = (buf[pos] & 0xFFL) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    /** A copy of the next {@code n} bytes. */
    byte[] bytes(int n, String field) throws ProtocolException {
        need(n, field);
        pos += n;
        return java.util.Arrays.copyOfRange(buf, pos - n, pos);
    }

    long u64(String field) throws ProtocolException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | buf[pos + i] & 0xFF;
        }
        pos += 8;
        return v;
    }

    UUID uuid(String field) throws ProtocolException {
        need(16, field);
        long msb = u64(field);
        return new UUID(msb, u64(field));
    }

    /**
     * A {@code u64 number_of_...} that the bytes left can hold, each item taking at least
     * {@code minItemBytes}; checked before anything is allocated for the items.
     */
    int count(int minItemBytes, String field) throws ProtocolException {
        int at = offset();
        long n = u64(field);
        if (n < 0 || n > remaining() / minItemBytes) {
            throw errorAt(at, field + " " + Long.toUnsignedString(n) + " exceeds the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    /**
     * Text up to a {@code 0x0A} terminator (consumed), at most {@code maxBytes} bytes, decoded as
     * strict UTF-8 (overlong forms, surrogates and values above U+10FFFF are refused).
     */
    String line(int maxBytes, String field) throws ProtocolException {
        int at = offset();
        int scanEnd = (int) Math.min(end, (long) pos + maxBytes + 1);
        int newline = pos;
        while (newline < scanEnd && buf[newline] != '\n') {
            newline++;
        }
        if (newline == scanEnd) {
            throw errorAt(at, scanEnd == end && end - pos <= maxBytes
                    ? field + " has no terminating \\n"
                    : field + " longer than " + maxBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, newline - pos))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt(at, field + " is not valid UTF-8");
        }
        pos = newline + 1;
        return text;
    }

    /**
     * The data of an atom: {@code dataLen} bytes holding exactly one Unicode scalar value in
     * shortest-form UTF-8. Returns the code point.
     */
    int scalar(int dataLen) throws ProtocolException {
        int at = offset();
        if (dataLen < 1 || dataLen > 4) {
            throw errorAt(at - 1, "data_len " + dataLen + " outside 1..4");
        }
        need(dataLen, "atom data");
        int b0 = buf[pos] & 0xFF;
        int expected = b0 < 0x80 ? 1 : b0 < 0xC0 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF8 ? 4 : 0;
        if (expected != dataLen) {
            throw errorAt(at, "atom data is not one UTF-8 sequence of data_len " + dataLen);
        }
        int cp = dataLen == 1 ? b0 : b0 & (0x7F >> dataLen);
        for (int i = 1; i < dataLen; i++) {
            int b = buf[pos + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw errorAt(at + i, "atom data: bad UTF-8 continuation byte");
            }
            cp = cp << 6 | b & 0x3F;
        }
        if (dataLen > 1 && cp < (dataLen == 2 ? 0x80 : dataLen == 3 ? 0x800 : 0x10000)) {
            throw errorAt(at, "atom data: overlong UTF-8");
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            throw errorAt(at, "atom data: UTF-8 encoded surrogate");
        }
        if (cp > 0x10FFFF) {
            throw errorAt(at, "atom data: code point above U+10FFFF");
        }
        pos += dataLen;
        return cp;
    }

    /** One Unicode scalar value in shortest-form UTF-8, its length told by its lead byte. */
    int utf8(String field) throws ProtocolException {
        need(1, field);
        int b0 = buf[pos] & 0xFF;
        int length = b0 < 0x80 ? 1 : b0 < 0xC0 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF8 ? 4 : 0;
        if (length == 0) {
            throw error(field + ": not a UTF-8 lead byte");
        }
        return scalar(length); // checks from the lead byte on
    }

    /** A {@code varint}: unsigned LEB128, at most 8 bytes (56 bits), in its shortest form. */
    long varint(String field) throws ProtocolException {
        int at = offset();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            need(1, field);
            int b = buf[pos++] & 0xFF;
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw errorAt(at, field + ": varint not in its shortest form");
                }
                return v;
            }
        }
        throw errorAt(at, field + ": varint longer than 8 bytes");
    }

    /** A pid ({@code u8 pid_depth} 1..255, then the pairs) into {@code keys}; returns the depth. */
    int pid(long[] keys) throws ProtocolException {
        int depth = u8("pid_depth");
        if (depth == 0) {
            throw errorAt(offset() - 1, "pid_depth 0");
        }
        pairs(keys, depth);
        return depth;
    }

    /** {@code depth} pairs {@code u8 site, u32 ident} into {@code keys} as packed pair keys (see {@code Pid.key}). */
    void pairs(long[] keys, int depth) throws ProtocolException {
        pairs(keys, 0, depth);
    }

    /** {@code count} pairs into {@code keys[from..]}. */
    void pairs(long[] keys, int from, int count) throws ProtocolException {
        need(count * PAIR_BYTES, "pid pairs");
        for (int i = from; i < from + count; i++) {
            int site = buf[pos] & 0xFF;
            if (site == 0) {
                throw errorAt(offset(), "pid site 0");
            }
            long ident = (buf[pos + 1] & 0xFFL) << 24 | (buf[pos + 2] & 0xFF) << 16
                    | (buf[pos + 3] & 0xFF) << 8 | buf[pos + 4] & 0xFF;
            keys[i] = ident << 8 | site;
            pos += PAIR_BYTES;
        }
    }

    /** A failure at the current position. */
    ProtocolException error(String reason) {
        return errorAt(offset(), reason);
    }

    /** A failure at {@code offset} from the start of the range. */
    ProtocolException errorAt(int offset, String reason) {
        return ProtocolException.protocolError(reason + " at byte " + offset);
    }

    private void need(int bytes, String field) throws ProtocolException {
        if (end - pos < bytes) {
            throw error("truncated " + field);
        }
    }
}
