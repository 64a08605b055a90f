package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final UUID DOC = new UUID(1, 2);

    private final MessageCodec codec = new MessageCodec();

    @Test
    void anEmptyFrameIsAProtocolError() {
        assertThatThrownBy(() -> codec.decodeFrame(new byte[0]))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo("empty frame");
                    assertThat(e.closeCode()).isEqualTo(1002);
                });
    }

    @Test
    void anUnknownTypeIsRefusedWithItsOffset() {
        byte[] frame = Hex.bytes("00 0000000000000001", "1f");
        assertThatThrownBy(() -> codec.decodeFrame(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown message type 31 at byte 9");
    }

    @Test
    void aFrameOverTheLimitClosesWithMessageTooBig() {
        MessageCodec small = new MessageCodec(Limits.DEFAULT.withMaxMessageBytes(16));
        byte[] seventeen = new byte[17];
        ByteBuffer direct = ByteBuffer.allocateDirect(17);
        for (ThrowingDecode decode : List.<ThrowingDecode>of(() -> small.decodeFrame(seventeen), () -> small.decodeFrame(direct))) {
            assertThatThrownBy(decode::run)
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(1009));
        }
    }

    @Test
    void encodingRefusesAFrameTheLimitWouldRefuse() {
        MessageCodec small = new MessageCodec(Limits.DEFAULT.withMaxMessageBytes(16));
        assertThat(small.encode(new Synclist(1))).hasSize(9);
        assertThatThrownBy(() -> small.encode(new Synclist(1), new Synclist(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 16 bytes");
        assertThatThrownBy(() -> codec.encode(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one message");
    }

    @Test
    void buffersAreReadFromPositionToLimitWithoutMovingThem() throws ProtocolException {
        byte[] frame = codec.encode(new SessionAck(1, 2), new NameChange("x"));
        ByteBuffer heap = ByteBuffer.allocate(frame.length + 10);
        heap.position(3);
        heap.put(frame);
        heap.flip().position(3);
        ByteBuffer slice = heap.slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
        for (ByteBuffer buffer : List.of(heap, slice, direct)) {
            int position = buffer.position();
            assertThat(codec.decodeFrame(buffer)).containsExactly(new SessionAck(1, 2), new NameChange("x"));
            assertThat(buffer.position()).isEqualTo(position);
        }
    }

    @Test
    void theLongestNameIs1024Bytes() throws ProtocolException {
        String longest = "😀".repeat(256);
        assertThat(codec.decodeFrame(codec.encode(new NameChange(longest)))).containsExactly(new NameChange(longest));
        byte[] tooLong = ("C" + "a".repeat(1025) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodeFrame(tooLong)).hasMessageContaining("name longer than 1024 bytes");
    }

    @Test
    void aLoweredNameLimitIsEnforced() {
        MessageCodec strict = new MessageCodec(new Limits(1 << 20, 8, 255, 1024));
        byte[] frame = codec.encode(new NameChange("123456789"));
        assertThatThrownBy(() -> strict.decodeFrame(frame)).hasMessageContaining("name longer than 8 bytes");
        assertThatThrownBy(() -> new Limits(1 << 20, 1025, 255, 1024)).hasMessageContaining("maxNameBytes 1025");
    }

    @Test
    void aSynclistAnswerHoldsAtMost65536Documents() throws ProtocolException {
        List<SynclistResponse.Entry> entries = new ArrayList<>();
        for (int i = 0; i < SynclistResponse.MAX_ENTRIES; i++) {
            entries.add(new SynclistResponse.Entry(i, DOC));
        }
        byte[] full = codec.encode(new SynclistResponse(entries));
        assertThat(((SynclistResponse) codec.decodeFrame(full).get(0)).entries()).hasSize(65_536);

        entries.add(new SynclistResponse.Entry(65_536, DOC));
        assertThatThrownBy(() -> new SynclistResponse(entries)).hasMessageContaining("more than 65536");
        byte[] overfull = Arrays.copyOf(full, full.length + 24);
        overfull[1 + 5] = 1;
        overfull[1 + 6] = 0;
        overfull[1 + 7] = 1;
        assertThatThrownBy(() -> codec.decodeFrame(overfull)).hasMessage("number_of_documents 65537 above 65536 at byte 1");
    }

    @Test
    void reasonsAreCutToFitACloseFrame() {
        ProtocolException e = ProtocolException.protocolError("é".repeat(100));
        assertThat(e.reason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(e.reason()).endsWith("...");
        assertThatThrownBy(() -> ProtocolException.tooBig("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargeUpsertRoundTrips() throws ProtocolException {
        List<Atom> atoms = new ArrayList<>();
        List<Pid> deletes = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            Pid pid = Pid.of(Pid.key(1 + i % 254, i), Pid.key(7, i * 31L));
            atoms.add(new Atom(pid, 0x20 + i % 0x2000));
            if (i % 3 == 0) {
                deletes.add(pid);
            }
        }
        SyncDocUpsert upsert = new SyncDocUpsert(DOC, "big", 5, atoms, deletes);
        byte[] frame = codec.encode(upsert);
        assertThat(codec.decodeFrame(frame)).containsExactly(upsert);
    }

    @FunctionalInterface
    private interface ThrowingDecode {
        void run() throws ProtocolException;
    }
}
