package dev.weft.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the records of a log file up to the first one that is not whole and valid (the damage),
 * then looks past it, byte by byte, for valid records: if there are some, the damage was in the
 * middle (corruption), not a torn tail. The first record must be a header and no other record may
 * be one.
 */
final class LogScanner {
    /**
     * What a file holds.
     *
     * @param records the valid records before the damage, in file order
     * @param validEnd bytes those records take: the file is kept up to here
     * @param recordsAfterDamage valid records found after the damage (0: a torn tail or no damage)
     * @param maxSeqAfterDamage the largest seq of any local op or mark after the damage (0 if none)
     */
    record Result(List<LogRecord> records, int validEnd, int recordsAfterDamage, long maxSeqAfterDamage) {
    }

    private LogScanner() {
    }

    static Result scan(byte[] file) {
        CRC32C crc = new CRC32C();
        List<LogRecord> records = new ArrayList<>();
        int at = 0;
        while (at < file.length) {
            int end = RecordCodec.frameEnd(file, at, file.length, crc);
            List<LogRecord> decoded = end < 0 ? null : RecordCodec.decode(file, at, end);
            if (decoded == null || records.isEmpty() != decoded.get(0) instanceof LogRecord.Header) {
                break;
            }
            records.addAll(decoded);
            at = end;
        }
        int after = 0;
        long maxSeq = 0;
        for (int q = at + 1; q < file.length;) {
            int end = RecordCodec.frameEnd(file, q, file.length, crc);
            List<LogRecord> decoded = end < 0 ? null : RecordCodec.decode(file, q, end);
            if (decoded == null) {
                q++;
                continue;
            }
            after++;
            for (LogRecord record : decoded) {
                maxSeq = Math.max(maxSeq, seqOf(record));
            }
            q = end;
        }
        return new Result(records, at, after, maxSeq);
    }

    private static long seqOf(LogRecord record) {
        if (record instanceof LogRecord.Local l) {
            return l.op().seq();
        } else if (record instanceof LogRecord.SentThrough s) {
            return s.seq();
        } else if (record instanceof LogRecord.AckedThrough a) {
            return a.seq();
        } else if (record instanceof LogRecord.Header h) {
            return h.seqBase();
        }
        return 0;
    }
}
