package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions: a failed work leaves nothing, concurrent works share commits, reads see only commits. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void aWorkThatThrowsLeavesNothingStored() {
        UUID doc = UUID.randomUUID();
        try (Store store = Store.open(dir, new ManualClock(100))) {
            upsert(store, doc, "kept", text(1, 1, "a"), List.of());
            long time = store.lastSyncTime();
            assertThatThrownBy(() -> store.write(batch -> {
                batch.upsert(doc, "renamed", text(1, 2, "b"), List.of());
                batch.upsert(UUID.randomUUID(), "other", List.of(), List.of());
                batch.createDevice("phone", new byte[] {1});
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertOnly(store, doc, time);
        }
        try (Store store = Store.open(dir, new ManualClock(100))) {
            assertOnly(store, doc, store.lastSyncTime());
        }
    }

    private static void assertOnly(Store store, UUID doc, long time) {
        assertThat(store.lastSyncTime()).isEqualTo(time);
        assertThat(store.changedSince(0, 10)).extracting(SyncEntry::documentId).containsExactly(doc);
        assertThat(store.document(doc).orElseThrow().name()).isEqualTo("kept");
        assertThat(Ops.textOf(store.changesSince(doc, 0, 9).orElseThrow())).isEqualTo("a");
        assertThat(store.devices()).isEmpty();
    }

    @Test
    void aFailingWorkDoesNotTakeTheOthersOfItsGroupWithIt() throws Exception {
        try (Store store = Store.open(dir)) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> blocker = store.submit(batch -> {
                inside.countDown();
                await(release);
                return null;
            });
            inside.await();
            List<CompletableFuture<UpsertResult>> good = new ArrayList<>();
            List<UUID> docs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UUID doc = UUID.randomUUID();
                docs.add(doc);
                good.add(store.submit(batch -> batch.upsert(doc, "n" + doc, text(1, 1, "x"), List.of())));
            }
            CompletableFuture<Object> bad = store.submit(batch -> {
                batch.upsert(UUID.randomUUID(), "bad", List.of(), List.of());
                throw new IllegalArgumentException("bad request");
            });
            release.countDown();
            blocker.join();
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalArgumentException.class);
            for (CompletableFuture<UpsertResult> f : good) {
                assertThat(f.join().changed()).isTrue();
            }
            assertThat(store.changedSince(0, 100)).extracting(SyncEntry::documentId)
                    .containsExactlyInAnyOrderElementsOf(docs);
        }
    }

    @Test
    void readsDoNotSeeAWorkBeforeItsCommit() throws Exception {
        UUID doc = UUID.randomUUID();
        try (Store store = Store.open(dir)) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<UpsertResult> pending = store.submit(batch -> {
                UpsertResult r = batch.upsert(doc, "d", text(1, 1, "x"), List.of());
                assertThat(batch.document(doc)).isPresent();
                written.countDown();
                await(release);
                return r;
            });
            written.await();
            CompletableFuture<Boolean> read = new CompletableFuture<>();
            Thread reader = new Thread(() -> read.complete(store.document(doc).isPresent()));
            reader.start();
            // progress, not time: the reader got as far as a lock and waits there (or wrongly read)
            eventually("the reader waits or is done", () -> read.isDone()
                    || reader.getState() == Thread.State.WAITING || reader.getState() == Thread.State.BLOCKED);
            assertThat(read).as("the read waits for the commit").isNotDone();
            release.countDown();
            pending.join();
            assertThat(read.join()).isTrue();
        }
    }

    @Test
    void aBatchIsGoodOnlyInsideItsWorkAndAWorkMayNotWaitForAnother() {
        try (Store store = Store.open(dir)) {
            WriteBatch leaked = store.write(batch -> batch);
            assertThatThrownBy(() -> leaked.document(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.write(batch -> store.write(inner -> null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("wait for itself");
        }
    }

    @Test
    void aClosedStoreRefusesWrites() {
        Store store = Store.open(dir);
        store.close();
        store.close();
        assertThatThrownBy(() -> upsert(store, UUID.randomUUID(), "x", List.of(), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
