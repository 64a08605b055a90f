package dev.weft.store;

import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's identity and runs (docs/store.md, "Identity"): what a store holds of the run a device names. */
class StoreRunTest {
    @TempDir
    Path dir;

    private static long write(Store store) {
        return upsert(store, UUID.randomUUID(), "n" + System.nanoTime(), List.of(), List.of()).document().syncTime();
    }

    @Test
    void aStoreKeepsItsIdAndBeginsARunAtEveryOpenThatEndsWhereTheNextBegan() {
        StoreRun first;
        long endOfFirst;
        try (Store store = Store.open(dir.resolve("data"))) {
            first = store.run();
            assertThat(store.run()).isEqualTo(first);
            endOfFirst = write(store);
            assertThat(store.keptThrough(Optional.of(first))).isEqualTo(endOfFirst);
            assertThat(store.keptThrough(Optional.empty())).isEqualTo(endOfFirst);
        }
        try (Store store = Store.open(dir.resolve("data"))) {
            StoreRun second = store.run();
            assertThat(second.store()).isEqualTo(first.store());
            assertThat(second.run()).isNotEqualTo(first.run());
            long later = write(store);
            assertThat(store.keptThrough(Optional.of(first))).isEqualTo(endOfFirst);
            assertThat(store.keptThrough(Optional.of(second))).isEqualTo(later);
            assertThat(store.keptThrough(Optional.of(new StoreRun(UUID.randomUUID(), second.run())))).isZero();
        }
    }

    @Test
    void aCopyPutBackHoldsWhatADeviceSawOnlyUpToTheCopy() throws Exception {
        Path data = dir.resolve("data");
        StoreRun copied;
        long atCopy;
        try (Store store = Store.open(data)) {
            copied = store.run();
            atCopy = write(store);
        }
        Path copy = Files.copy(data.resolve("weft.db"), dir.resolve("weft.db.copy"));
        StoreRun later;
        try (Store store = Store.open(data)) {
            later = store.run();
            write(store);
        }
        try (Store store = Store.open(data)) {
            write(store); // a run the copy never had either
        }
        Files.deleteIfExists(data.resolve("weft.db.redo"));
        Files.copy(copy, data.resolve("weft.db"), StandardCopyOption.REPLACE_EXISTING);
        try (Store store = Store.open(data)) {
            StoreRun restored = store.run();
            assertThat(restored.store()).isEqualTo(copied.store());
            assertThat(restored.run()).isNotIn(copied.run(), later.run());
            // a device last in the run the copy was made in: everything up to the copy is there
            assertThat(store.keptThrough(Optional.of(copied))).isEqualTo(atCopy);
            // a device last in a run after the copy: the store knows nothing of that run
            assertThat(store.keptThrough(Optional.of(later))).isZero();
            write(store);
            assertThat(store.keptThrough(Optional.of(copied))).as("new writes do not hide the loss").isEqualTo(atCopy);
        }
        try (Store store = Store.open(data)) {
            assertThat(store.keptThrough(Optional.of(copied))).as("nor a restart").isEqualTo(atCopy);
        }
    }

    @Test
    void aRenewedIdentityHoldsNothingADeviceSaw() {
        try (Store store = Store.open(dir.resolve("data"))) {
            StoreRun before = store.run();
            write(store);
            store.renewIdentity();
            StoreRun after = store.run();
            assertThat(after.store()).isNotEqualTo(before.store());
            assertThat(store.keptThrough(Optional.of(before))).isZero();
            assertThat(store.keptThrough(Optional.of(after))).isEqualTo(store.lastSyncTime());
        }
    }
}
