package dev.weft.protocol;

import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.crdt.RunCollector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The body of a version 2 structure file (docs/protocol.md §6, (ext)): the atoms as runs, each
 * its first pid (the pairs it shares with the run before it left out), count, stride, which
 * atoms are tombstones and the alive code points as UTF-8; a CRC-32C of the whole file at the end.
 */
final class StructureRuns {
    /** The byte after the seed's header that marks a versioned file: a {@code data_len} no atom has. */
    static final int MARKER = 0xFE;
    static final int VERSION = 2;
    /** Longest run written and read: a bound on what a few bytes of a file can make a reader do. */
    static final int MAX_RUN = 1 << 16;
    /** Bytes from the end of the seed's header to the first run: marker and version. */
    static final int PREAMBLE_BYTES = 2;
    static final int CRC_BYTES = 4;
    private static final int ALIVE = 0;
    private static final int DEAD = 1;
    private static final int MIXED = 2;

    private StructureRuns() {
    }

    /** Whether a file that starts with the seed's header goes on as a versioned file. */
    static boolean isVersioned(byte[] file) {
        return file.length > StructureFile.HEADER_BYTES && (file[StructureFile.HEADER_BYTES] & 0xFF) == MARKER;
    }

    /** Encodes visited atoms (checked by the caller) as runs into chunks written to a stream. */
    static final class Writer implements AtomVisitor {
        private static final int CHUNK_BYTES = 1 << 16;

        private final OutputStream out;
        private final CRC32C crc = new CRC32C();
        private final RunCollector runs = new RunCollector(this::encode, MAX_RUN);
        private byte[] buf = new byte[CHUNK_BYTES + 1024];
        private int size;
        /** The last pid of the run written last. */
        private final long[] last = new long[Pid.MAX_DEPTH];
        private int lastDepth;

        Writer(OutputStream out, byte[] header) {
            this.out = out;
            bytes(header, header.length);
            u8(MARKER);
            u8(VERSION);
        }

        @Override
        public void visit(long[] keys, int offset, int depth, int codePoint) {
            runs.visit(keys, offset, depth, codePoint);
        }

        /** Writes the last run and the checksum. */
        void finish() throws IOException {
            try {
                runs.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            drain();
            long value = crc.getValue();
            out.write(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
            out.flush();
        }

        private void encode(Run run) {
            PidRange range = run.pids();
            long[] keys = range.first().keys();
            int depth = keys.length;
            int shared = 0;
            while (shared < lastDepth && shared < depth - 1 && keys[shared] == last[shared]) {
                shared++;
            }
            varint(shared);
            varint(depth - shared);
            for (int i = shared; i < depth; i++) {
                long ident = Pid.identOf(keys[i]);
                if (i == shared && shared < lastDepth) {
                    ident -= Pid.identOf(last[shared]);
                }
                varint(ident);
                u8(Pid.siteOf(keys[i]));
            }
            int count = run.count();
            int dead = 0;
            for (int k = 0; k < count; k++) {
                if (run.codePointAt(k) == TOMBSTONE) {
                    dead++;
                }
            }
            int kind = dead == 0 ? ALIVE : dead == count ? DEAD : MIXED;
            varint((long) count << 2 | kind);
            if (count > 1) {
                varint(range.stride());
            }
            if (kind == MIXED) {
                ensure((count + 7) / 8);
                for (int k = 0; k < count; k += 8) {
                    int bits = 0;
                    for (int j = 0; j < 8 && k + j < count; j++) {
                        if (run.codePointAt(k + j) == TOMBSTONE) {
                            bits |= 1 << j;
                        }
                    }
                    buf[size++] = (byte) bits;
                }
            }
            if (kind != DEAD) {
                ensure(4 * count);
                for (int k = 0; k < count; k++) {
                    int cp = run.codePointAt(k);
                    if (cp != TOMBSTONE) {
                        utf8(cp);
                    }
                }
            }
            System.arraycopy(keys, 0, last, 0, depth);
            last[depth - 1] = Pid.key(Pid.siteOf(keys[depth - 1]),
                    Pid.identOf(keys[depth - 1]) + (count - 1) * range.stride());
            lastDepth = depth;
            if (size >= CHUNK_BYTES) {
                try {
                    drain();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void drain() throws IOException {
            crc.update(buf, 0, size);
            out.write(buf, 0, size);
            size = 0;
        }

        private void u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
        }

        private void varint(long v) {
            ensure(10);
            while (v >= 0x80) {
                buf[size++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        private void bytes(byte[] b, int n) {
            ensure(n);
            System.arraycopy(b, 0, buf, size, n);
            size += n;
        }

        private void utf8(int cp) {
            if (cp < 0x80) {
                buf[size++] = (byte) cp;
            } else if (cp < 0x800) {
                buf[size++] = (byte) (0xC0 | cp >> 6);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                buf[size++] = (byte) (0xE0 | cp >> 12);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[size++] = (byte) (0xF0 | cp >> 18);
                buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            }
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + more));
            }
        }
    }

    /**
     * Decodes the runs of a versioned file (its header already read), handing every atom to
     * {@code sink} in pid order. The checksum is checked first: nothing is handed over from a
     * damaged file.
     */
    static void read(byte[] file, AtomVisitor sink) throws CorruptStructureException {
        new Reader(file).read(sink);
    }

    private static final class Reader {
        private final byte[] buf;
        private final int end;
        private int pos;
        private int runStart;

        Reader(byte[] file) {
            this.buf = file;
            this.end = file.length - CRC_BYTES;
            this.pos = StructureFile.HEADER_BYTES + 1;
        }

        void read(AtomVisitor sink) throws CorruptStructureException {
            runStart = pos;
            if (end < pos + 1) {
                throw corrupt("versioned file too short for its version and checksum");
            }
            int version = buf[pos++] & 0xFF;
            if (version != VERSION) {
                throw corrupt("unknown version " + version);
            }
            CRC32C crc = new CRC32C();
            crc.update(buf, 0, end);
            int stored = (buf[end] & 0xFF) << 24 | (buf[end + 1] & 0xFF) << 16 | (buf[end + 2] & 0xFF) << 8
                    | buf[end + 3] & 0xFF;
            if (stored != (int) crc.getValue()) {
                runStart = end;
                throw corrupt("checksum does not match");
            }
            long[] keys = new long[Pid.MAX_DEPTH];
            int lastDepth = 0;
            while (pos < end) {
                runStart = pos;
                long shared = varint();
                long rest = varint();
                if (shared > lastDepth) {
                    throw corrupt("run shares " + shared + " pairs with a pid of " + lastDepth);
                }
                if (rest < 1 || shared + rest > Pid.MAX_DEPTH) {
                    throw corrupt("pid depth " + (shared + rest) + " outside " + (shared + 1) + ".." + Pid.MAX_DEPTH);
                }
                int depth = (int) (shared + rest);
                for (int i = (int) shared; i < depth; i++) {
                    long ident = varint();
                    boolean delta = i == shared && shared < lastDepth;
                    if (delta) {
                        ident += Pid.identOf(keys[i]);
                    }
                    int site = u8();
                    if (ident > Pid.MAX_IDENT || site == 0) {
                        throw corrupt("invalid pid pair: site " + site + ", ident " + ident);
                    }
                    long key = Pid.key(site, ident);
                    if (delta && key <= keys[i]) {
                        throw corrupt("run not after the one before it in pid order");
                    }
                    keys[i] = key;
                }
                long head = varint();
                long count = head >>> 2;
                int kind = (int) (head & 3);
                if (count < 1 || count > MAX_RUN || kind > MIXED) {
                    throw corrupt("run of " + count + " atoms, kind " + kind);
                }
                long stride = count > 1 ? varint() : 1;
                long base = Pid.identOf(keys[depth - 1]);
                if (stride < 1 || stride > Pid.MAX_IDENT || base + (count - 1) * stride > Pid.MAX_IDENT) {
                    throw corrupt("run stride " + stride + " passes ident " + Pid.MAX_IDENT);
                }
                int n = (int) count;
                int bitmap = pos;
                if (kind == MIXED) {
                    need((n + 7) / 8);
                    pos += (n + 7) / 8;
                }
                int site = Pid.siteOf(keys[depth - 1]);
                for (int k = 0; k < n; k++) {
                    boolean dead = kind == DEAD || kind == MIXED && (buf[bitmap + (k >>> 3)] >>> (k & 7) & 1) != 0;
                    int cp = dead ? AtomVisitor.TOMBSTONE : utf8();
                    keys[depth - 1] = Pid.key(site, base + k * stride);
                    sink.visit(keys, 0, depth, cp);
                }
                lastDepth = depth;
            }
        }

        private int u8() throws CorruptStructureException {
            need(1);
            return buf[pos++] & 0xFF;
        }

        /** An unsigned LEB128 of at most 5 bytes (every field fits in 35 bits). */
        private long varint() throws CorruptStructureException {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return v;
                }
            }
            throw corrupt("varint longer than 5 bytes");
        }

        private int utf8() throws CorruptStructureException {
            need(1);
            int b0 = buf[pos] & 0xFF;
            if (b0 < 0x80) {
                pos++;
                return b0;
            }
            int len = b0 < 0xC0 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF8 ? 4 : 0;
            if (len == 0) {
                throw corrupt("bad UTF-8 lead byte");
            }
            need(len);
            int cp = b0 & (0x7F >> len);
            for (int i = 1; i < len; i++) {
                int b = buf[pos + i] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    throw corrupt("bad UTF-8 continuation byte");
                }
                cp = cp << 6 | b & 0x3F;
            }
            if (cp < (len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000) || cp >= 0xD800 && cp <= 0xDFFF || cp > 0x10FFFF) {
                throw corrupt("UTF-8 that is not one Unicode scalar value");
            }
            pos += len;
            return cp;
        }

        private void need(int bytes) throws CorruptStructureException {
            if (end - pos < bytes) {
                throw corrupt("run cut off");
            }
        }

        private CorruptStructureException corrupt(String reason) {
            return new CorruptStructureException(runStart, reason);
        }
    }
}
