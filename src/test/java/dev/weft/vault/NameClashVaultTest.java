package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §6: a device refuses a name whose file and another note's folder would coincide, as the server does. */
class NameClashVaultTest {
    @TempDir
    Path dir;

    @Test
    void aNoteBesideAFolderNamedLikeItsFileIsRefusedHere() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            vault.create("x", "a note\n");
            assertThatThrownBy(() -> vault.create("x.md/y", "under it\n")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the file x.md of note 'x' would be a folder of note 'x.md/y': choose another name");
            UUID other = vault.create("other", "text\n").id();
            assertThatThrownBy(() -> vault.rename(other, "X.MD/inside")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("would be a folder of note 'X.MD/inside'");
            assertThat(vault.note(other).orElseThrow().name()).isEqualTo("other");
            vault.rename(other, "x/inside"); // folder x/ beside file x.md: fine
            assertThatThrownBy(() -> vault.create("invoice\u202Efdp.md", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invisible character U+202E");
        }
        assertThat(dir.resolve("x/inside.md")).hasContent("text\n");
    }
}
