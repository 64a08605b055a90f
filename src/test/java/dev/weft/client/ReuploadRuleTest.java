package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a device uploads its notes again: the pure rule, no network. */
class ReuploadRuleTest {
    static final UUID OLD = new UUID(0, 1);
    static final UUID NEW = new UUID(0, 2);
    static final UUID NEVER = new UUID(0, 3);
    static final Map<UUID, Long> TIMES = Map.of(OLD, 100L, NEW, 300L, NEVER, 0L);

    @Test
    void seenIsTheGreatestTimeHeld() {
        assertThat(ReuploadRule.seen(200, TIMES)).isEqualTo(300);
        assertThat(ReuploadRule.seen(400, TIMES)).isEqualTo(400);
        assertThat(ReuploadRule.seen(0, Map.of())).isZero();
    }

    @Test
    void aStoreThatHoldsEverythingSeenAsksNothing() {
        assertThat(ReuploadRule.plan(300, 300, TIMES)).isEmpty();
        assertThat(ReuploadRule.plan(500, 300, TIMES)).isEmpty();
    }

    @Test
    void aStoreBehindUploadsTheNotesLaterThanWhatItKept() {
        // put back from a copy made at time 200: only the note changed after it goes again
        assertThat(ReuploadRule.plan(200, 300, TIMES)).hasValue(new ReuploadRule.Plan(200, List.of(NEW)));
        // only L is ahead (a note listed but not changed since): nothing to upload, L goes back
        assertThat(ReuploadRule.plan(350, 400, TIMES)).hasValue(new ReuploadRule.Plan(350, List.of()));
    }

    @Test
    void aStoreThatHoldsNothingOfItGetsEveryNoteEverSynced() {
        // a new store, another store, or a run this store never went through: kept is 0
        assertThat(ReuploadRule.plan(0, 300, TIMES)).hasValue(new ReuploadRule.Plan(0, List.of(OLD, NEW)));
        // a device that never synced anything has nothing the store could have lost
        assertThat(ReuploadRule.plan(0, 0, Map.of(NEVER, 0L))).isEmpty();
    }
}
