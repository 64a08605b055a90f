package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.NoteNames;
import java.util.UUID;

/** One record of the {@code .md.latest_ops} file; {@link RecordCodec} has the bytes. */
sealed interface LogRecord {
    /** First record of every log: its document and the last seq issued before the log began. */
    record Header(UUID documentId, long seqBase) implements LogRecord {
    }

    /** An edit made on this device. */
    record Local(LocalOp op) implements LogRecord {
    }

    /** An insert received from the server. */
    record RemoteInsert(Atom atom) implements LogRecord {
    }

    /** A delete received from the server. */
    record RemoteDelete(Pid pid) implements LogRecord {
    }

    /** The name the server gave the document. */
    record RemoteName(String name) implements LogRecord {
        public RemoteName {
            // as read back: a log written under an older rule still reads (NoteReplica checks the rule)
            NoteNames.validateField(name).ifPresent(problem -> {
                throw new IllegalArgumentException("name: " + problem);
            });
        }
    }

    /** Every local op with a seq up to {@code seq} may have reached the server. */
    record SentThrough(long seq) implements LogRecord {
    }

    /** The server acknowledged every local op with a seq up to {@code seq}. */
    record AckedThrough(long seq) implements LogRecord {
    }

    /** The replica holds every change the server committed up to sync time {@code syncTime}. */
    record CurrentTo(long syncTime) implements LogRecord {
    }
}
