package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mass-change guard in the vault (issue 16 §1): a scan that finds too many files gone or
 * erased holds them back, across restarts, until the user allows them or restores the files.
 */
class MassChangeVaultTest {
    @TempDir
    Path dir;

    private List<UUID> makeNotes(int count, String folder) throws IOException {
        List<UUID> ids = new ArrayList<>();
        try (Vault vault = TestVaults.open(dir)) {
            for (int i = 0; i < count; i++) {
                ids.add(vault.create(folder + "note " + i, "text of note " + i + "\n").id());
            }
        }
        return ids;
    }

    private void deleteFiles(int from, int to, String folder) throws IOException {
        for (int i = from; i < to; i++) {
            Files.delete(dir.resolve(folder + "note " + i + ".md"));
        }
    }

    private static long trashed(Vault vault) {
        return vault.notes().stream().filter(NoteInfo::trashed).count();
    }

    @Test
    void manyFilesDeletedWhileClosedAreHeldAcrossRestartsThenRestored() throws IOException {
        makeNotes(250, "");
        deleteFiles(0, 199, "");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).hasSize(199).allMatch(h -> h.kind() == HeldChange.Kind.DELETED);
            assertThat(trashed(vault)).isZero();
            assertThat(vault.pendingTrashChanges()).isEmpty();
        }
        Files.writeString(dir.resolve("note 0.md"), "text of note 0\n"); // one put back by hand
        try (Vault vault = TestVaults.open(dir)) { // a restart keeps asking, and never trashes
            assertThat(vault.heldChanges()).hasSize(198);
            assertThat(trashed(vault)).isZero();
            assertThat(vault.pendingTrashChanges()).isEmpty();
            vault.restoreHeld(HeldChange.Kind.DELETED);
            assertThat(vault.heldChanges()).isEmpty();
        }
        for (int i = 0; i < 250; i++) {
            assertThat(Files.readString(dir.resolve("note " + i + ".md"))).isEqualTo("text of note " + i + "\n");
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(trashed(vault)).isZero();
            assertThat(vault.pendingTrashChanges()).isEmpty();
        }
    }

    @Test
    void allowedDeletesGoToTheTrashAsPendingTrashes() throws IOException {
        makeNotes(250, "");
        deleteFiles(0, 199, "");
        try (Vault vault = TestVaults.open(dir)) {
            vault.allowHeld(HeldChange.Kind.DELETED);
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(trashed(vault)).isEqualTo(199);
            assertThat(vault.pendingTrashChanges()).hasSize(199).allMatch(TrashChange::trashed);
        }
        assertThat(Files.exists(dir.resolve(".weft/held"))).isFalse();
    }

    @Test
    void deletesAtOrBelowTheThresholdAreTrashedAsBefore() throws IOException {
        makeNotes(250, "");
        deleteFiles(0, 20, "");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(trashed(vault)).isEqualTo(20);
            assertThat(vault.pendingTrashChanges()).hasSize(20);
        }
    }

    @Test
    void aFolderDeletedWhileWatchingIsHeld() throws Exception {
        makeNotes(30, "projects/");
        makeNotes(20, "");
        try (Vault vault = TestVaults.open(dir)) {
            vault.startWatching();
            deleteTree(dir.resolve("projects"));
            eventually("held", () -> vault.heldChanges().size() == 30);
            assertThat(trashed(vault)).isZero();
            assertThat(vault.pendingTrashChanges()).isEmpty();
        }
    }

    @Test
    void anEmptiedFolderIsHeldWhateverItsSize() throws IOException {
        makeNotes(5, "");
        deleteFiles(0, 5, "");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).hasSize(5);
            assertThat(trashed(vault)).isZero();
        }
    }

    @Test
    void theVaultFolderGoneWhileWatchingTrashesNothing() throws Exception {
        makeNotes(30, "");
        Vault vault = TestVaults.open(dir);
        TestVaults.Recorder recorder = new TestVaults.Recorder();
        vault.addListener(recorder);
        vault.startWatching();
        eventually("the folder deleted", () -> { // the vault writes into .weft meanwhile
            try {
                deleteTree(dir);
            } catch (IOException | java.io.UncheckedIOException e) {
                return false;
            }
            return !Files.exists(dir);
        });
        eventually("the folder said gone", () -> recorder.heard.stream().anyMatch(h -> h.contains("is gone")));
        assertThat(trashed(vault)).isZero();
        assertThat(vault.pendingTrashChanges()).isEmpty();
        try {
            vault.close();
        } catch (IOException e) {
            // its index has nowhere to go
        }
    }

    @Test
    void notesEmptiedAtOnceAreHeldThenRestoredFromTheHeldText() throws IOException {
        List<UUID> ids = makeNotes(20, "");
        for (int i = 0; i < 20; i++) {
            Files.write(dir.resolve("note " + i + ".md"), new byte[0]);
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).hasSize(20).allMatch(h -> h.kind() == HeldChange.Kind.ERASED);
            assertThat(vault.replica(ids.get(3)).text()).isEqualTo("text of note 3\n");
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).hasSize(20);
            assertThat(vault.replica(ids.get(3)).text()).isEqualTo("text of note 3\n");
            vault.restoreHeld(HeldChange.Kind.ERASED);
            assertThat(vault.heldChanges()).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("note 7.md"), StandardCharsets.UTF_8)).isEqualTo("text of note 7\n");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(vault.replica(ids.get(7)).text()).isEqualTo("text of note 7\n");
        }
    }

    @Test
    void allowedErasuresAreMerged() throws IOException {
        List<UUID> ids = makeNotes(20, "");
        for (int i = 0; i < 20; i++) {
            Files.write(dir.resolve("note " + i + ".md"), new byte[0]);
        }
        try (Vault vault = TestVaults.open(dir)) {
            vault.allowHeld(HeldChange.Kind.ERASED);
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(vault.replica(ids.get(3)).text()).isEmpty();
        }
    }

    @Test
    void aFewNotesEmptiedAreMergedAsBefore() throws IOException {
        List<UUID> ids = makeNotes(40, "");
        for (int i = 0; i < 4; i++) {
            Files.write(dir.resolve("note " + i + ".md"), new byte[0]);
        }
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.heldChanges()).isEmpty();
            assertThat(vault.replica(ids.get(3)).text()).isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
