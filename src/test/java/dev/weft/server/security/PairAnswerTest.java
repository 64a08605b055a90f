package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PairAnswerTest {
    private static final String SERVER_ID = "3f1c2a9e-5b7d-4e21-9a0c-6d8e2f4b1a37";

    @Test
    void writesTheThreeLinesAsUtf8Text() {
        String token = new Secrets(new SecureRandom()).deviceToken();
        PairAnswer answer = new PairAnswer(token, 7, SERVER_ID);

        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("token=" + token + "\nsite=7\nserver_id=" + SERVER_ID + "\n");
        assertThat(PairAnswer.CONTENT_TYPE).isEqualTo("text/plain; charset=utf-8");
    }

    /** Golden body (docs/protocol.md §7, ext): the given name is the last line, after the seed's three. */
    @Test
    void carriesTheGivenNameOnALastLine() {
        PairAnswer answer = new PairAnswer("abc_-9", 2, SERVER_ID, "vm (2)");

        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("token=abc_-9\nsite=2\nserver_id=" + SERVER_ID + "\ndevice_name=vm (2)\n");
        assertThat(java.util.HexFormat.of().formatHex(answer.body()).endsWith("0a6465766963655f6e616d653d766d202832290a")).isTrue();
    }

    @Test
    void refusesValuesThatWouldBreakTheLines() {
        assertThatThrownBy(() -> new PairAnswer("abc", 1, SERVER_ID, "vm\nsite=9")).hasMessageContaining("device name");
        assertThatThrownBy(() -> new PairAnswer("abc\nsite=1", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("abc+/=", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("abc", 0, SERVER_ID)).hasMessageContaining("site 0");
        assertThatThrownBy(() -> new PairAnswer("abc", 255, SERVER_ID)).hasMessageContaining("site 255");
        assertThatThrownBy(() -> new PairAnswer("abc", 1, "a b")).hasMessageContaining("server id");
        assertThatThrownBy(() -> new PairAnswer("abc", 1, "a\n")).hasMessageContaining("server id");
    }
}
