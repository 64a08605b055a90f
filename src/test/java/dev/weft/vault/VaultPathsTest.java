package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultPathsTest {
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    @TempDir
    Path vault;

    @Test
    void machineFilesLiveUnderDotWeftNamedById() {
        VaultPaths paths = new VaultPaths(vault);
        assertThat(paths.structure(ID)).isEqualTo(vault.resolve(".weft/docs/" + ID + ".md.structure"));
        assertThat(paths.latestOps(ID)).isEqualTo(vault.resolve(".weft/docs/" + ID + ".md.latest_ops"));
        assertThat(paths.deviceState()).isEqualTo(vault.resolve(".weft/device.properties"));
    }

    @Test
    void aNoteNameIsAPathInTheVault() {
        VaultPaths paths = new VaultPaths(vault);
        assertThat(paths.note("projects/weft/ideas")).isEqualTo(vault.resolve("projects").resolve("weft")
                .resolve("ideas.md"));
        assertThatThrownBy(() -> paths.note("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.note("a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentsAreFoundByTheirMachineFiles() throws IOException {
        VaultPaths paths = new VaultPaths(vault);
        assertThat(paths.documentIds()).isEmpty();
        UUID other = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Files.createDirectories(paths.docsDir());
        Files.writeString(paths.latestOps(ID), "");
        Files.writeString(paths.structure(ID), "");
        Files.writeString(paths.structure(other), "");
        Files.writeString(paths.docsDir().resolve("." + ID + ".md.structure1.tmp"), "");
        Files.writeString(paths.docsDir().resolve("not-a-uuid.md.structure"), "");
        assertThat(paths.documentIds()).containsExactly(other, ID);
        assertThat(VaultPaths.documentIdOf(Path.of("1-1-1-1-1.md.structure"))).as("not canonical").isEmpty();
    }
}
