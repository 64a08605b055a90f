package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded mutation fuzzer over the sample frames: 4 seeds of 30,000 inputs each. Every input must
 * decode to a frame that re-encodes to itself or fail with a {@link ProtocolException}. A failure
 * prints the input in hex; add it to {@code src/test/resources/fuzztests/} once fixed.
 */
class FuzzTest {
    private static final int INPUTS_PER_SEED = 30_000;

    private final MessageCodec codec = new MessageCodec();
    private final List<byte[]> corpus = SampleFrames.frames(codec);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 0x5eed})
    void mutatedFramesFailCleanlyOrRoundTrip(long seed) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int n = 0; n < INPUTS_PER_SEED; n++) {
            if (DecodeOutcome.check(codec, mutant(random))) {
                accepted++;
            }
        }
        assertThat(accepted).as("mutants that still decode").isBetween(1, INPUTS_PER_SEED - 1);
    }

    private byte[] mutant(Random random) {
        byte[] input = corpus.get(random.nextInt(corpus.size())).clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && input.length > 0; e++) {
            int at = random.nextInt(input.length);
            switch (random.nextInt(7)) {
                case 0 -> input[at] = (byte) random.nextInt(256);
                case 1 -> input[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> input = Arrays.copyOf(input, at);
                case 3 -> input = insert(input, at, (byte) random.nextInt(256));
                case 4 -> input = remove(input, at);
                case 5 -> overwriteLong(input, at, random);
                default -> input = concat(input, corpus.get(random.nextInt(corpus.size())));
            }
        }
        return input;
    }

    private static void overwriteLong(byte[] input, int at, Random random) {
        long[] interesting = {0, 1, 255, 256, 0x7FFF_FFFFL, 0x8000_0000L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1};
        long value = interesting[random.nextInt(interesting.length)];
        for (int i = 0; i < 8 && at + i < input.length; i++) {
            input[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private static byte[] insert(byte[] input, int at, byte b) {
        byte[] out = new byte[input.length + 1];
        System.arraycopy(input, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(input, at, out, at + 1, input.length - at);
        return out;
    }

    private static byte[] remove(byte[] input, int at) {
        byte[] out = new byte[input.length - 1];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(input, at + 1, out, at, input.length - at - 1);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
