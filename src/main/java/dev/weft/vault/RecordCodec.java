package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.NoteNames;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The bytes of one record (docs/record-log.md): {@code u32 length | u8 type | payload |
 * u32 CRC-32C(type + payload)}, big-endian, {@code length} counting type and payload. Decoding
 * checks every field and returns {@code null} for anything that is not exactly one valid record.
 */
final class RecordCodec {
    static final int HEADER = 0x01;
    static final int LOCAL_INSERT = 0x10;
    static final int LOCAL_DELETE = 0x11;
    static final int LOCAL_RENAME = 0x12;
    static final int REMOTE_INSERT = 0x20;
    static final int REMOTE_DELETE = 0x21;
    static final int REMOTE_NAME = 0x22;
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
            case HEADER, LOCAL_INSERT, LOCAL_DELETE, LOCAL_RENAME, REMOTE_INSERT, REMOTE_DELETE, REMOTE_NAME,
                    SENT_THROUGH, ACKED_THROUGH, CURRENT_TO -> true;
            default -> false;
        };
    }

    /** The record framed from {@code at} to {@code end} (see {@link #frameEnd}), or null if its payload is invalid. */
    static LogRecord decode(byte[] file, int at, int end) {
        ByteBuffer in = ByteBuffer.wrap(file, at + 5, end - at - FRAME_BYTES - 1);
        try {
            LogRecord record = switch (file[at + 4]) {
                case HEADER -> header(in);
                case LOCAL_INSERT -> new LogRecord.Local(new LocalOp.Insert(in.getLong(), in.getLong(), atom(in)));
                case LOCAL_DELETE -> new LogRecord.Local(new LocalOp.Delete(in.getLong(), in.getLong(), pid(in)));
                case LOCAL_RENAME -> new LogRecord.Local(new LocalOp.Rename(in.getLong(), in.getLong(), name(in)));
                case REMOTE_INSERT -> new LogRecord.RemoteInsert(atom(in));
                case REMOTE_DELETE -> new LogRecord.RemoteDelete(pid(in));
                case REMOTE_NAME -> new LogRecord.RemoteName(name(in));
                case SENT_THROUGH -> new LogRecord.SentThrough(in.getLong());
                case ACKED_THROUGH -> new LogRecord.AckedThrough(in.getLong());
                case CURRENT_TO -> new LogRecord.CurrentTo(in.getLong());
                default -> null;
            };
            return in.hasRemaining() ? null : record;
        } catch (RuntimeException e) {
            // short payload, invalid pid, code point or name: not a record this version wrote
            return null;
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
