package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The only two acceptable results of decoding any bytes, checked. */
final class DecodeOutcome {
    private DecodeOutcome() {
    }

    /**
     * Decodes {@code input}: either it is accepted and re-encodes to exactly the same bytes, or it
     * fails with a {@link ProtocolException} whose reason is short and not empty. Anything else fails
     * the test with the input in hex. Returns whether the input was accepted.
     */
    static boolean check(MessageCodec codec, byte[] input) {
        try {
            List<Message> messages = codec.decodeFrame(input);
            assertThat(codec.encode(messages)).as("re-encoding of accepted %s", Hex.of(input)).isEqualTo(input);
            return true;
        } catch (ProtocolException e) {
            assertThat(e.reason()).as("reason for %s", Hex.of(input)).isNotBlank();
            assertThat(e.reason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ProtocolException.MAX_REASON_BYTES);
            assertThat(e.closeCode()).isIn(ProtocolException.PROTOCOL_ERROR, ProtocolException.MESSAGE_TOO_BIG);
            return false;
        } catch (Throwable t) {
            return fail("decoding " + Hex.of(input) + " threw " + t, t);
        }
    }
}
