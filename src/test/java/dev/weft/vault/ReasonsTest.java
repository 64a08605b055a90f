package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A reason is never a bare "null": exceptions without a message are named in words. */
class ReasonsTest {
    @Test
    void aMessageIsTheReason() {
        assertThat(Reasons.of(new IOException("disk on fire"))).isEqualTo("disk on fire");
    }

    @Test
    void exceptionsWithoutAMessageAreWorded() {
        assertThat(Reasons.of(new ClosedByInterruptException())).isEqualTo("interrupted while writing (the program was closing)");
        assertThat(Reasons.of(new ClosedChannelException())).isEqualTo("the file was already closed");
        assertThat(Reasons.of(new NoSuchFileException("/v/.weft/index"))).isEqualTo("/v/.weft/index"); // its message is the file
        assertThat(Reasons.of(new IOException(new ClosedChannelException())))
                .isEqualTo("java.nio.channels.ClosedChannelException"); // IOException(cause) takes the cause's toString
        assertThat(Reasons.of(new IOException((String) null, new IllegalStateException())))
                .isEqualTo("IOException: IllegalStateException");
        assertThat(Reasons.of(new NullPointerException())).isEqualTo("NullPointerException").doesNotContain("null");
    }
}
