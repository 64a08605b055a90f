package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncClockTest {
    @TempDir
    Path dir;

    @Test
    void syncTimesAreTheClockInMicrosecondsWhileItMovesForward() {
        ManualClock clock = new ManualClock(1_700_000_000_000_000L);
        try (Store store = Store.open(dir, clock)) {
            assertThat(upsert(store, UUID.randomUUID(), "a", List.of(), List.of()).document().syncTime())
                    .isEqualTo(1_700_000_000_000_000L);
            clock.advance(250);
            assertThat(upsert(store, UUID.randomUUID(), "b", List.of(), List.of()).document().syncTime())
                    .isEqualTo(1_700_000_000_000_250L);
        }
    }

    @Test
    void aStoppedClockStillGivesStrictlyIncreasingTimes() {
        try (Store store = Store.open(dir, new ManualClock(42))) {
            long a = upsert(store, UUID.randomUUID(), "a", List.of(), List.of()).document().syncTime();
            long b = upsert(store, UUID.randomUUID(), "b", List.of(), List.of()).document().syncTime();
            assertThat(b).isEqualTo(a + 1);
        }
    }

    @Test
    void aClockSetBackAcrossARestartNeverMakesTimeGoBackwards() {
        UUID doc = UUID.randomUUID();
        ManualClock clock = new ManualClock(2_000_000_000L);
        long before;
        try (Store store = Store.open(dir, clock)) {
            before = upsert(store, doc, "a", text(1, 1, "x"), List.of()).document().syncTime();
        }
        clock.set(1_000L);
        try (Store store = Store.open(dir, clock)) {
            assertThat(store.lastSyncTime()).isEqualTo(before);
            long after = upsert(store, doc, null, text(1, 2, "y"), List.of()).document().syncTime();
            assertThat(after).isEqualTo(before + 1);
            assertThat(store.changedSince(before, 10)).containsExactly(new SyncEntry(after, doc));
            assertThat(store.changesSince(doc, before, 2).orElseThrow().inserts()).hasSize(1);
        }
    }

    @Test
    void aWriteThatChangesNothingTakesNoTime() {
        UUID doc = UUID.randomUUID();
        try (Store store = Store.open(dir, new ManualClock(10))) {
            long t = upsert(store, doc, "a", text(1, 1, "x"), List.of()).document().syncTime();
            upsert(store, doc, "a", text(1, 1, "x"), List.of());
            assertThat(store.lastSyncTime()).isEqualTo(t);
        }
    }
}
