package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WireStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void saysNotesDoneOfTotalBytesAndRate() {
        assertThat(ProgressLine.text(120, 2000, 1_500_000, 5_000_000_000L)).isEqualTo("syncing: 120 of 2000 notes, 1.5 MB, 300.0 kB/s");
        assertThat(ProgressLine.text(0, 3, 512, 0)).isEqualTo("syncing: 0 of 3 notes, 512 B, 0 B/s");
        assertThat(ProgressLine.text(0, 0, 5_000_000, 10_000_000_000L)).as("uploads count no notes")
                .isEqualTo("syncing: 5.0 MB, 500.0 kB/s");
    }

    @Test
    void updatesOneLineInPlaceAndClearsItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), new WireStats(), System.nanoTime());
        line.progress(1, 10);
        line.progress(10, 10);
        line.end();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\n").startsWith("\rsyncing: 1 of 10 notes, 0 B, 0 B/s")
                .contains("\rsyncing: 10 of 10 notes").endsWith("\r");
    }
}
