package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.NoteNames;

/**
 * An edit made on this device, as the record log holds it: numbered by the document's sequence
 * ({@code seq}, from 1, never reused) and stamped with the device clock in microseconds since the
 * Unix epoch (for the user's history only; sync never reads it).
 */
public sealed interface LocalOp {
    long seq();

    long micros();

    /** A character typed here: sent as an insert atom ({@code 2} or {@code 65}). */
    record Insert(long seq, long micros, Atom atom) implements LocalOp {
        public Insert {
            checkSeq(seq);
            if (atom == null) {
                throw new IllegalArgumentException("atom is null");
            }
        }
    }

    /** A character deleted here: sent as a delete pid ({@code 2} or {@code 66}). */
    record Delete(long seq, long micros, Pid pid) implements LocalOp {
        public Delete {
            checkSeq(seq);
            if (pid == null) {
                throw new IllegalArgumentException("pid is null");
            }
        }
    }

    /** The note got this name here: sent as the upsert's name or as a {@code 67}. */
    record Rename(long seq, long micros, String name) implements LocalOp {
        public Rename {
            checkSeq(seq);
            // a record: NoteReplica#rename checks the rule, a log written under an older rule still reads
            NoteNames.validateField(name).ifPresent(problem -> {
                throw new IllegalArgumentException("name: " + problem);
            });
        }
    }

    private static void checkSeq(long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq " + seq + " < 1");
        }
    }
}
