package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.store.HistoryEntry.Kind;
import dev.weft.store.HistoryEntry.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History entries: their layout, the one before it, and how changes fold into one (docs/store.md, "History"). */
class HistoryEntryTest {
    private static PidRange pids(int site, long first, long stride, int count) {
        return new PidRange(Pid.single(site, first), stride, count);
    }

    private static Range inserted(PidRange pids, long time) {
        return new Range(pids, Kind.INSERTED, time);
    }

    @Test
    void keystrokesAtOnePlaceGrowOneInsertRangeAndDeletesKeepTheirTimes() {
        List<Range> entry = List.of(inserted(pids(1, 10, 1, 1), 100));
        for (long ident = 11; ident < 20; ident++) {
            entry = HistoryEntry.merge(entry, List.of(inserted(pids(1, ident, 1, 1), 100 + ident))).orElseThrow();
        }
        assertThat(entry).containsExactly(inserted(pids(1, 10, 1, 10), 119));
        Range backspace = new Range(pids(1, 19, 1, 1), Kind.DELETED, 120);
        Range again = inserted(pids(1, 20, 1, 1), 121);
        assertThat(HistoryEntry.merge(entry, List.of(backspace)).flatMap(e -> HistoryEntry.merge(e, List.of(again))).orElseThrow())
                .as("a delete is a range of its own, and ends the insert range it follows")
                .containsExactly(inserted(pids(1, 10, 1, 10), 119), backspace, again);
        assertThat(HistoryEntry.merge(List.of(inserted(pids(1, 10, 16, 3), 5)), List.of(inserted(pids(1, 58, 16, 2), 6))).orElseThrow())
                .as("a run at a stride, continued at it").containsExactly(inserted(pids(1, 10, 16, 5), 6));
        assertThat(HistoryEntry.merge(entry, List.of(inserted(pids(2, 1, 1, 1), 130))).orElseThrow())
                .as("another site's").hasSize(2);
        assertThat(HistoryEntry.joined(pids(1, 10, 1, 2), new PidRange(Pid.of(Pid.key(1, 11), Pid.key(1, 12)), 1, 1)))
                .as("a deeper pid").isNull();
        assertThat(HistoryEntry.joined(pids(1, 10, 2, 2), pids(1, 13, 1, 1))).as("off the stride").isNull();
    }

    @Test
    void anEntryStaysSmallAndOneWrittenBeforeKindsTakesNoMore() {
        assertThat(HistoryEntry.merge(List.of(inserted(pids(1, 1, 1, HistoryEntry.MAX_ATOMS), 1)),
                List.of(inserted(pids(1, 1 + HistoryEntry.MAX_ATOMS, 1, 1), 2)))).isEmpty();
        assertThat(HistoryEntry.merge(List.of(new Range(pids(1, 1, 1, 1), Kind.CHANGED, 1)),
                List.of(inserted(pids(1, 2, 1, 1), 2)))).isEmpty();
    }

    @Test
    void entriesReadBackAndSoDoThoseWrittenBefore() {
        List<Range> ranges = List.of(inserted(pids(1, 10, 3, 300), 90),
                new Range(new PidRange(Pid.of(Pid.key(2, 70_000), Pid.key(4, 1)), 1, 1), Kind.DELETED, 95),
                new Range(pids(255, 0xFFFF_FFF0L, 1, 16), Kind.DELETED, 100));
        byte[] value = HistoryEntry.pack(ranges, 100);
        assertThat(HistoryEntry.unpack(value, 100)).isEqualTo(ranges);
        byte[] old = Keys.packRanges(List.of(pids(1, 10, 3, 300), pids(2, 5, 1, 1)));
        assertThat(HistoryEntry.unpack(old, 77)).containsExactly(new Range(pids(1, 10, 3, 300), Kind.CHANGED, 77),
                new Range(pids(2, 5, 1, 1), Kind.CHANGED, 77));
    }
}
