package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReferenceReplayTest {
    @Test
    void positionsCountCodePointsNotCharsAfterAnEmoji() {
        ReferenceReplay replay = new ReferenceReplay("a\uD83D\uDE00b");
        replay.apply(2, 1, "c");
        assertThat(replay.text()).isEqualTo("a\uD83D\uDE00c");
        replay.apply(1, 1, "");
        assertThat(replay.text()).isEqualTo("ac");
    }

    @Test
    void anEmojiInsertedLaterSwitchesToCodePointOffsets() {
        ReferenceReplay replay = new ReferenceReplay("ab");
        replay.apply(1, 0, "\uD83D\uDE00");
        replay.apply(2, 1, "é");
        assertThat(replay.text()).isEqualTo("a\uD83D\uDE00é");
    }

    @Test
    void aPatchBeyondTheEndFails() {
        ReferenceReplay replay = new ReferenceReplay("ab");
        assertThatThrownBy(() -> replay.apply(2, 1, "")).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
