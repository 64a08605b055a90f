package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.websockets.core.CloseMessage;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The close frame payload of a reader too slow (docs/protocol.md §3, (ext) 4008), as the server sends it. */
class TooSlowCloseVectorTest {
    @Test
    void aReaderTooSlowGets4008AndItsReason() {
        ByteBuffer payload = new CloseMessage(Failures.TOO_SLOW, "too slow: more than 1048576 bytes unread").toByteBuffer();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0fa8"
                + "746f6f20736c6f773a206d6f7265207468616e2031303438353736206279746573" + "20756e72656164");
    }
}
