package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fixed corpus of valid frames, one per message type and a few batches: the fuzzers' seeds. */
final class SampleFrames {
    private static final UUID DOC = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);
    private static final Pid DEEP = Pid.of(Pid.key(3, 16), Pid.key(7, 0xFFFF_FFFFL), Pid.key(255, 0));
    private static final Pid SHALLOW = Pid.single(7, 5);
    private static final List<Atom> TEXT = List.of(
            new Atom(SHALLOW, 'h'), new Atom(DEEP, 'é'), new Atom(Pid.single(9, 1), '€'),
            new Atom(Pid.of(Pid.key(1, 0), Pid.key(9, 2)), 0x1F600));

    private static final List<dev.weft.crdt.Run> RUNS = List.of(
            new dev.weft.crdt.Run(new dev.weft.crdt.PidRange(Pid.of(Pid.key(3, 16), Pid.key(7, 100)), 5, 3),
                    new int[] {'a', '€', 0x1F600}),
            new dev.weft.crdt.Run(new dev.weft.crdt.PidRange(Pid.of(Pid.key(3, 16), Pid.key(7, 200)), 1, 1), new int[] {'z'}),
            new dev.weft.crdt.Run(new dev.weft.crdt.PidRange(Pid.of(Pid.key(3, 17), Pid.key(255, 0), Pid.key(7, 9)), 1, 1),
                    new int[] {'q'}));
    private static final List<dev.weft.crdt.PidRange> RANGES = List.of(
            new dev.weft.crdt.PidRange(SHALLOW, 1, 2),
            new dev.weft.crdt.PidRange(Pid.single(9, 0xFFFF_FFFEL), 1, 2));

    private SampleFrames() {
    }

    /** One message of every type. */
    static List<Message> messages() {
        return List.of(
                new Synclist(1_700_000_000_000_000L),
                new SyncDocPull(DOC, 42),
                new SyncDocUpsert(DOC, "café/😀 notes", 42, TEXT, List.of(SHALLOW, DEEP)),
                new SyncDocTrash(DOC),
                new SyncDocRestore(DOC),
                new SynclistResponse(List.of(new SynclistResponse.Entry(1, DOC), new SynclistResponse.Entry(-1, DOC))),
                new SyncDocResponse(DOC, "notes/日記", TEXT, List.of(DEEP)),
                new SyncDocDone(DOC, 99, true),
                new SyncError(DOC, 404, "not found"),
                new SessionStart(0, DOC),
                new SessionInsert(255, new Atom(DEEP, 0x10FFFF)),
                new SessionDelete(9, DEEP),
                new NameChange("Ideen/Übersicht"),
                new SessionReady(12, 256),
                new SessionAck(3, 4),
                new SessionPeer(2, true, "Zoë's laptop"),
                new SessionCursor(2, DEEP),
                new SyncDocUpsertRuns(DOC, "café", 42, RUNS, RANGES),
                new SyncDocResponseRuns(DOC, "notes/日記", RUNS, RANGES),
                new SessionInsertRuns(7, RUNS),
                new SessionDeleteRanges(9, RANGES));
    }

    /** Encoded frames: each message alone, then a few batches. */
    static List<byte[]> frames(MessageCodec codec) {
        List<Message> messages = messages();
        List<byte[]> frames = new ArrayList<>();
        for (Message m : messages) {
            frames.add(codec.encode(m));
        }
        frames.add(codec.encode(messages));
        frames.add(codec.encode(new SessionCursor(2, null), new SyncError(SyncError.NO_DOCUMENT, 0, "")));
        return frames;
    }
}
