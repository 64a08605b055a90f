package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.weft.testing.Eventually.eventually;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.testing.SmallDisk;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The by-hand run of issue 11 §9 on a real 3 MB tmpfs: notes pulled while the disk fills get their
 * logs but not their {@code .md} files, and closing cannot write the index. Opening on the full disk
 * opens (and says the disk is full); once there is space the notes get their files. The old code
 * failed that open ("No space left on device") and, once space was back, trashed the two notes as
 * deleted by the user, a trash every device then took.
 */
class UnwrittenFileDiskFullTest {
    @TempDir
    Path tmp;
    SmallDisk disk;
    Path vault;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallDisk.mount(tmp, 3);
        vault = disk.dir().resolve("vault");
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    @Test
    void notesPulledAsTheDiskFillsGetTheirFilesAndAreNotTrashed() throws Exception {
        List<UUID> ids = new ArrayList<>();
        // as by hand: the index is written seconds apart, so the disk fills before it lists the last notes
        Vault first = Vault.open(vault, TestVaults.slowWrites().withIndexDelay(Duration.ofMinutes(1)));
        for (int i = 0; i < 100; i++) {
            UUID id = new UUID(0x1234L, i);
            ids.add(id);
            first.applyRemote(id, "note " + i, atoms(i, "text of note " + i + "\n"), List.of());
            if (i == 97) {
                first.flush(); // 98 files and the index written
            }
        }
        disk.fill(); // the last two notes' files wait for their write
        IOException closing = null;
        try {
            first.close();
        } catch (IOException e) {
            closing = e;
        }
        assertThat(closing).as("the index cannot be written").isNotNull();
        assertThat(DiskFull.causes(closing)).as(closing.toString()).isTrue();
        assertThat(vault.resolve("note 98.md")).doesNotExist();
        assertThat(vault.resolve("note 99.md")).doesNotExist();

        TestVaults.Recorder full = new TestVaults.Recorder();
        try (Vault onFullDisk = Vault.open(vault, TestVaults.slowWrites())) {
            onFullDisk.addListener(full);
            assertThat(onFullDisk.notes()).hasSize(100).noneMatch(NoteInfo::trashed);
            assertThat(onFullDisk.pendingTrashChanges()).isEmpty();
            eventually("the full disk reported", () -> full.heard.stream()
                    .anyMatch(h -> h.startsWith("problem The disk under the vault is full")));
            disk.free();
        }
        try (Vault reopened = Vault.open(vault, TestVaults.fast())) {
            assertThat(reopened.notes()).hasSize(100).noneMatch(NoteInfo::trashed);
            assertThat(reopened.pendingTrashChanges()).isEmpty();
            reopened.flush();
            for (int i = 0; i < 100; i++) {
                assertThat(MarkdownFiles.read(vault.resolve("note " + i + ".md"))).isEqualTo("text of note " + i + "\n");
            }
        }
        assertThat(Files.readString(vault.resolve(".weft/index"))).doesNotContain("\tt");
    }

    private static List<Atom> atoms(int note, String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = 1;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(2, ident++), cp));
        }
        return atoms;
    }
}
