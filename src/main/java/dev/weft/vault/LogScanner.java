package dev.weft.vault;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
     * @param file the file's bytes
     * @param records how many valid records come before the damage (a run record counts its ops)
     * @param validEnd bytes those records take: the file is kept up to here
     * @param recordsAfterDamage valid records found after the damage (0: a torn tail or no damage)
     * @param maxSeqAfterDamage the largest seq of any local op or mark after the damage (0 if none)
     */
    record Result(byte[] file, int records, int validEnd, int recordsAfterDamage, long maxSeqAfterDamage) {
        /** The first record, the header, if there is one. */
        Optional<LogRecord.Header> header() {
            return records == 0 ? Optional.empty()
                    : Optional.of((LogRecord.Header) RecordCodec.decode(file, 0, RecordCodec.frameEnd(file, 0, validEnd,
                            new CRC32C())).get(0));
        }

        /**
         * Hands the valid records to {@code fold} in file order, decoded again one at a time: a log of
         * millions of pending ops is never a list of millions of records (issue 12 §1).
         */
        void forEach(Consumer<LogRecord> fold) {
            CRC32C crc = new CRC32C();
            for (int at = 0; at < validEnd;) {
                int end = RecordCodec.frameEnd(file, at, validEnd, crc);
                RecordCodec.decode(file, at, end).forEach(fold);
                at = end;
            }
        }
    }

    private LogScanner() {
    }

    static Result scan(byte[] file) {
        CRC32C crc = new CRC32C();
        int records = 0;
        int at = 0;
        while (at < file.length) {
            int end = RecordCodec.frameEnd(file, at, file.length, crc);
            List<LogRecord> decoded = end < 0 ? null : RecordCodec.decode(file, at, end);
            if (decoded == null || (records == 0) != decoded.get(0) instanceof LogRecord.Header) {
                break;
            }
            records += decoded.size();
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
        return new Result(file, records, at, after, maxSeq);
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
