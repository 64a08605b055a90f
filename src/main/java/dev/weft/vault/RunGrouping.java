package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;

/**
 * Which consecutive log records one run record can hold: inserts (or deletes) of one kind whose
 * pids form a {@link dev.weft.crdt.PidRange} (same prefix and author, last idents one stride
 * apart, the stride set by the second), local ones with consecutive seqs and one timestamp, and
 * no more than fit in one record.
 */
final class RunGrouping {
    /** Largest count of a delete run ({@code u16}). */
    private static final int MAX_DELETES = 0xFFFF;
    /** Payload bytes of a run record besides its pid and text: type, seq, micros, stride. */
    private static final int FIXED_BYTES = 1 + 8 + 8 + 4;

    private RunGrouping() {
    }

    /** How many records from {@code from} on go into one record: 1 when no run starts there. */
    static int length(List<LogRecord> records, int from) {
        LogRecord first = records.get(from);
        Pid head = pidOf(first);
        if (head == null) {
            return 1;
        }
        boolean insert = isInsert(first);
        int room = RecordCodec.MAX_BODY - FIXED_BYTES - 1 - 5 * head.depth();
        int bytes = insert ? utf8Length(codePoint(first)) : 0;
        long stride = 0;
        int n = 1;
        while (from + n < records.size() && (insert || n < MAX_DELETES)) {
            LogRecord next = records.get(from + n);
            if (next.getClass() != first.getClass() || isInsert(next) != insert || !sameOp(first, next, n)) {
                break;
            }
            Pid pid = pidOf(next);
            if (pid == null || !sameLevel(head, pid)) {
                break;
            }
            long step = pid.identAt(pid.depth() - 1) - head.identAt(head.depth() - 1);
            if (n == 1) {
                if (step < 1) {
                    break;
                }
                stride = step;
            } else if (step != n * stride) {
                break;
            }
            if (insert) {
                int more = utf8Length(codePoint(next));
                if (bytes + more > room) {
                    break;
                }
                bytes += more;
            }
            n++;
        }
        return n;
    }

    /** The stride of the run that starts at {@code from} (it has at least two records). */
    static long stride(List<LogRecord> records, int from) {
        Pid head = pidOf(records.get(from));
        Pid second = pidOf(records.get(from + 1));
        return second.identAt(second.depth() - 1) - head.identAt(head.depth() - 1);
    }

    static boolean isInsert(LogRecord record) {
        return record instanceof LogRecord.RemoteInsert
                || record instanceof LogRecord.Local l && l.op() instanceof LocalOp.Insert;
    }

    static int codePoint(LogRecord record) {
        Atom atom = record instanceof LogRecord.RemoteInsert r ? r.atom() : ((LocalOp.Insert) ((LogRecord.Local) record).op()).atom();
        return atom.codePoint();
    }

    /** The pid of an insert or delete, else null. */
    private static Pid pidOf(LogRecord record) {
        if (record instanceof LogRecord.RemoteInsert r) {
            return r.atom().pid();
        } else if (record instanceof LogRecord.RemoteDelete r) {
            return r.pid();
        } else if (record instanceof LogRecord.Local l) {
            if (l.op() instanceof LocalOp.Insert i) {
                return i.atom().pid();
            } else if (l.op() instanceof LocalOp.Delete d) {
                return d.pid();
            }
        }
        return null;
    }

    /** Local ops: {@code next} is op {@code n} after {@code first} in seq order, with its timestamp. */
    private static boolean sameOp(LogRecord first, LogRecord next, int n) {
        if (first instanceof LogRecord.Local a && next instanceof LogRecord.Local b) {
            return b.op().seq() == a.op().seq() + n && b.op().micros() == a.op().micros();
        }
        return true;
    }

    private static boolean sameLevel(Pid a, Pid b) {
        int depth = a.depth();
        if (b.depth() != depth || b.site() != a.site()) {
            return false;
        }
        for (int i = 0; i < depth - 1; i++) {
            if (a.keyAt(i) != b.keyAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
