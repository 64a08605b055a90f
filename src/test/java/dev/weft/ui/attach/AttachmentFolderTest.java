package dev.weft.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.files.VaultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentFolderTest {
    @TempDir
    Path dir;

    @Test
    void theSettingNamesAFolderBesideTheNoteOrFromTheRoot() {
        assertThat(AttachmentFolder.of(AttachmentFolder.DEFAULT, "Travel/Trip")).isEqualTo("Travel/attachments");
        assertThat(AttachmentFolder.of(null, "Trip")).isEqualTo("attachments");
        assertThat(AttachmentFolder.of("./", "Travel/Trip")).isEqualTo("Travel");
        assertThat(AttachmentFolder.of(".", "Trip")).isEqualTo("");
        assertThat(AttachmentFolder.of("Files/Images", "Travel/Trip")).isEqualTo("Files/Images");
        assertThat(AttachmentFolder.of("/", "Travel/Trip")).isEqualTo("");
        assertThat(AttachmentFolder.of("../..", "Travel/Trip")).isEqualTo(""); // never out of the vault
    }

    @Test
    void namesAreObsidiansAndNeverTakeAnExistingFile() throws Exception {
        assertThat(AttachmentFolder.pastedName(LocalDateTime.of(2026, 12, 8, 1, 30, 5)))
                .isEqualTo("Pasted image 20261208013005.png");
        Path folder = dir.resolve("attachments");
        assertThat(AttachmentFolder.unique(folder, "a.png")).isEqualTo(folder.resolve("a.png"));
        Files.writeString(folder.resolve("a.png"), "x");
        Files.writeString(folder.resolve("a 1.png"), "x");
        assertThat(AttachmentFolder.unique(folder, "a.png")).isEqualTo(folder.resolve("a 2.png"));
        Files.writeString(folder.resolve("README"), "x");
        assertThat(AttachmentFolder.unique(folder, "README")).isEqualTo(folder.resolve("README 1"));
    }

    @Test
    void theVaultsFilesLeaveOutNotesDotFoldersAndWhatWeftignoreNames() throws Exception {
        Files.createDirectories(dir.resolve(".weft/docs"));
        Files.createDirectories(dir.resolve(".trash"));
        Files.createDirectories(dir.resolve("Travel/attachments"));
        Files.writeString(dir.resolve(".weft/docs/x.bin"), "x");
        Files.writeString(dir.resolve(".trash/old.png"), "x");
        Files.writeString(dir.resolve("Travel/Trip.md"), "x");
        Files.writeString(dir.resolve("Travel/attachments/a.png"), "x");
        Files.writeString(dir.resolve(".hidden.png"), "x");
        Files.writeString(dir.resolve("doc.pdf"), "x");
        Files.writeString(dir.resolve("skip.log"), "x");
        Files.writeString(dir.resolve(".weftignore"), "*.log\n");
        assertThat(VaultFiles.list(dir)).containsExactly("Travel/attachments/a.png", "doc.pdf");
        assertThat(VaultFiles.isFile("Travel/a.png")).isTrue();
        assertThat(VaultFiles.isFile("Travel/a.md")).isFalse();
        assertThat(VaultFiles.isFile(".git/a.png")).isFalse();
    }
}
