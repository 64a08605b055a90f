package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.SmallDisk;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the store (a real small tmpfs): writes fail with {@link DiskFullException},
 * reads go on, nothing acknowledged is lost, writes succeed again once space is freed without a
 * restart, and a store opens on a full disk.
 */
class DiskFullTest {
    /** Atoms per note: a few pages of the file per write, so the disk fills within a few hundred writes. */
    private static final String NOTE = "x".repeat(400);

    @TempDir
    Path tmp;
    SmallDisk disk;
    Path data;
    final Map<UUID, String> acknowledged = new LinkedHashMap<>();

    @BeforeEach
    void mount() throws Exception {
        disk = SmallDisk.mount(tmp, 8);
        data = disk.dir().resolve("data");
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    @Test
    void aFullDiskRefusesWritesServesReadsAndRecoversWhenSpaceIsBack() throws Exception {
        List<Boolean> health = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(data)) {
            store.onHealth(health::add);
            upsertUntilFull(store);
            assertThat(health).containsExactly(true);
            assertEverythingAcknowledged(store);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> upsert(store, UUID.randomUUID(), "more", text(1, 1, NOTE), List.of()))
                        .isInstanceOf(DiskFullException.class).hasMessage("the server's disk is full");
            }
            assertEverythingAcknowledged(store);

            disk.free();
            UUID after = UUID.randomUUID();
            upsert(store, after, "after", text(1, 1, NOTE), List.of());
            acknowledged.put(after, NOTE);
            assertThat(health).containsExactly(true, false);
            assertEverythingAcknowledged(store);
        }
        try (Store store = Store.open(data)) {
            assertEverythingAcknowledged(store);
        }
    }

    @Test
    void aStoreOpensOnAFullDiskServesReadsAndWritesOnceSpaceIsBack() throws Exception {
        try (Store store = Store.open(data)) {
            upsertUntilFull(store);
        }
        try (Store store = Store.open(data)) {
            assertEverythingAcknowledged(store);
            assertThatThrownBy(() -> upsert(store, UUID.randomUUID(), "more", text(1, 1, NOTE), List.of()))
                    .isInstanceOf(DiskFullException.class);
            assertEverythingAcknowledged(store);
            disk.free();
            UUID after = UUID.randomUUID();
            upsert(store, after, "after", text(1, 1, NOTE), List.of());
            acknowledged.put(after, NOTE);
            assertEverythingAcknowledged(store);
        }
        try (Store store = Store.open(data)) {
            assertEverythingAcknowledged(store);
        }
    }

    /**
     * Leaves 256 KiB free, then writes notes until a write fails: it must fail for lack of space.
     * Then fills the disk: the file grows only by the pages written, and a failed commit gives back
     * what its redo log took, so the next small write may fit.
     */
    private void upsertUntilFull(Store store) throws Exception {
        disk.fill();
        disk.leave(256 * 1024);
        for (int i = 0; i < 10_000; i++) {
            UUID doc = UUID.randomUUID();
            try {
                upsert(store, doc, "note " + acknowledged.size() + " " + i, text(1, 1, NOTE), List.of());
            } catch (DiskFullException e) {
                assertThat(e).hasMessage("the server's disk is full");
                assertThat(acknowledged).isNotEmpty();
                disk.fill();
                return;
            }
            acknowledged.put(doc, NOTE);
        }
        throw new AssertionError("the disk never filled up");
    }

    private void assertEverythingAcknowledged(Store store) {
        assertThat(store.changedSince(0, 100_000)).extracting(SyncEntry::documentId)
                .containsAll(acknowledged.keySet());
        acknowledged.forEach((doc, text) ->
                assertThat(Ops.textOf(store.changesSince(doc, 0, 9).orElseThrow())).isEqualTo(text));
    }
}
