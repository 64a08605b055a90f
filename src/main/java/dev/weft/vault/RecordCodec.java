package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.protocol.NoteNames;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The bytes of records (docs/record-log.md): {@code u32 length | u8 type | payload |
 * u32 CRC-32C(type + payload)}, big-endian, {@code length} counting type and payload. Inserts and
 * deletes that follow one another as a run ({@link RunGrouping}) are written as one run record
 * and read back as the same records one by one. Decoding checks every field and returns
 * {@code null} for anything that is not exactly one valid record.
 */
final class RecordCodec {
    static final int HEADER = 0x01;
    static final int LOCAL_INSERT = 0x10;
    static final int LOCAL_DELETE = 0x11;
    static final int LOCAL_RENAME = 0x12;
    static final int LOCAL_INSERT_RUN = 0x13;
    static final int LOCAL_DELETE_RUN = 0x14;
    static final int REMOTE_INSERT = 0x20;
    static final int REMOTE_DELETE = 0x21;
    static final int REMOTE_NAME = 0x22;
    static final int REMOTE_INSERT_RUN = 0x23;
    static final int REMOTE_DELETE_RUN = 0x24;
    static final int SENT_THROUGH = 0x30;
    static final int ACKED_THROUGH = 0x31;
    static final int CURRENT_TO = 0x32;

    /** "WLOG": the header's magic number. */
    static final int MAGIC = 0x574C4F47;
    static final int VERSION = 1;
    /** Largest type + payload; the largest real record (a rename of 1,024 bytes) is far below it. */
    static final int MAX_BODY = 4096;
    /** Length and CRC around every record. */
    static final int FRAME_BYTES = 8;

    private RecordCodec() {
    }

    /** Appends the records to {@code out}, those that form a run as one run record. */
    static void writeAll(List<LogRecord> records, RecordBuffer out) {
        for (int i = 0; i < records.size();) {
            int n = RunGrouping.length(records, i);
            if (n == 1) {
                write(records.get(i), out);
            } else {
                writeRun(records, i, n, out);
            }
            i += n;
        }
    }

    /** Records {@code from} to {@code from + n} as one run record (they form a run: {@link RunGrouping}). */
    private static void writeRun(List<LogRecord> records, int from, int n, RecordBuffer out) {
        LogRecord first = records.get(from);
        long stride = RunGrouping.stride(records, from);
        if (first instanceof LogRecord.Local l && l.op() instanceof LocalOp.Insert i) {
            out.begin(LOCAL_INSERT_RUN).u64(i.seq()).u64(i.micros()).pid(i.atom().pid()).u32((int) stride);
        } else if (first instanceof LogRecord.Local l && l.op() instanceof LocalOp.Delete d) {
            out.begin(LOCAL_DELETE_RUN).u64(d.seq()).u64(d.micros()).pid(d.pid()).u32((int) stride).u16(n);
        } else if (first instanceof LogRecord.RemoteInsert r) {
            out.begin(REMOTE_INSERT_RUN).pid(r.atom().pid()).u32((int) stride);
        } else {
            out.begin(REMOTE_DELETE_RUN).pid(((LogRecord.RemoteDelete) first).pid()).u32((int) stride).u16(n);
        }
        if (RunGrouping.isInsert(first)) {
            StringBuilder text = new StringBuilder(2 * n);
            for (int k = from; k < from + n; k++) {
                text.appendCodePoint(RunGrouping.codePoint(records.get(k)));
            }
            out.bytes(utf8(text.toString()));
        }
        out.end();
    }

    /** Appends one framed record to {@code out}. */
    static void write(LogRecord record, RecordBuffer out) {
        if (record instanceof LogRecord.Header h) {
            out.begin(HEADER).u32(MAGIC).u8(VERSION)
                    .u64(h.documentId().getMostSignificantBits()).u64(h.documentId().getLeastSignificantBits())
                    .u64(h.seqBase());
        } else if (record instanceof LogRecord.Local l) {
            writeLocal(l.op(), out);
        } else if (record instanceof LogRecord.RemoteInsert r) {
            out.begin(REMOTE_INSERT).pid(r.atom().pid()).u32(r.atom().codePoint());
        } else if (record instanceof LogRecord.RemoteDelete r) {
            out.begin(REMOTE_DELETE).pid(r.pid());
        } else if (record instanceof LogRecord.RemoteName r) {
            out.begin(REMOTE_NAME).bytes(utf8(r.name()));
        } else if (record instanceof LogRecord.SentThrough s) {
            out.begin(SENT_THROUGH).u64(s.seq());
        } else if (record instanceof LogRecord.AckedThrough a) {
            out.begin(ACKED_THROUGH).u64(a.seq());
        } else {
            out.begin(CURRENT_TO).u64(((LogRecord.CurrentTo) record).syncTime());
        }
        out.end();
    }

    private static void writeLocal(LocalOp op, RecordBuffer out) {
        if (op instanceof LocalOp.Insert i) {
            out.begin(LOCAL_INSERT).u64(i.seq()).u64(i.micros()).pid(i.atom().pid()).u32(i.atom().codePoint());
        } else if (op instanceof LocalOp.Delete d) {
            out.begin(LOCAL_DELETE).u64(d.seq()).u64(d.micros()).pid(d.pid());
        } else {
            LocalOp.Rename r = (LocalOp.Rename) op;
            out.begin(LOCAL_RENAME).u64(r.seq()).u64(r.micros()).bytes(utf8(r.name()));
        }
    }

    /**
     * The end of the record that starts at {@code at}, or -1 if no whole record with a known type and
     * a matching CRC starts there.
     */
    static int frameEnd(byte[] file, int at, int limit, CRC32C crc) {
        if (limit - at < FRAME_BYTES + 1) {
            return -1;
        }
        int length = ByteBuffer.wrap(file, at, 4).getInt();
        if (length < 1 || length > MAX_BODY || length > limit - at - FRAME_BYTES || !knownType(file[at + 4])) {
            return -1;
        }
        crc.reset();
        crc.update(file, at + 4, length);
        int stored = ByteBuffer.wrap(file, at + 4 + length, 4).getInt();
        return stored == (int) crc.getValue() ? at + FRAME_BYTES + length : -1;
    }

    private static boolean knownType(byte type) {
        return switch (type) {
            case HEADER, LOCAL_INSERT, LOCAL_DELETE, LOCAL_RENAME, LOCAL_INSERT_RUN, LOCAL_DELETE_RUN, REMOTE_INSERT,
                    REMOTE_DELETE, REMOTE_NAME, REMOTE_INSERT_RUN, REMOTE_DELETE_RUN, SENT_THROUGH, ACKED_THROUGH,
                    CURRENT_TO -> true;
            default -> false;
        };
    }

    /**
     * The records framed from {@code at} to {@code end} (see {@link #frameEnd}): one, or those of a
     * run record one by one; null if the payload is invalid.
     */
    static List<LogRecord> decode(byte[] file, int at, int end) {
        ByteBuffer in = ByteBuffer.wrap(file, at + 5, end - at - FRAME_BYTES - 1);
        try {
            List<LogRecord> records = switch (file[at + 4]) {
                case HEADER -> one(header(in));
                case LOCAL_INSERT -> one(new LogRecord.Local(new LocalOp.Insert(in.getLong(), in.getLong(), atom(in))));
                case LOCAL_DELETE -> one(new LogRecord.Local(new LocalOp.Delete(in.getLong(), in.getLong(), pid(in))));
                case LOCAL_RENAME -> one(new LogRecord.Local(new LocalOp.Rename(in.getLong(), in.getLong(), name(in))));
                case LOCAL_INSERT_RUN -> localInsertRun(in);
                case LOCAL_DELETE_RUN -> localDeleteRun(in);
                case REMOTE_INSERT -> one(new LogRecord.RemoteInsert(atom(in)));
                case REMOTE_DELETE -> one(new LogRecord.RemoteDelete(pid(in)));
                case REMOTE_NAME -> one(new LogRecord.RemoteName(name(in)));
                case REMOTE_INSERT_RUN -> remoteInsertRun(in);
                case REMOTE_DELETE_RUN -> remoteDeleteRun(in);
                case SENT_THROUGH -> one(new LogRecord.SentThrough(in.getLong()));
                case ACKED_THROUGH -> one(new LogRecord.AckedThrough(in.getLong()));
                case CURRENT_TO -> one(new LogRecord.CurrentTo(in.getLong()));
                default -> null;
            };
            return in.hasRemaining() ? null : records;
        } catch (RuntimeException e) {
            // short payload, invalid pid, code point, name or run: not a record this version wrote
            return null;
        }
    }

    private static List<LogRecord> one(LogRecord record) {
        return record == null ? null : List.of(record);
    }

    private static List<LogRecord> localInsertRun(ByteBuffer in) {
        long seq = in.getLong();
        long micros = in.getLong();
        Pid first = pid(in);
        long stride = in.getInt() & 0xFFFF_FFFFL;
        int[] codePoints = codePoints(in);
        PidRange range = range(first, stride, codePoints.length);
        List<LogRecord> records = new ArrayList<>(codePoints.length);
        for (int k = 0; k < codePoints.length; k++) {
            records.add(new LogRecord.Local(new LocalOp.Insert(seq + k, micros, new Atom(range.pidAt(k), codePoints[k]))));
        }
        return records;
    }

    private static List<LogRecord> localDeleteRun(ByteBuffer in) {
        long seq = in.getLong();
        long micros = in.getLong();
        Pid first = pid(in);
        long stride = in.getInt() & 0xFFFF_FFFFL;
        PidRange range = range(first, stride, in.getShort() & 0xFFFF);
        List<LogRecord> records = new ArrayList<>(range.count());
        for (int k = 0; k < range.count(); k++) {
            records.add(new LogRecord.Local(new LocalOp.Delete(seq + k, micros, range.pidAt(k))));
        }
        return records;
    }

    private static List<LogRecord> remoteInsertRun(ByteBuffer in) {
        Pid first = pid(in);
        long stride = in.getInt() & 0xFFFF_FFFFL;
        int[] codePoints = codePoints(in);
        PidRange range = range(first, stride, codePoints.length);
        List<LogRecord> records = new ArrayList<>(codePoints.length);
        for (int k = 0; k < codePoints.length; k++) {
            records.add(new LogRecord.RemoteInsert(new Atom(range.pidAt(k), codePoints[k])));
        }
        return records;
    }

    private static List<LogRecord> remoteDeleteRun(ByteBuffer in) {
        Pid first = pid(in);
        long stride = in.getInt() & 0xFFFF_FFFFL;
        PidRange range = range(first, stride, in.getShort() & 0xFFFF);
        List<LogRecord> records = new ArrayList<>(range.count());
        for (int k = 0; k < range.count(); k++) {
            records.add(new LogRecord.RemoteDelete(range.pidAt(k)));
        }
        return records;
    }

    /** A run record holds at least two ops (one is written as the single record). */
    private static PidRange range(Pid first, long stride, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("run of " + count);
        }
        return new PidRange(first, stride, count);
    }

    /** The rest of the payload: UTF-8, every code point a Unicode scalar value. */
    private static int[] codePoints(ByteBuffer in) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).codePoints().toArray();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("run text is not UTF-8", e);
        }
    }

    private static LogRecord header(ByteBuffer in) {
        if (in.getInt() != MAGIC || in.get() != VERSION) {
            return null;
        }
        return new LogRecord.Header(new UUID(in.getLong(), in.getLong()), in.getLong());
    }

    private static Atom atom(ByteBuffer in) {
        Pid pid = pid(in);
        return new Atom(pid, in.getInt());
    }

    private static Pid pid(ByteBuffer in) {
        int depth = in.get() & 0xFF;
        long[] keys = new long[depth];
        for (int i = 0; i < depth; i++) {
            int site = in.get() & 0xFF;
            keys[i] = Pid.key(site, in.getInt() & 0xFFFF_FFFFL);
        }
        return Pid.of(keys);
    }

    private static String name(ByteBuffer in) {
        try {
            String name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
            // a name taken before the rule grew stays readable: refused where it is used, never a torn tail
            NoteNames.validateField(name).ifPresent(problem -> {
                throw new IllegalArgumentException("name: " + problem);
            });
            return name;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("name is not UTF-8", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
