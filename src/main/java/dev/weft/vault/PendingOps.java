package dev.weft.vault;

import dev.weft.crdt.Pid;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the records of a log say, folded in file order: the pending set under the net-op rule, the
 * sent and acknowledged marks, the sync time and the name. Replaying a log through {@link #apply}
 * rebuilds exactly the state the live appends built, because both go through it.
 *
 * <p>The rule (docs/protocol.md §6): a local op is pending while its seq is above the acknowledged mark.
 * A local delete of a pid whose local insert is pending and not yet sent (seq above the sent mark)
 * cancels both: neither is ever sent. Once the insert was sent, its delete is pending too. A local
 * rename replaces an earlier pending rename: only the latest name needs to reach the server. Once
 * acknowledged it is the note's known name, unless the server sent a name after it was made (the
 * server's answer when it had to change it). A rename already sent leaves the pending set, not
 * acknowledged, when the server sends a name other than the one known before it ({@link #settleSentRename}).
 */
final class PendingOps {
    /** The pending ops in seq order; {@link SeqSlots} says how. */
    private final SeqSlots pending = new SeqSlots();
    /**
     * Seq of each pending insert that a local delete could still cancel, by pid: built only when a
     * local delete needs it, from the pending inserts above {@link #indexedThrough} and the sent
     * mark (those at or below the sent mark can no longer be cancelled). Entries of inserts
     * acknowledged since stay until the sent mark passes every indexed seq: harmless, as their seqs
     * are at or below the sent mark.
     */
    private final PidSeqIndex pendingInsertSeq = new PidSeqIndex();
    /** The largest seq whose insert was looked at for {@link #pendingInsertSeq}. */
    private long indexedThrough;
    private LocalOp.Rename pendingRename;
    private String remoteName;
    /** A name came from the server after the pending rename was made (its answer to it, say "NAME (2)"). */
    private boolean remoteNameSinceRename;
    private long lastSeq;
    private long sentThrough;
    private long ackedThrough;
    private boolean hasCurrentTo;
    private long currentTo;
    /** Remote inserts logged since the last "current to": atoms that may be newer than the sync time. */
    private final PidSet uncovered = new PidSet();

    /** Makes room for {@code ops} more pending ops with {@code keys} pid keys in all: a big edit grows the slots once. */
    void reserve(int ops, int keys) {
        pending.reserve(ops, keys);
    }

    /**
     * Folds one record in.
     *
     * @return true if it was a local op that entered the pending set
     */
    boolean apply(LogRecord record) {
        if (record instanceof LogRecord.Local l) {
            return local(l.op());
        } else if (record instanceof LogRecord.SentThrough s) {
            raiseSentThrough(s.seq());
        } else if (record instanceof LogRecord.AckedThrough a) {
            acknowledge(a.seq());
        } else if (record instanceof LogRecord.CurrentTo c) {
            hasCurrentTo = true;
            currentTo = c.syncTime();
            uncovered.clear();
        } else if (record instanceof LogRecord.RemoteInsert r) {
            uncovered.add(r.atom().pid());
        } else if (record instanceof LogRecord.RemoteName r) {
            if (pendingRename != null && pendingRename.seq() <= sentThrough && !r.name().equals(remoteName)) {
                settleSentRename();
            }
            remoteName = r.name();
            remoteNameSinceRename = pendingRename != null;
        } else if (record instanceof LogRecord.Header h) {
            raiseLastSeq(h.seqBase());
        }
        return false;
    }

    private boolean local(LocalOp op) {
        raiseLastSeq(op.seq());
        if (op.seq() <= ackedThrough) {
            return false;
        }
        if (op instanceof LocalOp.Delete delete) {
            indexInserts();
            long insertSeq = pendingInsertSeq.get(delete.pid());
            if (insertSeq > sentThrough) {
                pending.remove(insertSeq);
                pendingInsertSeq.remove(delete.pid());
                return false;
            }
        } else if (op instanceof LocalOp.Rename rename) {
            if (pendingRename != null) {
                pending.remove(pendingRename.seq());
            }
            pendingRename = rename;
            remoteNameSinceRename = false;
        }
        boolean inOrder = pending.append(op);
        if (!inOrder) {
            // a seq not above every pending one (logs are never written so): at its place, as by seq
            indexInserts();
            pending.put(op);
        }
        if ((!inOrder || op.seq() <= indexedThrough) && op instanceof LocalOp.Insert insert) {
            pendingInsertSeq.put(insert.atom().pid(), op.seq()); // behind the index's catch-up
        }
        return true;
    }

    /** Brings {@link #pendingInsertSeq} up to the last pending op, in seq order. */
    private void indexInserts() {
        if (indexedThrough >= pending.lastSeq()) {
            return;
        }
        long from = Math.max(indexedThrough, sentThrough);
        for (int i = pending.indexAbove(from); i < pending.end(); i++) {
            if (pending.at(i) instanceof LocalOp.Insert insert) {
                pendingInsertSeq.put(insert.atom().pid(), insert.seq());
            }
        }
        indexedThrough = pending.lastSeq();
    }

    /** Past the sent mark every indexed insert is beyond cancelling: the index is let go. */
    private void raiseSentThrough(long seq) {
        sentThrough = Math.max(sentThrough, seq);
        if (sentThrough >= indexedThrough && pendingInsertSeq.size() > 0) {
            pendingInsertSeq.clear();
        }
    }

    private void acknowledge(long seq) {
        ackedThrough = Math.max(ackedThrough, seq);
        raiseSentThrough(seq);
        if (pending.removeThrough(ackedThrough, pendingRename)) {
            if (!remoteNameSinceRename) {
                remoteName = pendingRename.name();
            }
            pendingRename = null;
        }
    }

    /**
     * The server's name changed after the pending rename was sent: the server either applied the
     * rename (and this name is its answer, or newer) or took a concurrent one first. Either way the
     * name stands, and the rename must not be sent again: a session's {@code 67} is applied
     * unconditionally, so a resend after a reconnect would undo a newer rename made elsewhere.
     * A name equal to the one known before means the server may never have had the rename: it stays.
     */
    private void settleSentRename() {
        pending.remove(pendingRename.seq());
        pendingRename = null;
    }

    void raiseLastSeq(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    /** Pending ops in seq order. */
    List<LocalOp> pending() {
        return pending.from(0);
    }

    /** Pending ops not sent yet (seq above the sent mark), in seq order. */
    List<LocalOp> unsent() {
        return pending.from(pending.indexAbove(sentThrough));
    }

    /** The seqs of {@link #pending}: from 0 through the last pending op. */
    RecordLog.ToSend pendingRange() {
        return range(0);
    }

    /** The seqs of {@link #unsent}: after the sent mark through the last pending op. */
    RecordLog.ToSend unsentRange() {
        return range(sentThrough);
    }

    private RecordLog.ToSend range(long after) {
        int count = pending.liveFrom(pending.indexAbove(after));
        return new RecordLog.ToSend(after, count == 0 ? after : pending.lastLiveSeq(), count);
    }

    /** Pending ops with a seq in {@code (after, through]}, cut before the {@code limit + 1}-th insert or delete. */
    List<LocalOp> between(long after, long through, int limit) {
        return pending.between(pending.indexAbove(after), pending.indexAbove(through), limit);
    }

    int pendingCount() {
        return pending.size();
    }

    long lastSeq() {
        return lastSeq;
    }

    long sentThrough() {
        return sentThrough;
    }

    long ackedThrough() {
        return ackedThrough;
    }

    /** The last "current to" mark, or {@code fallback} (the structure file's time) if there is none. */
    /** A copy of the remote inserts logged since the last "current to". */
    Set<Pid> uncovered() {
        return uncovered.toSet();
    }

    /** Whether any remote insert was logged since the last "current to" (no copy: a big download logs millions). */
    boolean hasUncovered() {
        return !uncovered.isEmpty();
    }

    long syncTime(long fallback) {
        return hasCurrentTo ? currentTo : fallback;
    }

    /** The pending local rename's name, else the last name the server gave, if any. */
    Optional<String> name() {
        return Optional.ofNullable(pendingRename != null ? pendingRename.name() : remoteName);
    }

    Optional<String> remoteName() {
        return Optional.ofNullable(remoteName);
    }

    /**
     * The records a fresh log needs to rebuild this state on top of a structure file that holds
     * every atom, handed to {@code out} one at a time (a big note's pending ops are not all made
     * into objects at once): header, name, marks and the pending ops with their own seqs.
     */
    void snapshot(UUID documentId, Consumer<LogRecord> out) {
        out.accept(new LogRecord.Header(documentId, lastSeq));
        // before the pending rename also when it came after it: the name a sent rename is compared with
        if (remoteName != null) {
            out.accept(new LogRecord.RemoteName(remoteName));
        }
        if (ackedThrough > 0) {
            out.accept(new LogRecord.AckedThrough(ackedThrough));
        }
        if (sentThrough > ackedThrough) {
            out.accept(new LogRecord.SentThrough(sentThrough));
        }
        for (int i = pending.indexAbove(0); i < pending.end(); i++) {
            LocalOp op = pending.at(i);
            if (op != null) {
                out.accept(new LogRecord.Local(op));
            }
        }
        if (remoteName != null && remoteNameSinceRename) {
            out.accept(new LogRecord.RemoteName(remoteName));
        }
    }
}
