package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note whose {@code .md} Weft never managed to write (the write failed, or a crash came first) is
 * not a note the user deleted: on open it gets its file, it is not trashed (docs/vault.md, "A file
 * never written").
 */
class UnwrittenFileTest {
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000a1");

    @TempDir
    Path dir;

    @Test
    void aNoteFromAPullKilledBeforeItsFileAndTheIndexGetsItsFileOnOpen() throws IOException {
        Vault vault = Vault.open(dir, TestVaults.slowWrites().withIndexDelay(Duration.ofMinutes(1)));
        vault.applyRemote(ID, "remote", atoms("pulled text"), List.of());
        vault.abandon(); // killed: no file, and the index (written at open) does not know the note
        assertThat(dir.resolve("remote.md")).doesNotExist();
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.notes()).containsExactly(new NoteInfo(ID, "remote", false));
            assertThat(reopened.pendingTrashChanges()).isEmpty();
            reopened.flush();
            assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo("pulled text");
        }
    }

    @Test
    void aFileWhoseWriteFailedIsWrittenOnTheNextOpen() throws IOException {
        Files.writeString(dir.resolve("sub"), "a file where the note's folder goes: its write fails");
        TestVaults.Recorder recorder = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(dir)) {
            vault.addListener(recorder);
            vault.applyRemote(ID, "sub/remote", atoms("pulled text"), List.of());
            vault.flush();
            eventually("the failed write", () -> recorder.heard.stream()
                    .anyMatch(h -> h.startsWith("problem Could not write sub/remote.md")));
        } // the index is written: the note is known, its file never was
        assertThat(Files.readString(dir.resolve(".weft/index"))).contains(ID.toString());
        Files.delete(dir.resolve("sub"));
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.notes()).containsExactly(new NoteInfo(ID, "sub/remote", false));
            assertThat(reopened.pendingTrashChanges()).isEmpty();
            reopened.flush();
            assertThat(MarkdownFiles.read(dir.resolve("sub/remote.md"))).isEqualTo("pulled text");
        }
    }

    @Test
    void aChangeWhoseWriteNeverHappenedReachesTheFileOnOpenWithoutABaseCopy() throws IOException {
        Vault vault = Vault.open(dir, TestVaults.slowWrites().withIndexDelay(Duration.ofMinutes(1)));
        vault.applyRemote(ID, "remote", atoms(1, "first"), List.of());
        vault.flush(); // the file and the index
        vault.applyRemote(ID, null, atoms(100, " second"), List.of());
        String text = vault.replica(ID).text();
        vault.abandon(); // killed before the write
        Files.delete(dir.resolve(".weft/base/" + ID + ".md")); // as when a full disk refused the base copy
        assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo("first").isNotEqualTo(text);
        try (Vault reopened = TestVaults.open(dir)) {
            reopened.flush();
            assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo(text);
        }
    }

    @Test
    void aNoteThatWaitedForItsPlaceGetsItsFileOnOpen() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            Files.writeString(dir.resolve("remote.md"), "not taken in yet"); // no watcher runs
            vault.applyRemote(ID, "remote", atoms("pulled text"), List.of());
            vault.flush();
            assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo("not taken in yet");
        } // the index: a note with no file, not in the trash
        Files.delete(dir.resolve("remote.md"));
        try (Vault reopened = TestVaults.open(dir)) {
            reopened.flush();
            assertThat(reopened.notes()).containsExactly(new NoteInfo(ID, "remote", false));
            assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo("pulled text");
        }
    }

    @Test
    void aFileAtThePlaceOfANoteWithoutOneIsTakenAsItsOwn() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            Files.writeString(dir.resolve("remote.md"), "pulled text"); // as a session the index missed wrote it
            vault.applyRemote(ID, "remote", atoms("pulled text"), List.of());
            vault.flush();
        }
        TestVaults.Recorder recorder = new TestVaults.Recorder();
        try (Vault reopened = TestVaults.open(dir)) {
            reopened.addListener(recorder);
            reopened.flush();
            assertThat(reopened.notes()).containsExactly(new NoteInfo(ID, "remote", false));
            assertThat(reopened.withPendingOps()).isEmpty();
            assertThat(reopened.replica(ID).text()).isEqualTo("pulled text");
        }
        assertThat(recorder.heard).noneMatch(h -> h.contains("Not imported"));
    }

    @Test
    void aRebuiltIndexPutsANoteWithoutAFileInThisDevicesTrashOnly() throws IOException {
        UUID deleted;
        Vault vault = Vault.open(dir, TestVaults.slowWrites().withIndexDelay(Duration.ofMinutes(1)));
        deleted = vault.create("deleted", "text").id();
        vault.flush();
        vault.applyRemote(ID, "remote", atoms("pulled text"), List.of());
        vault.abandon();
        Files.delete(dir.resolve("deleted.md"));
        Path index = dir.resolve(".weft/index");
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(index, bytes);
        try (Vault reopened = TestVaults.open(dir)) {
            // the logs cannot tell a file the user deleted from one never written: neither trash is sent
            assertThat(reopened.notes()).containsExactlyInAnyOrder(new NoteInfo(ID, "remote", true),
                    new NoteInfo(deleted, "deleted", true));
            assertThat(reopened.pendingTrashChanges()).isEmpty();
            // the server's flag decides: a note it has not trashed comes back
            reopened.applyRemoteTrashed(ID, false);
            reopened.flush();
            assertThat(MarkdownFiles.read(dir.resolve("remote.md"))).isEqualTo("pulled text");
        }
    }

    private static List<Atom> atoms(String text) {
        return atoms(1, text);
    }

    private static List<Atom> atoms(long firstIdent, String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = firstIdent;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(2, ident++), cp));
        }
        return atoms;
    }
}
