package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Truncated, mutated and lying frames fail with a {@link ProtocolException}, nothing else. */
class HostileInputTest {
    private static final byte[] MUTATIONS = {0x00, 0x01, 0x0A, 0x2F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xED, (byte) 0xF4, (byte) 0xF8, (byte) 0xFF};

    private final MessageCodec codec = new MessageCodec();

    @Test
    void everyProperPrefixOfASingleMessageIsRefused() {
        for (Message m : SampleFrames.messages()) {
            byte[] frame = codec.encode(m);
            for (int cut = 0; cut < frame.length; cut++) {
                byte[] prefix = Arrays.copyOf(frame, cut);
                assertThatThrownBy(() -> codec.decodeFrame(prefix))
                        .as("prefix %d of %s", cut, m)
                        .isInstanceOf(ProtocolException.class);
            }
        }
    }

    @Test
    void aPrefixOfABatchIsRefusedOrEndsAtAMessageBoundary() throws ProtocolException {
        List<Message> all = SampleFrames.messages();
        byte[] frame = codec.encode(all);
        for (int cut = 1; cut < frame.length; cut++) {
            byte[] prefix = Arrays.copyOf(frame, cut);
            if (DecodeOutcome.check(codec, prefix)) {
                List<Message> decoded = codec.decodeFrame(prefix);
                assertThat(decoded).isEqualTo(all.subList(0, decoded.size()));
            }
        }
    }

    @Test
    void everySingleByteMutationFailsCleanlyOrIsCanonical() {
        for (byte[] frame : SampleFrames.frames(codec)) {
            for (int i = 0; i < frame.length; i++) {
                byte original = frame[i];
                for (byte b : MUTATIONS) {
                    frame[i] = b;
                    DecodeOutcome.check(codec, frame);
                }
                frame[i] = (byte) (original ^ 0x01);
                DecodeOutcome.check(codec, frame);
                frame[i] = original;
            }
        }
    }

    @Test
    void randomBytesFailCleanly() {
        Random random = new Random(20240601);
        for (int n = 0; n < 20_000; n++) {
            byte[] input = new byte[random.nextInt(64)];
            random.nextBytes(input);
            if (input.length > 0 && random.nextBoolean()) {
                input[0] = (byte) MessageArbitraries.TYPES[random.nextInt(MessageArbitraries.TYPES.length)];
            }
            DecodeOutcome.check(codec, input);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000000000000000", "0000010000000000", "ffffffffffffffff", "0000000080000000",
        "000000007fffffff", "0000000000000004"})
    void countsLargerThanTheBytesLeftAreRefusedBeforeAllocating(String count) {
        byte[] upsert = Hex.bytes("02", "0123456789abcdef fedcba9876543210", "61 0a", "0000000000000000",
                count, "01 68 01 07 00000001", "0000000000000000");
        byte[] deletes = Hex.bytes("21", "0123456789abcdef fedcba9876543210", "61 0a", "0000000000000000",
                count, "01 07 00000001");
        byte[] synclist = Hex.bytes("20", count, "0000000000000001 0123456789abcdef fedcba9876543210");
        for (byte[] frame : List.of(upsert, deletes, synclist)) {
            assertThatThrownBy(() -> codec.decodeFrame(frame))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("exceeds the");
        }
    }

    @Test
    void aHugeCountAllocatesNothingForTheItems() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] frame = Hex.bytes("21", "0123456789abcdef fedcba9876543210", "61 0a", "000000007ffffff0", "01 68");
        long thread = Thread.currentThread().getId();
        for (int warmup = 0; warmup < 3; warmup++) {
            DecodeOutcome.check(codec, frame);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        DecodeOutcome.check(codec, frame);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
