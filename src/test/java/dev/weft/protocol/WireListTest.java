package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A decoded {@code sync_doc_upsert} keeps its ops as wire bytes ({@link WireList}): it is the same
 * message as one built from objects, re-encodes to the same bytes, does not change when the frame's
 * array does, and costs a few bytes per op to decode, not an object graph per op (issue 11 §8).
 */
class WireListTest {
    private static final MessageCodec CODEC = new MessageCodec();

    private static SyncDocUpsert upsert(int inserts, int deletes) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < inserts; i++) {
            atoms.add(new Atom(Pid.of(Pid.key(3, i), Pid.key(7, i + 1L)), i % 3 == 0 ? 'é' : 0x1F600 + i % 5));
        }
        List<Pid> pids = new ArrayList<>();
        for (int i = 0; i < deletes; i++) {
            pids.add(Pid.single(1 + i % 254, 0xFFFF_FFFFL - i));
        }
        return new SyncDocUpsert(UUID.randomUUID(), "notes/ünïcode", 42, atoms, pids);
    }

    @Test
    void aDecodedUpsertIsTheSameMessageAndReencodesToTheSameBytes() throws Exception {
        SyncDocUpsert built = upsert(1_000, 700);
        byte[] frame = CODEC.encode(built, new Synclist(5));
        List<Message> decoded = CODEC.decodeFrame(frame);
        SyncDocUpsert u = (SyncDocUpsert) decoded.get(0);
        assertThat(u).isEqualTo(built);
        assertThat(built).isEqualTo(u);
        assertThat(u.hashCode()).isEqualTo(built.hashCode());
        assertThat(u.inserts().subList(10, 20)).isEqualTo(built.inserts().subList(10, 20));
        assertThat(List.copyOf(u.deletes())).isEqualTo(built.deletes());
        assertThat(CODEC.encode(decoded)).isEqualTo(frame);
        assertThat(decoded.get(1)).isEqualTo(new Synclist(5));
    }

    @Test
    void changingTheFrameAfterDecodingChangesNothing() throws Exception {
        SyncDocUpsert built = upsert(50, 50);
        byte[] frame = CODEC.encode(built);
        SyncDocUpsert u = (SyncDocUpsert) CODEC.decodeFrame(frame).get(0);
        java.util.Arrays.fill(frame, (byte) 0);
        assertThat(u).isEqualTo(built);
    }

    @Test
    void decodingABigUpsertAllocatesAFewBytesPerOp() throws Exception {
        int ops = 1_000_000;
        byte[] frame = CODEC.encode(new SyncDocUpsert(UUID.randomUUID(), "big", 0, List.of(),
                upsert(0, ops).deletes()));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        SyncDocUpsert u = (SyncDocUpsert) CODEC.decodeFrame(frame).get(0);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(u.deletes()).hasSize(ops);
        // the wire bytes (6 per pid) and an offset (4); one Pid with its long[] alone is 40 bytes
        assertThat(allocated).as("bytes allocated to decode %d deletes", ops).isLessThan(12L * ops + (1 << 20));
    }
}
