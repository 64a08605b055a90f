package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStateFileTest {
    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);
    private static final String TOKEN = "s3cr3t-T0ken_abcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path vault;

    private Path file() {
        return new VaultPaths(vault).deviceState();
    }

    @Test
    void aDeviceWithoutAFileIsUnpairedOnSite255() throws IOException {
        DeviceState state = DeviceStateFile.read(file());
        assertThat(state).isEqualTo(DeviceState.unpaired());
        assertThat(state.site()).isEqualTo(255);
        assertThat(state.isPaired()).isFalse();
    }

    @Test
    void pairedAndUnpairedStatesReadBackAsWritten() throws IOException {
        DeviceStateFile.write(file(), DeviceState.unpaired().withLastSyncTime(17));
        assertThat(DeviceStateFile.read(file())).isEqualTo(DeviceState.unpaired().withLastSyncTime(17));
        DeviceState paired = DeviceState.paired("[fe80::1%eth0]", 8443, FINGERPRINT, TOKEN, 3)
                .withLastSyncTime(1_766_000_000_000_000L);
        DeviceStateFile.write(file(), paired);
        assertThat(DeviceStateFile.read(file())).as("all but the token, kept outside the vault (DeviceTokens)")
                .isEqualTo(paired.withDeviceToken(null));
        assertThat(Files.readString(file())).doesNotContain(TOKEN);
        try (var files = Files.list(file().getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file());
        }
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyEvenIfTheOldOneWasNot() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        DeviceStateFile.write(file(), DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        DeviceStateFile.write(file(), DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 1).withLastSyncTime(5));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void theTokenNeverShowsInTextOrErrors() throws IOException {
        DeviceState paired = DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 1);
        assertThat(paired.toString()).doesNotContain(TOKEN).contains("weft.example");
        DeviceStateFile.write(file(), paired);
        Files.writeString(file(), Files.readString(file()).replace("site=1", "site=0"));
        assertThatThrownBy(() -> DeviceStateFile.read(file())).isInstanceOf(IOException.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aCrashedWriteLeavesTheOldStateAndItsTemporaryFileIsRemoved() throws IOException {
        DeviceStateFile.write(file(), DeviceState.unpaired().withLastSyncTime(1));
        Path stray = Files.writeString(file().resolveSibling(".device.properties123.tmp"), "format=1\nsite=");
        assertThat(DeviceStateFile.read(file()).lastSyncTime()).isEqualTo(1);
        assertThat(stray).doesNotExist();
    }

    @Test
    void invalidStatesAreRefused() {
        assertThatThrownBy(() -> DeviceState.paired("h", 443, "ABC", TOKEN, 1)).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> DeviceState.paired("h", 443, FINGERPRINT, TOKEN, 255)).hasMessageContaining("site");
        assertThatThrownBy(() -> DeviceState.paired("h", 0, FINGERPRINT, TOKEN, 2)).hasMessageContaining("port");
        assertThatThrownBy(() -> DeviceState.paired("h\nx", 1, FINGERPRINT, TOKEN, 2)).hasMessageContaining("host");
        assertThatThrownBy(() -> new DeviceState(null, 0, null, null, 3, 0)).hasMessageContaining("unpaired");
    }
}
