package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.TrashInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.text.MarkdownFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trash in bulk through a real server and real devices (docs/protocol.md §9): an edit wins over
 * a trash in either order, a batch is restored as one, a purge reaches a device that was offline.
 * Devices sync one at a time with {@code syncOnce}: between two syncs each is offline.
 */
class TrashSyncTest extends LiveServerTest {
    final class Device {
        final String name;
        final List<String> notices = Collections.synchronizedList(new ArrayList<>());
        Vault vault;
        SyncClient client;

        Device(String name) throws Exception {
            this.name = name;
            open();
            client.pair(server.pairingLink(), name);
        }

        void open() throws Exception {
            vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
            client = new SyncClient(vault, SyncOptions.defaults());
            client.addListener(new SyncListener() {
                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
        }

        void close() throws Exception {
            client.close();
            vault.close();
        }

        void sync() throws Exception {
            client.syncOnce(PATIENCE);
            vault.flush();
        }

        Path file(String note) {
            return dir.resolve(name).resolve(note + ".md");
        }

        NoteInfo note(UUID id) {
            return vault.note(id).orElseThrow();
        }

        /** Files under {@code .weft/} named after {@code id}. */
        List<Path> weftFiles(UUID id) throws Exception {
            try (Stream<Path> files = Files.walk(dir.resolve(name).resolve(".weft"))) {
                return files.filter(f -> f.getFileName().toString().startsWith(id.toString())).toList();
            }
        }
    }

    Device device(String name) throws Exception {
        Device d = new Device(name);
        open.add(d::close);
        return d;
    }

    void syncAll(Device... devices) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (Device d : devices) {
                d.sync();
            }
        }
    }

    @Test
    void anEditWinsOverATrashWhenTheTrashArrivesFirst() throws Exception {
        Device laptop = device("laptop");
        Device phone = device("phone");
        UUID id = laptop.vault.create("plans", "keep me").id();
        syncAll(laptop, phone);
        phone.vault.trash(id); // both offline: the phone trashes, the laptop edits
        laptop.vault.replica(id).insertUtf16(7, ", edited");
        phone.sync();
        assertThat(phone.note(id).trashed()).isTrue();
        laptop.sync();
        syncAll(phone, laptop);
        restoredEverywhereWithTheEdit(id, laptop, phone);
    }

    @Test
    void anEditWinsOverATrashWhenTheEditArrivesFirst() throws Exception {
        Device laptop = device("laptop");
        Device phone = device("phone");
        Device desk = device("desk");
        UUID id = laptop.vault.create("plans", "keep me").id();
        syncAll(laptop, phone, desk);
        phone.vault.trash(id);
        laptop.vault.replica(id).insertUtf16(7, ", edited");
        laptop.sync();
        phone.sync(); // its trash meets an edit it had not seen: refused, and the note comes back here
        syncAll(laptop, phone, desk);
        restoredEverywhereWithTheEdit(id, laptop, phone, desk);
    }

    private void restoredEverywhereWithTheEdit(UUID id, Device... devices) throws Exception {
        for (Device d : devices) {
            assertThat(d.note(id).trashed()).as(d.name).isFalse();
            assertThat(MarkdownFiles.read(d.file("plans"))).as(d.name).isEqualTo("keep me, edited");
        }
        for (Device d : List.of(devices[0], devices[1])) {
            assertThat(d.notices).as(d.name + "'s status line")
                    .contains("restored “plans”: edited on laptop after phone trashed it");
        }
    }

    @Test
    void aBatchTrashedTogetherIsListedAndRestoredTogether() throws Exception {
        Device a = device("a");
        Device b = device("b");
        List<UUID> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(a.vault.create("old/note " + i, "text " + i).id());
        }
        UUID alone = a.vault.create("alone", "x").id();
        syncAll(a, b);
        a.vault.trash(batch, TrashBatches.next());
        a.vault.trash(alone);
        syncAll(a, b);
        Map<UUID, TrashInfo> seen = b.vault.trashInfo();
        long id = seen.get(batch.get(0)).batch();
        assertThat(id).isNotZero();
        assertThat(batch).allSatisfy(n -> {
            assertThat(b.note(n).trashed()).isTrue();
            assertThat(seen.get(n).batch()).isEqualTo(id);
            assertThat(seen.get(n).device()).isEqualTo("a");
            assertThat(seen.get(n).at()).isPositive();
        });
        assertThat(seen.get(alone).batch()).isNotEqualTo(id);
        List<UUID> sameBatch = seen.entrySet().stream().filter(e -> e.getValue().batch() == id)
                .map(Map.Entry::getKey).toList();
        b.vault.restore(sameBatch); // one action
        syncAll(b, a);
        for (UUID n : batch) {
            assertThat(a.note(n).trashed()).isFalse();
        }
        assertThat(MarkdownFiles.read(a.file("old/note 29"))).isEqualTo("text 29");
        assertThat(a.note(alone).trashed()).isTrue();
    }

    @Test
    void aBatchOfManyNotesReachesTheOtherDeviceWholeBothWaysAndSurvivesAReopen() throws Exception {
        Device a = device("a");
        Device b = device("b");
        List<UUID> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // several pull windows (GlobalProcedure.PULL_WINDOW) of held answers
            batch.add(a.vault.create("bulk/note " + i, "text " + i).id());
        }
        syncAll(a, b);
        a.vault.trash(batch, TrashBatches.next());
        a.sync();
        b.sync();
        b.close();
        b.open(); // what b recorded of the trash is on disk: the index has every flag, the trash book its batch
        Map<UUID, TrashInfo> seen = b.vault.trashInfo();
        assertThat(batch).allSatisfy(n -> {
            assertThat(b.note(n).trashed()).isTrue();
            assertThat(seen.get(n).device()).isEqualTo("a");
        });
        assertThat(Files.exists(b.file("bulk/note 7"))).isFalse();
        b.vault.restore(batch);
        b.sync();
        a.sync();
        assertThat(batch).allSatisfy(n -> assertThat(a.note(n).trashed()).isFalse());
        assertThat(MarkdownFiles.read(a.file("bulk/note 119"))).isEqualTo("text 119");
        a.close();
        a.open();
        assertThat(batch).allSatisfy(n -> assertThat(a.note(n).trashed()).isFalse());
    }

    @Test
    void aPurgeReachesADeviceThatWasOfflineAndRemovesItsCopy() throws Exception {
        Device a = device("a");
        Device b = device("b");
        Device offline = device("offline");
        UUID id = a.vault.create("password", "hunter2").id();
        UUID kept = a.vault.create("kept", "still here").id();
        syncAll(a, b, offline);
        offline.close();
        a.vault.trash(id);
        a.sync();
        assertThat(a.vault.askPurge(List.of(id, kept))).as("only notes in the trash").isEqualTo(1);
        a.sync();
        assertThat(a.vault.note(id)).isEmpty();
        assertThat(a.weftFiles(id)).isEmpty();
        Device fresh = device("fresh");
        fresh.sync();
        assertThat(fresh.vault.note(id)).as("a device paired after the purge").isEmpty();
        assertThat(fresh.vault.note(kept)).isPresent();
        b.sync();
        assertThat(b.vault.note(id)).isEmpty();
        assertThat(b.weftFiles(id)).isEmpty();
        assertThat(b.notices).contains("deleted forever on another device: “password”");
        offline.open();
        assertThat(offline.file("password")).exists();
        offline.sync();
        assertThat(offline.vault.note(id)).isEmpty();
        assertThat(offline.file("password")).doesNotExist();
        assertThat(offline.weftFiles(id)).isEmpty();
        assertThat(MarkdownFiles.read(offline.file("kept"))).isEqualTo("still here");
        assertThat(offline.vault.note(kept)).isPresent();
    }

    @Test
    void anEmptiedTrashOfManyNotesIsRemovedOnTheOtherDeviceAsOneBatch() throws Exception {
        Device a = device("a");
        Device b = device("b");
        List<UUID> batch = new ArrayList<>();
        for (int i = 0; i < 80; i++) { // several pull windows (GlobalProcedure.PULL_WINDOW) of 39s
            batch.add(a.vault.create("old/note " + i, "text " + i).id());
        }
        UUID edited = batch.get(79);
        UUID kept = a.vault.create("kept", "still here").id();
        syncAll(a, b);
        a.vault.trash(batch, TrashBatches.next());
        a.sync();
        assertThat(a.vault.askPurge(batch)).isEqualTo(80);
        a.sync();
        assertThat(a.vault.notes()).extracting(NoteInfo::id).containsExactly(kept);
        b.vault.replica(edited).insertUtf16(0, "mine: "); // offline, on a note b never saw trashed
        b.sync();
        for (UUID id : batch) {
            assertThat(b.vault.note(id)).isEmpty();
            assertThat(b.weftFiles(id)).isEmpty();
        }
        assertThat(b.file("old/note 0")).doesNotExist();
        assertThat(dir.resolve("b/.weft/purging")).doesNotExist();
        assertThat(b.notices).contains("deleted forever on another device: “old/note 0”",
                "kept “old/note 79” as a new note: edited here after another device deleted it forever");
        syncAll(b, a);
        for (Device d : List.of(a, b)) {
            assertThat(d.vault.notes()).as(d.name).hasSize(2);
            assertThat(MarkdownFiles.read(d.file("old/note 79"))).as(d.name).isEqualTo("mine: text 79");
            assertThat(MarkdownFiles.read(d.file("kept"))).as(d.name).isEqualTo("still here");
        }
        b.close();
        b.open();
        assertThat(b.vault.notes()).hasSize(2);
    }

    @Test
    void theServerDeletesForeverOnEveryDeviceWhatIsInTheTrashLongerThanItsTrashDays() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID old = a.vault.create("old", "trashed long ago").id();
        UUID recent = a.vault.create("recent", "trashed yesterday").id();
        UUID kept = a.vault.create("kept", "not in the trash").id();
        syncAll(a, b);
        a.vault.trash(old);
        a.sync();
        a.vault.trash(recent);
        syncAll(a, b);
        long oldAt = b.vault.trashInfo().get(old).at();
        long recentAt = b.vault.trashInfo().get(recent).at();
        assertThat(recentAt).as("server times of the two trashes").isGreaterThan(oldAt);
        // the server's clock 30 days after the first trash: only that one has been there 30 days
        long now = oldAt + java.util.concurrent.TimeUnit.DAYS.toMicros(30);
        server.keepTrash(30, java.time.Clock.fixed(java.time.Instant.EPOCH.plus(now, java.time.temporal.ChronoUnit.MICROS),
                java.time.ZoneOffset.UTC));
        dev.weft.testing.Eventually.eventually(() -> {
            syncAll(a, b);
            assertThat(a.vault.note(old)).isEmpty();
            assertThat(b.vault.note(old)).isEmpty();
        });
        for (Device d : List.of(a, b)) {
            assertThat(d.weftFiles(old)).as(d.name).isEmpty();
            assertThat(d.note(recent).trashed()).as(d.name).isTrue();
            assertThat(d.note(kept).trashed()).as(d.name).isFalse();
        }
        assertThat(b.notices).contains("deleted forever on another device: “old”");
    }

    @Test
    void anEditInALiveSessionWinsOverATrashFromAnotherDevice() throws Exception {
        Device laptop = device("laptop");
        Device phone = device("phone");
        UUID id = laptop.vault.create("plans", "keep me").id();
        syncAll(laptop, phone);
        EditingSession live = laptop.client.openSession(id, new SessionListener() {
        });
        dev.weft.testing.Eventually.eventually("the laptop's session live", live::isLive);
        phone.vault.trash(id);
        phone.sync();
        laptop.vault.replica(id).insertUtf16(7, ", edited");
        dev.weft.testing.Eventually.eventually( // the laptop's edit acknowledged
                () -> assertThat(laptop.vault.replica(id).log().pendingCount()).isZero());
        live.close();
        syncAll(phone, laptop);
        restoredEverywhereWithTheEdit(id, laptop, phone);
    }

    @Test
    void editsNotSentYetOnANoteDeletedForeverElsewhereAreKeptAsANewNote() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("plans", "keep me").id();
        syncAll(a, b);
        a.vault.trash(id);
        a.sync();
        a.vault.askPurge(List.of(id));
        a.sync(); // deleted forever while b, offline, edits it
        assertThat(a.vault.note(id)).isEmpty();
        b.vault.replica(id).insertUtf16(7, ", edited offline");
        b.sync();
        assertThat(b.vault.note(id)).isEmpty();
        assertThat(b.weftFiles(id)).isEmpty();
        assertThat(b.notices).contains("kept “plans” as a new note: edited here after another device deleted it forever");
        syncAll(b, a);
        for (Device d : List.of(a, b)) {
            NoteInfo kept = d.vault.notes().stream().filter(n -> n.name().equals("plans")).findFirst().orElseThrow();
            assertThat(kept.id()).as(d.name).isNotEqualTo(id);
            assertThat(kept.trashed()).as(d.name).isFalse();
            assertThat(MarkdownFiles.read(d.file("plans"))).as(d.name).isEqualTo("keep me, edited offline");
        }
    }
}
