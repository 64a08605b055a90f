package dev.weft.store;

import static dev.weft.store.Ops.atom;
import static dev.weft.store.Ops.pid;
import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction the server runs at start ({@link StoreCompaction#compactIfWasteful}): a store whose
 * file is mostly free space (a note typed a keystroke at a time) shrinks and keeps every document, its
 * text, history, the sync index and the sync clock; a store with little free space is left as it is.
 */
class StoreCompactionTest {
    @TempDir
    Path dir;

    @Test
    void aStoreMostlyFreeSpaceShrinksAtStartAndKeepsEverything() throws IOException {
        List<UUID> docs = fill(dir, 12_000);
        String before = contents(dir, docs);
        long lastTime = lastSyncTime(dir);
        long size = Files.size(dir.resolve(StoreFiles.MAIN));

        long[] sizes = StoreCompaction.compactIfWasteful(dir).orElseThrow(() -> new AssertionError(
                "not compacted: " + size + " B"));

        assertThat(sizes[0]).isEqualTo(size);
        assertThat(sizes[1]).as("file after, of %d before", size).isLessThan(size / 2);
        assertThat(Files.size(dir.resolve(StoreFiles.MAIN))).isEqualTo(sizes[1]);
        assertThat(contents(dir, docs)).isEqualTo(before);
        try (Store store = Store.open(dir)) {
            assertThat(store.lastSyncTime()).isEqualTo(lastTime);
            long next = upsert(store, docs.get(0), null, text(1, 900_000, "!"), List.of()).document().syncTime();
            assertThat(next).as("sync times go on after the compaction").isGreaterThan(lastTime);
        }
        assertThat(StoreCompaction.compactIfWasteful(dir)).as("a fresh copy is not compacted again").isEmpty();
        assertThat(dir.resolve("weft.db.compacting")).doesNotExist();
    }

    @Test
    void aStoreWithLittleFreeSpaceIsLeftAsItIs() throws IOException {
        try (Store store = Store.open(dir)) { // pasted notes: big enough to be looked at, mostly records
            for (int i = 0; i < 14; i++) {
                upsert(store, new UUID(8, i), "pasted " + i, text(2, 1, ("Pasted " + i + ". ").repeat(12_500)), List.of());
            }
        }
        byte[] file = Files.readAllBytes(dir.resolve(StoreFiles.MAIN));
        assertThat((long) file.length).as("control: a file worth opening").isGreaterThan(3L << 20);

        assertThat(StoreCompaction.compactIfWasteful(dir)).isEmpty();

        assertThat(Files.readAllBytes(dir.resolve(StoreFiles.MAIN))).isEqualTo(file);
        assertThat(StoreCompaction.compactIfWasteful(dir.resolve("none"))).as("no store yet").isEmpty();
    }

    /**
     * A store of three pasted notes and one typed keystroke by keystroke ({@code keystrokes} upserts of
     * one character, every third one deleting the one before), as the server commits them one by one.
     */
    static List<UUID> fill(Path dir, int keystrokes) {
        List<UUID> docs = new ArrayList<>();
        try (Store store = Store.open(dir)) {
            for (int i = 0; i < 3; i++) {
                UUID doc = new UUID(7, i);
                upsert(store, doc, "pasted " + i, text(2, 1, ("Pasted note " + i + ". ").repeat(200)), List.of());
                docs.add(doc);
            }
            UUID typed = new UUID(7, 99);
            docs.add(typed);
            upsert(store, typed, "typed", List.of(atom(3, 1, 'a')), List.of());
            List<CompletableFuture<UpsertResult>> pending = new ArrayList<>();
            for (int k = 2; k <= keystrokes; k++) { // submitted, as the server's connections do: group commits
                List<Pid> deletes = k % 3 == 0 ? List.of(pid(3, k - 1)) : List.of();
                List<Atom> typedNow = List.of(atom(3, k, (char) ('a' + k % 26)));
                pending.add(store.submit(batch -> batch.upsert(typed, null, typedNow, deletes)));
                if (pending.size() == 100) {
                    pending.forEach(CompletableFuture::join);
                    pending.clear();
                }
            }
            pending.forEach(CompletableFuture::join);
        }
        return docs;
    }

    /** Everything a device can read of {@code docs}, the sync index and the store's run, as text. */
    static String contents(Path dir, List<UUID> docs) {
        try (Store store = Store.open(dir)) {
            StringBuilder out = new StringBuilder();
            for (UUID doc : docs) {
                out.append(store.document(doc)).append('\n');
                out.append(store.changesSince(doc, 0, 99)).append('\n');
                out.append(store.changesSince(doc, store.document(doc).orElseThrow().syncTime() - 1, 99)).append('\n');
            }
            out.append(store.changedSince(0, 1_000_000)).append('\n');
            // the run is new at every open (docs/store.md, "Identity"); the store's id and what it keeps are not
            out.append(store.run().store()).append(' ').append(store.lastSyncTime()).append(' ')
                    .append(store.keptThrough(Optional.empty())).append('\n');
            out.append(store.devices()).append('\n');
            return out.toString();
        }
    }

    static long lastSyncTime(Path dir) {
        try (Store store = Store.open(dir)) {
            return store.lastSyncTime();
        }
    }
}
