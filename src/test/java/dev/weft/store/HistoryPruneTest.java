package dev.weft.store;

import static dev.weft.store.Ops.atom;
import static dev.weft.store.Ops.pid;
import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --history-days} removes the op history of old changes (docs/store.md, "Deleted text"):
 * every pull answers as it did before, from the runs when it asks from before the prune.
 */
class HistoryPruneTest {
    private static final long DAY = 86_400L * 1_000_000;
    @TempDir
    Path dir;
    final UUID doc = UUID.randomUUID();

    @Test
    void oldEntriesGoAndEveryPullAnswersAsBefore() {
        ManualClock clock = new ManualClock(5_000_000);
        long[] times = new long[4];
        Map<String, Object> before = new HashMap<>();
        try (Store store = Store.open(dir, clock)) {
            times[0] = apply(store, text(1, 1, "q"), List.of());
            clock.advance(DAY);
            times[1] = apply(store, text(1, 100, "a".repeat(1_100)), List.of()); // too big to fold: an entry of its own
            clock.advance(10 * DAY);
            times[2] = apply(store, List.of(atom(2, 1, 'z')), List.of(pid(1, 1), pid(1, 100)));
            times[3] = apply(store, List.of(atom(2, 2, 'y')), List.of(pid(1, 101)));
            pulls(store, times, before);
        }
        assertThat(entries()).as("q, the a's, then z and y folded").isEqualTo(3);
        try (Store store = Store.open(dir, clock)) {
            assertThat((int) store.write(batch -> batch.pruneHistoryBefore(doc, times[2]))).isEqualTo(2);
            assertThat((int) store.write(batch -> batch.pruneHistoryBefore(doc, times[2]))).as("once").isZero();
            Map<String, Object> after = new HashMap<>();
            pulls(store, times, after);
            assertThat(after).isEqualTo(before);
            long later = apply(store, List.of(atom(2, 3, 'x')), List.of());
            assertThat(store.changesSince(doc, times[3], 1).orElseThrow().inserts()).containsExactly(atom(2, 3, 'x'));
            assertThat(store.changesSince(doc, times[1], 1).orElseThrow().inserts()).containsExactly(
                    atom(2, 1, 'z'), atom(2, 2, 'y'), atom(2, 3, 'x'));
            assertThat(store.changesSince(doc, later, 1).orElseThrow().inserts()).isEmpty();
        }
        assertThat(entries()).as("one entry and the prune mark").isEqualTo(2);
    }

    private long apply(Store store, List<Atom> inserts, List<Pid> deletes) {
        return upsert(store, doc, "doc", inserts, deletes).document().syncTime();
    }

    /** Every pull of interest, atoms and runs, from each time and the times between them, for two sites. */
    private void pulls(Store store, long[] times, Map<String, Object> into) {
        for (long t : times) {
            for (long since : new long[] {t - 1, t, t + 1}) {
                for (int site : new int[] {1, 2}) {
                    String key = since + "/" + site;
                    into.put("changes " + key, store.changesSince(doc, since, site).orElseThrow());
                    RunsWindow w = store.changesWindowRuns(doc, since, site, null, 1 << 20, false).orElseThrow();
                    into.put("runs " + key, List.of(w.inserts(), w.deletes()));
                }
            }
        }
    }

    private long entries() {
        try (StoreFiles files = StoreFiles.open(dir)) {
            return files.tables.history.subMap(Keys.document(doc), Keys.afterPrefix(Keys.document(doc))).size();
        }
    }
}
