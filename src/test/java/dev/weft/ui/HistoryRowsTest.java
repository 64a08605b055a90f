package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.NoteHistory.HistoryVersion;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRowsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aSessionReadsAsItsLocalDayAndTimes() {
        assertThat(HistoryRows.when(version("2026-12-03T17:10:00Z", "2026-12-03T17:12:30Z"), PARIS))
                .isEqualTo("2026-12-03 18:10–18:12");
        assertThat(HistoryRows.when(version("2026-12-03T17:10:05Z", "2026-12-03T17:10:40Z"), PARIS))
                .as("within a minute: one time").isEqualTo("2026-12-03 18:10");
        assertThat(HistoryRows.when(version("2026-12-03T22:58:00Z", "2026-12-03T23:03:00Z"), PARIS))
                .as("across midnight: both days").isEqualTo("2026-12-03 23:58–2026-12-04 00:03");
    }

    @Test
    void devicesChangesAndNewestFirst() {
        HistoryVersion one = new HistoryVersion(1, Instant.EPOCH, Instant.EPOCH, List.of("laptop", "phone"), 12, 3);
        HistoryVersion two = new HistoryVersion(2, Instant.EPOCH, Instant.EPOCH, List.of(), 0, 0);
        assertThat(HistoryRows.devices(one)).isEqualTo("laptop, phone");
        assertThat(HistoryRows.devices(two)).isEqualTo("unknown device");
        assertThat(HistoryRows.changes(one)).isEqualTo("+12 −3");
        assertThat(HistoryRows.newestFirst(List.of(one, two))).containsExactly(two, one);
    }

    private static HistoryVersion version(String from, String to) {
        return new HistoryVersion(1, Instant.parse(from), Instant.parse(to), List.of("laptop"), 1, 0);
    }
}
