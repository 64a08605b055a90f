package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault's own operations: create, rename, trash, remote ops and names, device, crash safety. */
class VaultTest {
    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);
    private static final String TOKEN = "s3cr3t-T0ken_abcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    private static List<Atom> atoms(int site, long firstIdent, String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = firstIdent;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(site, ident++), cp));
        }
        return atoms;
    }

    private String read(String relative) throws IOException {
        return MarkdownFiles.read(dir.resolve(relative));
    }

    @Test
    void opensAnEmptyFolder() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.notes()).isEmpty();
            assertThat(vault.device()).isEqualTo(DeviceState.unpaired());
            assertThat(vault.withPendingOps()).isEmpty();
            assertThat(vault.folder()).isEqualTo(dir.toAbsolutePath().normalize());
        }
        assertThat(dir.resolve(".weft/index")).exists();
        assertThat(dir.resolve(".weft/device.properties")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(".weft");
        }
    }

    @Test
    void createWritesTheFileAndMakesNamesUnique() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            NoteInfo a = vault.create("ideas/Weft", "hello\n");
            NoteInfo b = vault.create("ideas/weft", "other\n");
            assertThat(b.name()).isEqualTo("ideas/weft (2)");
            vault.flush();
            assertThat(read("ideas/Weft.md")).isEqualTo("hello\n");
            assertThat(read("ideas/weft (2).md")).isEqualTo("other\n");
            assertThat(vault.withPendingOps()).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(vault.replica(a.id()).name()).contains("ideas/Weft");
        }
    }

    @Test
    void localEditsReachTheFileAndTheListeners() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            TestVaults.Recorder recorder = new TestVaults.Recorder();
            vault.addListener(recorder);
            NoteInfo note = vault.create("n", "abc");
            NoteReplica replica = vault.replica(note.id());
            replica.insert(3, "def");
            eventually("the file", () -> {
                try {
                    return read("n.md").equals("abcdef");
                } catch (IOException e) {
                    return false;
                }
            });
            eventually("the events", () -> recorder.heard.contains("text " + note.id() + " LOCAL"));
        }
    }

    @Test
    void renameMovesTheFileAndRemovesTheFolderItEmptied() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            NoteInfo note = vault.create("old/deep/n", "text");
            vault.flush();
            vault.rename(note.id(), "new/n");
            vault.flush();
            assertThat(read("new/n.md")).isEqualTo("text");
            assertThat(dir.resolve("old")).doesNotExist();
            assertThat(vault.note(note.id()).orElseThrow().name()).isEqualTo("new/n");
        }
    }

    @Test
    void trashRemovesTheFileAndRestoreBringsItBack() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            NoteInfo note = vault.create("n", "keep me");
            vault.flush();
            vault.trash(note.id());
            assertThat(dir.resolve("n.md")).doesNotExist();
            assertThat(vault.note(note.id()).orElseThrow().trashed()).isTrue();
            assertThat(vault.pendingTrashChanges()).containsExactly(new TrashChange(note.id(), true));
            vault.trashAcknowledged(note.id(), true);
            assertThat(vault.pendingTrashChanges()).isEmpty();

            vault.create("n", "took the name");
            vault.restore(note.id());
            vault.flush();
            assertThat(vault.note(note.id()).orElseThrow()).isEqualTo(new NoteInfo(note.id(), "n (2)", false));
            assertThat(read("n (2).md")).isEqualTo("keep me");
            assertThat(vault.pendingTrashChanges()).containsExactly(new TrashChange(note.id(), false));
        }
    }

    @Test
    void aTrashSurvivesACrash() throws IOException {
        Vault vault = TestVaults.open(dir);
        NoteInfo note = vault.create("n", "text");
        vault.flush();
        vault.trash(note.id());
        vault.abandon(); // no close: nothing more is written
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.note(note.id()).orElseThrow().trashed()).isTrue();
            assertThat(reopened.pendingTrashChanges()).containsExactly(new TrashChange(note.id(), true));
            assertThat(reopened.replica(note.id()).text()).isEqualTo("text");
        }
    }

    @Test
    void aLogThatMovedOnAfterTheIndexWasWrittenWinsOverTheIndex() throws IOException {
        Vault vault = Vault.open(dir, TestVaults.fast().withIndexDelay(java.time.Duration.ofMinutes(1)));
        UUID id = vault.create("n", "").id();
        vault.currentTo(id, 5);
        NoteReplica replica = vault.replica(id);
        replica.log().acknowledge(replica.log().lastSeq());
        vault.flush(); // the index: time 5, nothing pending
        assertThat(vault.withPendingOps()).isEmpty();
        replica.log().currentTo(77);
        replica.insert(0, "x"); // pending again; the index does not know
        vault.abandon();
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.syncTime(id)).isEqualTo(77);
            assertThat(reopened.withPendingOps()).containsExactly(id);
            reopened.flush(); // the write the kill prevented
            assertThat(read("n.md")).isEqualTo("x");
        }
    }

    @Test
    void theServersTrashFlagIsNotPendingAndSurvivesACrash() throws IOException {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Vault vault = TestVaults.open(dir);
        vault.applyRemote(id, "remote", atoms(2, 1, "text"), List.of());
        vault.flush();
        vault.applyRemoteTrashed(id, true);
        assertThat(dir.resolve("remote.md")).doesNotExist();
        assertThat(vault.pendingTrashChanges()).isEmpty();
        vault.abandon();
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.note(id).orElseThrow().trashed()).isTrue();
            reopened.applyRemoteTrashed(id, false);
            reopened.flush();
            assertThat(read("remote.md")).isEqualTo("text");
        }
    }

    @Test
    void applyRemoteOfAnUnknownNoteCreatesItAndItsFile() throws IOException {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000002");
        try (Vault vault = TestVaults.open(dir)) {
            TestVaults.Recorder recorder = new TestVaults.Recorder();
            vault.addListener(recorder);
            vault.applyRemote(id, "from/server", atoms(3, 1, "hi there"), List.of());
            vault.currentTo(id, 42);
            vault.flush();
            assertThat(read("from/server.md")).isEqualTo("hi there");
            assertThat(vault.notes()).containsExactly(new NoteInfo(id, "from/server", false));
            assertThat(vault.syncTime(id)).isEqualTo(42);
            assertThat(vault.withPendingOps()).isEmpty();
            eventually("events", () -> recorder.heard.contains("text " + id + " REMOTE"));
        }
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.syncTime(id)).isEqualTo(42);
            assertThat(reopened.replicaOpens()).isZero();
        }
    }

    @Test
    void remoteRenamesMoveFilesAndSwappedNamesSettle() throws IOException {
        UUID a = UUID.fromString("00000000-0000-4000-8000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-4000-8000-00000000000b");
        try (Vault vault = TestVaults.open(dir)) {
            vault.applyRemote(a, "A", atoms(2, 1, "text of a"), List.of());
            vault.applyRemote(b, "B", atoms(2, 100, "text of b"), List.of());
            vault.flush();
            vault.applyRemote(a, "B", List.of(), List.of()); // B.md is b's: a waits
            assertThat(read("A.md")).isEqualTo("text of a");
            assertThat(read("B.md")).isEqualTo("text of b");
            vault.applyRemote(b, "A", List.of(), List.of()); // now both wait on each other
            vault.flush();
            assertThat(read("A.md")).isEqualTo("text of b");
            assertThat(read("B.md")).isEqualTo("text of a");
            assertThat(dir.resolve(".weft/moving")).isEmptyDirectory();

            vault.applyRemote(a, "sub/C", List.of(), List.of());
            vault.flush();
            assertThat(read("sub/C.md")).isEqualTo("text of a");
            assertThat(dir.resolve("B.md")).doesNotExist();
        }
    }

    @Test
    void updateDeviceGivesOpenAndLaterReplicasTheNewSite() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            NoteInfo one = vault.create("one", "");
            NoteInfo two = vault.create("two", "");
            NoteReplica first = vault.replica(one.id());
            first.insert(0, "a");
            assertThat(first.pidAt(0).site()).isEqualTo(DeviceState.UNPAIRED_SITE);

            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 7));
            first.insert(1, "b");
            assertThat(first.pidAt(1).site()).isEqualTo(7);
            NoteReplica second = vault.replica(two.id());
            second.insert(0, "c");
            assertThat(second.pidAt(0).site()).isEqualTo(7);
            assertThat(DeviceStateFile.read(dir.resolve(".weft/device.properties")).site()).isEqualTo(7);
        }
    }
}
