package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.Run;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Encodes messages into frames and decodes frames into messages (docs/protocol.md §1, §4, §5). A frame
 * is one WebSocket binary message holding one or more protocol messages back to back.
 *
 * <p>Decoding validates everything the records validate, refuses counts that the bytes left
 * cannot hold before allocating for them, and throws only {@link ProtocolException}. Every
 * accepted frame re-encodes to exactly the same bytes. Instances are immutable and thread-safe.
 */
public final class MessageCodec {
    private static final int SYNCLIST_ENTRY_BYTES = 8 + 16;

    private final Limits limits;

    /** A codec with {@link Limits#DEFAULT}. */
    public MessageCodec() {
        this(Limits.DEFAULT);
    }

    public MessageCodec(Limits limits) {
        this.limits = Fields.present(limits, "limits");
    }

    /** The limits this codec decodes and encodes with. */
    public Limits limits() {
        return limits;
    }

    /**
     * The most ops (inserted atoms and deleted pids) the run messages of one frame may stand for in
     * all (docs/protocol.md §8): as many deletes as seed messages of the largest frame could carry.
     */
    public int maxRunOps() {
        return maxRunOps(limits);
    }

    static int maxRunOps(Limits limits) {
        return limits.maxMessageBytes() / WireFields.MIN_PID_BYTES;
    }

    /** The bytes {@code m} takes on the wire. */
    static int encodedSize(Message m) {
        ByteWriter w = new ByteWriter(64);
        write(w, m);
        return w.size();
    }

    /** One frame holding {@code messages} in order. */
    public byte[] encode(Message... messages) {
        return encode(List.of(messages));
    }

    /**
     * One frame holding {@code messages} in order.
     *
     * @throws IllegalArgumentException if there is no message, or the frame would exceed
     *     {@link Limits#maxMessageBytes()} (the sender must split it)
     */
    public byte[] encode(List<? extends Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a frame holds at least one message");
        }
        ByteWriter w = new ByteWriter(64);
        for (Message m : messages) {
            write(w, m);
            if (w.size() > limits.maxMessageBytes()) {
                throw new IllegalArgumentException("frame exceeds " + limits.maxMessageBytes() + " bytes");
            }
        }
        return w.toByteArray();
    }

    /**
     * Every message of a frame, in order.
     *
     * @throws ProtocolException close code 1009 if the frame exceeds {@link Limits#maxMessageBytes()},
     *     1002 if it is empty, or any message in it is unknown, malformed or cut off
     */
    public List<Message> decodeFrame(byte[] frame) throws ProtocolException {
        return decodeFrame(frame, 0, frame.length);
    }

    /**
     * Every message of the frame between the buffer's position and limit; the buffer is not moved.
     *
     * @throws ProtocolException as {@link #decodeFrame(byte[])}
     */
    public List<Message> decodeFrame(ByteBuffer frame) throws ProtocolException {
        int length = frame.remaining();
        checkFrameSize(length);
        if (frame.hasArray()) {
            int from = frame.arrayOffset() + frame.position();
            return decodeFrame(frame.array(), from, from + length);
        }
        byte[] copy = new byte[length];
        frame.duplicate().get(copy);
        return decodeFrame(copy, 0, length);
    }

    private List<Message> decodeFrame(byte[] frame, int from, int to) throws ProtocolException {
        checkFrameSize(to - from);
        if (to == from) {
            throw ProtocolException.protocolError("empty frame");
        }
        ByteReader r = new ByteReader(frame, from, to);
        List<Message> messages = new ArrayList<>();
        long[] keys = new long[Pid.MAX_DEPTH];
        RunFields.OpBudget ops = new RunFields.OpBudget(maxRunOps());
        while (r.hasRemaining()) {
            messages.add(read(r, keys, ops));
        }
        return List.copyOf(messages);
    }

    private void checkFrameSize(int length) throws ProtocolException {
        if (length > limits.maxMessageBytes()) {
            throw ProtocolException.tooBig("message of " + length + " bytes exceeds " + limits.maxMessageBytes());
        }
    }

    private Message read(ByteReader r, long[] keys, RunFields.OpBudget ops) throws ProtocolException {
        int type = r.u8("message type");
        return switch (type) {
            case Synclist.TYPE -> readSynclist(r);
            case SyncDocPull.TYPE -> readSyncDocPull(r);
            case SyncDocUpsert.TYPE -> readSyncDocUpsert(r, keys);
            case SyncDocTrash.TYPE -> readSyncDocTrash(r);
            case SyncDocRestore.TYPE -> readSyncDocRestore(r);
            case SynclistResponse.TYPE -> readSynclistResponse(r);
            case SyncDocResponse.TYPE -> readSyncDocResponse(r, keys);
            case SyncDocDone.TYPE -> readSyncDocDone(r);
            case SyncError.TYPE -> readSyncError(r);
            case SessionStart.TYPE -> readSessionStart(r);
            case SessionInsert.TYPE -> readSessionInsert(r, keys);
            case SessionDelete.TYPE -> readSessionDelete(r, keys);
            case NameChange.TYPE -> readNameChange(r);
            case SessionReady.TYPE -> readSessionReady(r);
            case SessionAck.TYPE -> readSessionAck(r);
            case SessionPeer.TYPE -> readSessionPeer(r);
            case SessionCursor.TYPE -> readSessionCursor(r, keys);
            case SyncDocUpsertRuns.TYPE -> readSyncDocUpsertRuns(r, keys, ops);
            case SyncDocResponseRuns.TYPE -> readSyncDocResponseRuns(r, keys, ops);
            case SessionInsertRuns.TYPE -> readSessionInsertRuns(r, keys, ops);
            case SessionDeleteRanges.TYPE -> readSessionDeleteRanges(r, keys, ops);
            case SyncDocTrashBatch.TYPE -> new SyncDocTrashBatch(r.uuid("document_id"), r.u64("known_at"), r.u64("batch"));
            case SyncDocPurge.TYPE -> new SyncDocPurge(r.uuid("document_id"));
            case SyncDocTrashInfo.TYPE -> readSyncDocTrashInfo(r);
            case SyncDocPurged.TYPE -> new SyncDocPurged(r.uuid("document_id"), r.u64("sync_time"));
            case HistoryList.TYPE -> new HistoryList(r.uuid("document_id"));
            case HistoryPull.TYPE -> new HistoryPull(r.uuid("document_id"), r.u64("at"));
            case HistoryVersions.TYPE -> HistoryFields.readVersions(r);
            case HistoryText.TYPE -> HistoryFields.readText(r);
            case FilesChanged.TYPE -> new FilesChanged(r.u64("sync_time"));
            default -> throw r.errorAt(r.offset() - 1, "unknown message type " + type);
        };
    }

    private static void write(ByteWriter w, Message m) {
        w.u8(m.type());
        switch (m.type()) {
            case Synclist.TYPE -> writeSynclist(w, (Synclist) m);
            case SyncDocPull.TYPE -> writeSyncDocPull(w, (SyncDocPull) m);
            case SyncDocUpsert.TYPE -> writeSyncDocUpsert(w, (SyncDocUpsert) m);
            case SyncDocTrash.TYPE -> writeSyncDocTrash(w, (SyncDocTrash) m);
            case SyncDocRestore.TYPE -> writeSyncDocRestore(w, (SyncDocRestore) m);
            case SynclistResponse.TYPE -> writeSynclistResponse(w, (SynclistResponse) m);
            case SyncDocResponse.TYPE -> writeSyncDocResponse(w, (SyncDocResponse) m);
            case SyncDocDone.TYPE -> writeSyncDocDone(w, (SyncDocDone) m);
            case SyncError.TYPE -> writeSyncError(w, (SyncError) m);
            case SessionStart.TYPE -> writeSessionStart(w, (SessionStart) m);
            case SessionInsert.TYPE -> writeSessionInsert(w, (SessionInsert) m);
            case SessionDelete.TYPE -> writeSessionDelete(w, (SessionDelete) m);
            case NameChange.TYPE -> writeNameChange(w, (NameChange) m);
            case SessionReady.TYPE -> writeSessionReady(w, (SessionReady) m);
            case SessionAck.TYPE -> writeSessionAck(w, (SessionAck) m);
            case SessionPeer.TYPE -> writeSessionPeer(w, (SessionPeer) m);
            case SessionCursor.TYPE -> writeSessionCursor(w, (SessionCursor) m);
            case SyncDocUpsertRuns.TYPE -> writeSyncDocUpsertRuns(w, (SyncDocUpsertRuns) m);
            case SyncDocResponseRuns.TYPE -> writeSyncDocResponseRuns(w, (SyncDocResponseRuns) m);
            case SessionInsertRuns.TYPE -> writeSessionInsertRuns(w, (SessionInsertRuns) m);
            case SessionDeleteRanges.TYPE -> writeSessionDeleteRanges(w, (SessionDeleteRanges) m);
            case SyncDocTrashBatch.TYPE -> {
                SyncDocTrashBatch t = (SyncDocTrashBatch) m;
                w.uuid(t.documentId()).u64(t.knownAt()).u64(t.batch());
            }
            case SyncDocPurge.TYPE -> w.uuid(((SyncDocPurge) m).documentId());
            case SyncDocTrashInfo.TYPE -> {
                SyncDocTrashInfo i = (SyncDocTrashInfo) m;
                w.uuid(i.documentId()).u64(i.trashedAt()).u64(i.batch()).line(i.trashedBy()).line(i.editedBy());
            }
            case SyncDocPurged.TYPE -> w.uuid(((SyncDocPurged) m).documentId()).u64(((SyncDocPurged) m).syncTime());
            case HistoryList.TYPE -> w.uuid(((HistoryList) m).documentId());
            case HistoryPull.TYPE -> w.uuid(((HistoryPull) m).documentId()).u64(((HistoryPull) m).at());
            case HistoryVersions.TYPE -> HistoryFields.write(w, (HistoryVersions) m);
            case HistoryText.TYPE -> HistoryFields.write(w, (HistoryText) m);
            case FilesChanged.TYPE -> w.u64(((FilesChanged) m).syncTime());
            default -> throw new IllegalStateException("no writer for message type " + m.type());
        }
    }

    private static Synclist readSynclist(ByteReader r) throws ProtocolException {
        return new Synclist(r.u64("last_sync_time"));
    }

    private static void writeSynclist(ByteWriter w, Synclist m) {
        w.u64(m.lastSyncTime());
    }

    private static SyncDocPull readSyncDocPull(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        return new SyncDocPull(id, r.u64("last_sync_time"));
    }

    private static void writeSyncDocPull(ByteWriter w, SyncDocPull m) {
        w.uuid(m.documentId()).u64(m.lastSyncTime());
    }

    private SyncDocUpsert readSyncDocUpsert(ByteReader r, long[] keys) throws ProtocolException {
        UUID id = r.uuid("document_id");
        String name = WireFields.readName(r, limits.maxNameBytes());
        long lastSyncTime = r.u64("last_sync_time");
        List<Atom> inserts = WireList.readAtoms(r, keys);
        return new SyncDocUpsert(id, name, lastSyncTime, inserts, WireList.readPids(r, keys));
    }

    private static void writeSyncDocUpsert(ByteWriter w, SyncDocUpsert m) {
        w.uuid(m.documentId()).line(m.name()).u64(m.lastSyncTime());
        WireFields.writeAtoms(w, m.inserts());
        WireFields.writePids(w, m.deletes());
    }

    private static SyncDocTrash readSyncDocTrash(ByteReader r) throws ProtocolException {
        return new SyncDocTrash(r.uuid("document_id"));
    }

    private static void writeSyncDocTrash(ByteWriter w, SyncDocTrash m) {
        w.uuid(m.documentId());
    }

    private static SyncDocRestore readSyncDocRestore(ByteReader r) throws ProtocolException {
        return new SyncDocRestore(r.uuid("document_id"));
    }

    private static void writeSyncDocRestore(ByteWriter w, SyncDocRestore m) {
        w.uuid(m.documentId());
    }

    private static SynclistResponse readSynclistResponse(ByteReader r) throws ProtocolException {
        int at = r.offset();
        int n = r.count(SYNCLIST_ENTRY_BYTES, "number_of_documents");
        if (n > SynclistResponse.MAX_ENTRIES) {
            throw r.errorAt(at, "number_of_documents " + n + " above " + SynclistResponse.MAX_ENTRIES);
        }
        List<SynclistResponse.Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long syncTime = r.u64("last_sync_time");
            entries.add(new SynclistResponse.Entry(syncTime, r.uuid("document_id")));
        }
        return new SynclistResponse(entries);
    }

    private static void writeSynclistResponse(ByteWriter w, SynclistResponse m) {
        w.u64(m.entries().size());
        for (SynclistResponse.Entry e : m.entries()) {
            w.u64(e.syncTime()).uuid(e.documentId());
        }
    }

    private SyncDocResponse readSyncDocResponse(ByteReader r, long[] keys) throws ProtocolException {
        UUID id = r.uuid("document_id");
        String name = WireFields.readName(r, limits.maxNameBytes());
        List<Atom> inserts = WireFields.readAtoms(r, keys);
        return new SyncDocResponse(id, name, inserts, WireFields.readPids(r, keys));
    }

    private static void writeSyncDocResponse(ByteWriter w, SyncDocResponse m) {
        w.uuid(m.documentId()).line(m.name());
        WireFields.writeAtoms(w, m.inserts());
        WireFields.writePids(w, m.deletes());
    }

    private static SyncDocDone readSyncDocDone(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        long syncTime = r.u64("sync_time");
        int flags = r.u8("flags");
        if ((flags & ~SyncDocDone.FLAG_TRASHED) != 0) {
            throw r.errorAt(r.offset() - 1, "unknown flags 0x" + Integer.toHexString(flags));
        }
        return new SyncDocDone(id, syncTime, flags == SyncDocDone.FLAG_TRASHED);
    }

    private static void writeSyncDocDone(ByteWriter w, SyncDocDone m) {
        w.uuid(m.documentId()).u64(m.syncTime()).u8(m.trashed() ? SyncDocDone.FLAG_TRASHED : 0);
    }

    private static SyncDocTrashInfo readSyncDocTrashInfo(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        long trashedAt = r.u64("trashed_at");
        long batch = r.u64("batch");
        String trashedBy = WireFields.readText(r, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "trashed_by");
        return new SyncDocTrashInfo(id, trashedAt, batch, trashedBy,
                WireFields.readText(r, 0, SessionPeer.MAX_DEVICE_NAME_BYTES, "edited_by"));
    }

    private SyncError readSyncError(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        int code = r.u16("code");
        return new SyncError(id, code, WireFields.readText(r, 0, limits.maxErrorMessageBytes(), "message"));
    }

    private static void writeSyncError(ByteWriter w, SyncError m) {
        w.uuid(m.documentId()).u16(m.code()).line(m.message());
    }

    private static SessionStart readSessionStart(ByteReader r) throws ProtocolException {
        long lastSyncTime = r.u64("last_sync_time");
        return new SessionStart(lastSyncTime, r.uuid("document_id"));
    }

    private static void writeSessionStart(ByteWriter w, SessionStart m) {
        w.u64(m.lastSyncTime()).uuid(m.documentId());
    }

    private static SessionInsert readSessionInsert(ByteReader r, long[] keys) throws ProtocolException {
        int site = WireFields.readSite(r);
        int at = r.offset();
        Atom atom = WireFields.readAtom(r, keys);
        if (atom.pid().site() != site) {
            throw r.errorAt(at, "inserted pid's last site " + atom.pid().site() + " is not the sender site " + site);
        }
        return new SessionInsert(site, atom);
    }

    private static void writeSessionInsert(ByteWriter w, SessionInsert m) {
        w.u8(m.site());
        WireFields.writeAtom(w, m.atom());
    }

    private static SessionDelete readSessionDelete(ByteReader r, long[] keys) throws ProtocolException {
        int site = WireFields.readSite(r);
        return new SessionDelete(site, WireFields.readPid(r, keys));
    }

    private static void writeSessionDelete(ByteWriter w, SessionDelete m) {
        w.u8(m.site()).pid(m.pid());
    }

    private NameChange readNameChange(ByteReader r) throws ProtocolException {
        return new NameChange(WireFields.readName(r, limits.maxNameBytes()));
    }

    private static void writeNameChange(ByteWriter w, NameChange m) {
        w.line(m.name());
    }

    private static SessionReady readSessionReady(ByteReader r) throws ProtocolException {
        int site = WireFields.readSite(r);
        return new SessionReady(site, r.u64("sync_time"));
    }

    private static void writeSessionReady(ByteWriter w, SessionReady m) {
        w.u8(m.site()).u64(m.syncTime());
    }

    private static SessionAck readSessionAck(ByteReader r) throws ProtocolException {
        long applied = r.u64("applied");
        return new SessionAck(applied, r.u64("sync_time"));
    }

    private static void writeSessionAck(ByteWriter w, SessionAck m) {
        w.u64(m.applied()).u64(m.syncTime());
    }

    private SessionPeer readSessionPeer(ByteReader r) throws ProtocolException {
        int site = WireFields.readSite(r);
        int present = r.u8("present");
        if (present > 1) {
            throw r.errorAt(r.offset() - 1, "present " + present + " is not 0 or 1");
        }
        String deviceName = WireFields.readText(r, 1, limits.maxDeviceNameBytes(), "device_name");
        return new SessionPeer(site, present == 1, deviceName);
    }

    private static void writeSessionPeer(ByteWriter w, SessionPeer m) {
        w.u8(m.site()).u8(m.present() ? 1 : 0).line(m.deviceName());
    }

    private static SessionCursor readSessionCursor(ByteReader r, long[] keys) throws ProtocolException {
        int site = WireFields.readSite(r);
        int depth = r.u8("pid_depth");
        if (depth == 0) {
            return new SessionCursor(site, null);
        }
        r.pairs(keys, depth);
        return new SessionCursor(site, Pid.ofRange(keys, 0, depth));
    }

    private static void writeSessionCursor(ByteWriter w, SessionCursor m) {
        w.u8(m.site());
        if (m.pidOrNull() == null) {
            w.u8(0);
        } else {
            w.pid(m.pidOrNull());
        }
    }

    private SyncDocUpsertRuns readSyncDocUpsertRuns(ByteReader r, long[] keys, RunFields.OpBudget ops)
            throws ProtocolException {
        UUID id = r.uuid("document_id");
        String name = WireFields.readName(r, limits.maxNameBytes());
        long lastSyncTime = r.u64("last_sync_time");
        List<Run> inserts = RunFields.readRuns(r, keys, ops);
        return new SyncDocUpsertRuns(id, name, lastSyncTime, inserts, RunFields.readRanges(r, keys, ops));
    }

    private static void writeSyncDocUpsertRuns(ByteWriter w, SyncDocUpsertRuns m) {
        w.uuid(m.documentId()).line(m.name()).u64(m.lastSyncTime());
        RunFields.writeRuns(w, m.inserts());
        RunFields.writeRanges(w, m.deletes());
    }

    private SyncDocResponseRuns readSyncDocResponseRuns(ByteReader r, long[] keys, RunFields.OpBudget ops)
            throws ProtocolException {
        UUID id = r.uuid("document_id");
        String name = WireFields.readName(r, limits.maxNameBytes());
        List<Run> inserts = RunFields.readRuns(r, keys, ops);
        return new SyncDocResponseRuns(id, name, inserts, RunFields.readRanges(r, keys, ops));
    }

    private static void writeSyncDocResponseRuns(ByteWriter w, SyncDocResponseRuns m) {
        w.uuid(m.documentId()).line(m.name());
        RunFields.writeRuns(w, m.inserts());
        RunFields.writeRanges(w, m.deletes());
    }

    private static SessionInsertRuns readSessionInsertRuns(ByteReader r, long[] keys, RunFields.OpBudget ops)
            throws ProtocolException {
        int site = WireFields.readSite(r);
        int at = r.offset();
        List<Run> runs = RunFields.readRuns(r, keys, ops);
        for (Run run : runs) {
            if (run.pids().first().site() != site) {
                throw r.errorAt(at, "inserted run's last site " + run.pids().first().site() + " is not the sender site "
                        + site);
            }
        }
        return new SessionInsertRuns(site, runs);
    }

    private static void writeSessionInsertRuns(ByteWriter w, SessionInsertRuns m) {
        w.u8(m.site());
        RunFields.writeRuns(w, m.runs());
    }

    private static SessionDeleteRanges readSessionDeleteRanges(ByteReader r, long[] keys, RunFields.OpBudget ops)
            throws ProtocolException {
        int site = WireFields.readSite(r);
        return new SessionDeleteRanges(site, RunFields.readRanges(r, keys, ops));
    }

    private static void writeSessionDeleteRanges(ByteWriter w, SessionDeleteRanges m) {
        w.u8(m.site());
        RunFields.writeRanges(w, m.ranges());
    }
}
