package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trash of docs/protocol.md §9 in the store: who trashed, an edit that wins, purge for real. */
class TrashStoreTest {
    private static final String SECRET = "correct-horse-battery-staple-";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir, new ManualClock(1_000_000));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTrashKeepsItsDeviceBatchAndTime() {
        UUID doc = UUID.randomUUID();
        upsert(store, doc, "Work/a", text(1, 1, "hello"), List.of());
        DocumentState trashed = store.write(b -> b.trash(doc, 2, store.document(doc).orElseThrow().syncTime(), 77))
                .orElseThrow();
        assertThat(trashed.trashed()).isTrue();
        assertThat(store.trashRecord(doc)).contains(new TrashRecord(trashed.syncTime(), 2, 77, 0, 0));
    }

    @Test
    void anEditByAnotherDeviceAfterWhatTheTrasherKnewWinsOverTheTrash() {
        UUID doc = UUID.randomUUID();
        long known = created(doc, 1);
        editBy(doc, 1, 100, "x", known); // site 1 edits after site 2 last saw the note
        editBy(doc, 2, 200, "y", known); // site 2's own edit, made before it trashed: not a reason
        DocumentState after = store.write(b -> b.trash(doc, 2, known, 5)).orElseThrow();
        assertThat(after.trashed()).isFalse();
        TrashRecord record = store.trashRecord(doc).orElseThrow();
        assertThat(record.by()).isEqualTo(2);
        assertThat(record.editedBy()).isEqualTo(1);
        assertThat(record.undoneAt()).isEqualTo(after.syncTime());
        assertThat(store.changedSince(known, 10)).extracting(SyncEntry::syncTime).contains(after.syncTime());
    }

    @Test
    void onlyTheTrashersOwnLaterEditsLeaveTheTrashStanding() {
        UUID doc = UUID.randomUUID();
        long known = created(doc, 1);
        editBy(doc, 2, 200, "y", known);
        assertThat(store.write(b -> b.trash(doc, 2, known, 5)).orElseThrow().trashed()).isTrue();
    }

    @Test
    void anEditFromADeviceThatHadNotSeenTheTrashTakesTheNoteOut() {
        UUID doc = UUID.randomUUID();
        long known = created(doc, 1);
        long trashedAt = store.write(b -> b.trash(doc, 2, known, 5)).orElseThrow().syncTime();
        DocumentState now = editBy(doc, 1, 100, "edit", known);
        assertThat(now.trashed()).isFalse();
        assertThat(store.trashRecord(doc).orElseThrow()).extracting(TrashRecord::at, TrashRecord::editedBy)
                .containsExactly(trashedAt, 1);
        // one that had seen it, or the trasher itself, leaves it in the trash
        long seen = store.write(b -> b.trash(doc, 2, -1L, 6)).orElseThrow().syncTime();
        assertThat(editBy(doc, 1, 300, "late", seen).trashed()).isTrue();
        assertThat(editBy(doc, 2, 400, "own", 0).trashed()).isTrue();
    }

    @Test
    void purgeIsRefusedOutOfTheTrashAndRemovesTextHistoryAndName() throws IOException {
        UUID doc = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        upsert(store, doc, "Passwords " + SECRET, text(1, 1, SECRET.repeat(40)), List.of());
        upsert(store, other, "kept", text(1, 1, "kept text"), List.of());
        assertThatThrownBy(() -> store.write(b -> b.purge(doc))).isInstanceOf(RefusedException.class);
        store.write(b -> b.trash(doc));
        store.close();
        store = Store.open(dir, new ManualClock(1_500_000));
        assertThat(filesHolding(SECRET)).as("control: the name is in the file").isNotEmpty();
        assertThat(filesHolding(stored(SECRET))).as("control: the text is in the file").isNotEmpty();
        long purgedAt = store.write(b -> b.purge(doc)).orElseThrow().syncTime();
        assertThat(store.document(doc)).isEmpty();
        assertThat(store.changesSince(doc, 0, 1)).isEmpty();
        assertThat(store.purgedAt(doc)).contains(purgedAt);
        assertThat(store.changedSince(purgedAt - 1, 10)).extracting(SyncEntry::documentId).containsExactly(doc);
        assertThatThrownBy(() -> upsert(store, doc, "again", text(1, 900, "z"), List.of()))
                .isInstanceOf(PurgedException.class);
        assertThat(Ops.textOf(store.changesSince(other, 0, 1).orElseThrow())).isEqualTo("kept text");
        store.close();
        StoreCompaction.compact(dir);
        store = Store.open(dir, new ManualClock(2_000_000));
        assertThat(store.purgedAt(doc)).contains(purgedAt);
        assertThat(Ops.textOf(store.changesSince(other, 0, 1).orElseThrow())).isEqualTo("kept text");
        assertThat(filesHolding(SECRET)).as("files of the data dir holding the name").isEmpty();
        assertThat(filesHolding(stored(SECRET))).as("files of the data dir holding the text").isEmpty();
    }

    @Test
    void theTrashDaysRuleIsAPureFunctionOfTime() {
        long day = 86_400_000_000L;
        assertThat(TrashRules.purgeDue(10 * day, 39 * day, 30)).isFalse();
        assertThat(TrashRules.purgeDue(10 * day, 40 * day, 30)).isTrue();
        assertThat(TrashRules.purgeDue(10 * day, 400 * day, 0)).as("0 keeps forever").isFalse();
    }

    private long created(UUID doc, int site) {
        return upsert(store, doc, "n", text(site, 1, "base"), List.of()).document().syncTime();
    }

    private DocumentState editBy(UUID doc, int site, long ident, String typed, long deviceTime) {
        return store.write(b -> {
            b.upsert(doc, null, text(site, ident, typed), List.of());
            return b.edited(doc, site, deviceTime).orElseThrow();
        });
    }

    /** ASCII text as a run stores it: each code point + 1, one byte each (docs/store.md). */
    private static byte[] stored(String ascii) {
        byte[] out = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < out.length; i++) {
            out[i]++;
        }
        return out;
    }

    private List<Path> filesHolding(String secret) throws IOException {
        return filesHolding(secret.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> filesHolding(byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] hay = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
