package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a data dir: the lock, a damaged file, and files a killed process left behind. */
class StoreFilesTest {
    @TempDir
    Path dir;

    private Path main() {
        return dir.resolve("weft.db");
    }

    private void makeStoreWithOneDocument() {
        try (Store store = Store.open(dir)) {
            upsert(store, UUID.randomUUID(), "n", text(1, 1, "hello"), List.of());
        }
    }

    @Test
    void aSecondOpenerOfTheSameDirFailsClearlyAndTheFirstWorksOn() {
        try (Store store = Store.open(dir)) {
            assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class)
                    .hasMessage("data dir " + dir + " is in use by another Weft server");
            upsert(store, UUID.randomUUID(), "still works", List.of(), List.of());
        }
        Store.open(dir).close();
    }

    @Test
    void aMissingDirIsCreated() {
        Path nested = dir.resolve("a/b");
        Store.open(nested).close();
        assertThat(nested.resolve("weft.db")).exists();
        assertThat(nested.resolve("weft.db.new")).doesNotExist();
    }

    @Test
    void aTruncatedFileIsReportedAndLeftAsItIs() throws IOException {
        makeStoreWithOneDocument();
        try (RandomAccessFile f = new RandomAccessFile(main().toFile(), "rw")) {
            f.setLength(4096);
        }
        assertDamagedAndUntouched();
    }

    @Test
    void aFileOfGarbageIsReportedAndLeftAsItIs() throws IOException {
        byte[] garbage = new byte[100_000];
        new java.util.Random(1).nextBytes(garbage);
        Files.write(main(), garbage);
        assertDamagedAndUntouched();
    }

    @Test
    void anEmptyFileIsReportedAndLeftAsItIs() throws IOException {
        Files.createFile(main());
        assertDamagedAndUntouched();
    }

    @Test
    void aFileWithItsRootsOverwrittenIsReported() throws IOException {
        makeStoreWithOneDocument();
        byte[] bytes = Files.readAllBytes(main());
        for (int i = 64; i < 16_384; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(main(), bytes);
        assertDamagedAndUntouched();
    }

    private void assertDamagedAndUntouched() throws IOException {
        byte[] before = Files.readAllBytes(main());
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining(main().toString());
        assertThatThrownBy(() -> Store.open(dir)).as("the lock and the file were released")
                .isInstanceOf(StoreException.class).hasMessageNotContaining("in use");
        assertThat(Files.readAllBytes(main())).isEqualTo(before);
    }

    @Test
    void leftoversOfAKilledCreationAreCleanedUp() throws IOException {
        Files.write(dir.resolve("weft.db.new"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("weft.db.new.redo"), new byte[] {1});
        Files.write(dir.resolve("weft.db.new.wal.0"), new byte[] {1});
        Files.write(dir.resolve("weft.db.wal.3"), new byte[] {1});
        Store.open(dir).close();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("weft.db", "weft.db.redo", "weft.lock");
        }
    }

    @Test
    void aRedoLogWithoutItsFileIsNotTakenForANewStore() throws IOException {
        Files.write(dir.resolve("weft.db.redo"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("weft.db is missing");
        assertThat(main()).doesNotExist();
    }

    @Test
    void anotherMapDbFileIsNotTakenForAWeftStore() {
        org.mapdb.DB other = org.mapdb.DBMaker.fileDB(main().toFile()).transactionEnable().make();
        other.atomicLong("x").createOrOpen().set(1);
        other.commit();
        other.close();
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Weft store");
    }
}
