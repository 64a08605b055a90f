package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vault folder copied or moved with its {@code .weft/} becomes a device of its own (docs/vault.md). */
class CopiedVaultTest {
    private static final String FINGERPRINT = "ab".repeat(32);
    private static final String TOKEN = "token-of-the-original-device-0123456789";

    @TempDir
    Path dir;

    @AfterEach
    void forgetMachine() {
        System.clearProperty(MachineId.PROPERTY);
    }

    @Test
    void aCopyMakesNoIdUnderItsOriginalsSiteAndMovesItsPendingWorkToItsNewSite() throws IOException {
        Path original = dir.resolve("original");
        UUID id;
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
            id = vault.create("note", "typed before the copy").id();
        }
        Path copy = copyFolder(original, dir.resolve("copy"));

        try (Vault vault = TestVaults.open(original)) {
            assertThat(vault.awaitingIdentity()).isFalse();
            vault.replica(id).insertUtf16(0, "one ");
            assertThat(lastSites(vault, id)).containsOnly(3);
        }
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isTrue();
            NoteReplica r = vault.replica(id);
            r.insertUtf16(r.utf16Length(), " and two");
            r.deleteUtf16(0, 5); // "typed", pending from before the copy: a cancelled insert would not be sent
            assertThat(r.log().pending()).filteredOn(op -> op instanceof LocalOp.Insert i && i.atom().pid().site() == 3)
                    .isNotEmpty();
            assertThat(lastSites(vault, id)).doesNotContain(7).contains(255);

            vault.adoptIdentity(DeviceState.paired("weft.example", 443, FINGERPRINT, "token-of-the-copy-0123456789", 7));

            assertThat(vault.awaitingIdentity()).isFalse();
            assertThat(r.text()).isEqualTo(" before the copy and two");
            List<LocalOp> pending = r.log().pending();
            assertThat(pending).filteredOn(op -> op instanceof LocalOp.Insert).allMatch(
                    op -> ((LocalOp.Insert) op).atom().pid().site() == 7);
            assertThat(pending).filteredOn(op -> op instanceof LocalOp.Insert).hasSize(" before the copy and two".length());
            // the deletes of the moved atoms go up, so the original's copy of them stays dead
            assertThat(pending).filteredOn(op -> op instanceof LocalOp.Delete d && d.pid().site() == 3).isNotEmpty();
            assertThat(pending).filteredOn(op -> op instanceof LocalOp.Rename).singleElement()
                    .extracting(op -> ((LocalOp.Rename) op).name()).isEqualTo("note");
            r.insertUtf16(0, "x");
            assertThat(r.pidAt(0).site()).isEqualTo(7);
        }
        assertThat(copy.resolve(".weft/copy")).doesNotExist();
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isFalse();
            assertThat(vault.device().site()).isEqualTo(7);
            assertThat(vault.replica(id).text()).isEqualTo("x before the copy and two");
        }
    }

    @Test
    void aCopyStaysACopyUntilItHasItsIdentityAcrossRestarts() throws IOException {
        Path original = dir.resolve("original");
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
        }
        Path copy = copyFolder(original, dir.resolve("copy"));
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isTrue();
        }
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isTrue();
            UUID id = vault.create("new here", "made in the copy").id();
            assertThat(lastSites(vault, id)).containsOnly(255);
        }
    }

    @Test
    void theSameFolderOnAnotherMachineIsACopyAndAMovedFolderToo() throws IOException {
        Path folder = dir.resolve("vault");
        try (Vault vault = TestVaults.open(folder)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
        }
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.awaitingIdentity()).isFalse();
        }
        System.setProperty(MachineId.PROPERTY, "another-machine");
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.awaitingIdentity()).isTrue();
        }
        System.clearProperty(MachineId.PROPERTY);

        Path other = dir.resolve("other");
        try (Vault vault = TestVaults.open(other)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 4));
        }
        Path moved = Files.move(other, dir.resolve("moved"));
        try (Vault vault = TestVaults.open(moved)) {
            assertThat(vault.awaitingIdentity()).isTrue();
        }
    }

    @Test
    void aVaultFromBeforeInstanceFilesAndAnUnpairedCopyAreBoundWhereTheyAre() throws IOException {
        Path folder = dir.resolve("vault");
        try (Vault vault = TestVaults.open(folder)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
        }
        Files.delete(folder.resolve(".weft/" + VaultInstance.FILE));
        Path copy = copyFolder(folder, dir.resolve("copy"));
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isFalse(); // nothing tells where an older vault lived
        }
        Path unpaired = dir.resolve("unpaired");
        TestVaults.open(unpaired).close();
        try (Vault vault = TestVaults.open(copyFolder(unpaired, dir.resolve("unpaired copy")))) {
            assertThat(vault.awaitingIdentity()).isFalse(); // it pairs as a device of its own anyway
        }
    }

    @Test
    void aReSitingCutShortByACrashEndsTheSameWay() throws IOException {
        Path original = dir.resolve("original");
        UUID id;
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
            id = vault.create("note", "abc").id();
        }
        Path copy = copyFolder(original, dir.resolve("copy"));
        try (Vault vault = TestVaults.open(copy)) {
            vault.replica(id).insertUtf16(3, "def");
            // a crash right after the new identity was kept and one run was moved
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, "token-of-the-copy-0123456789", 7));
            NoteReplica r = vault.replica(id);
            CopyMark mark = CopyMark.read(copy.resolve(".weft")).orElseThrow();
            mark.recordCutoff(id, r.log().lastSeq());
            r.log().markSent(r.log().lastSeq());
            r.deleteUtf16(3, 3);
            r.insertUtf16(3, "def");
        }
        try (Vault vault = TestVaults.open(copy)) { // finishes on open
            NoteReplica r = vault.replica(id);
            assertThat(vault.awaitingIdentity()).isFalse();
            assertThat(r.text()).isEqualTo("abcdef");
            assertThat(r.log().pending()).filteredOn(op -> op instanceof LocalOp.Insert).hasSize(6)
                    .allMatch(op -> ((LocalOp.Insert) op).atom().pid().site() == 7);
            assertThat(copy.resolve(".weft/copy")).doesNotExist();
        }
    }

    @Test
    void typingUnderTheNewSiteBeforeItsNoteIsReSitedStaysPending() throws IOException {
        Path original = dir.resolve("original");
        UUID id;
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
            id = vault.create("note", "abc").id();
        }
        Path copy = copyFolder(original, dir.resolve("copy"));
        try (Vault vault = TestVaults.open(copy)) {
            NoteReplica r = vault.replica(id);
            r.insertUtf16(3, "d");
            // the new identity is kept, and the editor types before this note's turn comes (or a crash)
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, "token-of-the-copy-0123456789", 7));
            r.insertUtf16(4, "e");
            assertThat(r.pidAt(4).site()).isEqualTo(7);
        }
        try (Vault vault = TestVaults.open(copy)) {
            NoteReplica r = vault.replica(id);
            assertThat(r.text()).isEqualTo("abcde");
            assertThat(r.log().pending()).filteredOn(op -> op instanceof LocalOp.Insert).hasSize(5)
                    .allMatch(op -> ((LocalOp.Insert) op).atom().pid().site() == 7);
        }
    }

    private static List<Integer> lastSites(Vault vault, UUID id) throws IOException {
        NoteReplica r = vault.replica(id);
        return java.util.stream.IntStream.range(0, r.length()).mapToObj(r::pidAt).map(Pid::site).distinct().toList();
    }

    /** {@code cp -r}: every file and folder, {@code .weft/} included. */
    static Path copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
