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

    @Test
    void refusesValuesThatWouldBreakTheLines() {
        assertThatThrownBy(() -> new PairAnswer("abc\nsite=1", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("abc+/=", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("", 7, SERVER_ID)).hasMessageContaining("token");
        assertThatThrownBy(() -> new PairAnswer("abc", 0, SERVER_ID)).hasMessageContaining("site 0");
        assertThatThrownBy(() -> new PairAnswer("abc", 255, SERVER_ID)).hasMessageContaining("site 255");
        assertThatThrownBy(() -> new PairAnswer("abc", 1, "a b")).hasMessageContaining("server id");
        assertThatThrownBy(() -> new PairAnswer("abc", 1, "a\n")).hasMessageContaining("server id");
    }
}
