package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device token lives outside the vault, in the user's settings folder, keyed by the vault's
 * instance id (issue 12 §7): never written into the vault, moved out of a vault an older Weft
 * wrote, and not found by a copy of the folder on another machine.
 */
class DeviceTokensTest {
    private static final String FINGERPRINT = "ab".repeat(32);
    private static final String TOKEN = "token-of-this-device-0123456789abcdef";

    @TempDir
    Path dir;
    private String configBefore;

    @BeforeEach
    void ownSettingsFolder() {
        configBefore = System.getProperty(ConfigDir.PROPERTY);
        useConfig("config");
    }

    @AfterEach
    void restore() {
        System.clearProperty(MachineId.PROPERTY);
        if (configBefore == null) {
            System.clearProperty(ConfigDir.PROPERTY);
        } else {
            System.setProperty(ConfigDir.PROPERTY, configBefore);
        }
    }

    private Path useConfig(String name) {
        System.setProperty(ConfigDir.PROPERTY, dir.resolve(name).toString());
        return dir.resolve(name);
    }

    @Test
    void aPairedVaultKeepsItsTokenInTheSettingsFolderOnlyOwnerOnly() throws IOException {
        Path folder = dir.resolve("vault");
        UUID instance;
        try (Vault vault = TestVaults.open(folder)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
            vault.create("note", "some text");
            instance = vault.instanceId();
        }
        assertThat(filesHolding(folder, TOKEN)).as("files of the vault holding the token").isEmpty();
        Path tokenFile = dir.resolve("config/devices/" + instance + ".token");
        assertThat(filesHolding(dir.resolve("config"), TOKEN)).containsExactly(tokenFile);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())))
                    .isEqualTo("rwx------");
        }
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
            assertThat(vault.device().site()).isEqualTo(3);
            vault.updateDevice(vault.device().withLastSyncTime(42));
        }
        assertThat(filesHolding(folder, TOKEN)).isEmpty();
    }

    @Test
    void anOlderVaultsTokenMovesOutAtItsFirstOpenAndTheVaultFileLosesIt() throws IOException {
        Path folder = dir.resolve("old");
        Path deviceFile = new VaultPaths(folder).deviceState();
        Files.createDirectories(deviceFile.getParent());
        Files.writeString(deviceFile, "format=1\nsite=3\nlast_sync_time=99\nserver.host=weft.example\nserver.port=443\n"
                + "server.fingerprint=" + FINGERPRINT + "\ndevice.token=" + TOKEN + "\n", StandardCharsets.UTF_8);

        UUID instance;
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.device()).isEqualTo(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3)
                    .withLastSyncTime(99));
            assertThat(vault.awaitingIdentity()).as("an old vault is not a copy").isFalse();
            instance = vault.instanceId();
        }
        assertThat(Files.readString(deviceFile)).doesNotContain(TOKEN, "device.token").contains("site=3");
        assertThat(new DeviceTokens(dir.resolve("config")).read(instance)).contains(TOKEN);
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
            assertThat(vault.instanceId()).isEqualTo(instance);
        }
    }

    @Test
    void aMoveCutShortBeforeTheVaultFileWasRewrittenEndsAtTheNextOpen() throws IOException {
        Path folder = dir.resolve("old");
        UUID instance;
        try (Vault vault = TestVaults.open(folder)) {
            instance = vault.instanceId();
        }
        // the crash: the token written to the settings folder, the vault's file not rewritten yet
        new DeviceTokens(dir.resolve("config")).write(instance, TOKEN, folder);
        Files.writeString(new VaultPaths(folder).deviceState(), "format=1\nsite=3\nlast_sync_time=0\n"
                + "server.host=weft.example\nserver.port=443\nserver.fingerprint=" + FINGERPRINT + "\ndevice.token=" + TOKEN + "\n");
        try (Vault vault = TestVaults.open(folder)) {
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
        }
        assertThat(filesHolding(folder, TOKEN)).isEmpty();
        assertThat(filesHolding(dir.resolve("config"), TOKEN)).hasSize(1);
    }

    @Test
    void aCopyOnAnotherMachineDoesNotGetTheToken() throws IOException {
        Path original = dir.resolve("original");
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
        }
        Path copy = copyFolder(original, dir.resolve("copy"));
        System.setProperty(MachineId.PROPERTY, "another-machine");
        Path otherConfig = useConfig("other-machine-config");

        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isTrue();
            assertThat(vault.device().isPaired()).isTrue();
            assertThat(vault.device().deviceToken()).as("no token on this machine").isNull();
            assertThat(vault.device().toString()).contains("no token here");
            vault.adoptIdentity(DeviceState.paired("weft.example", 443, FINGERPRINT, "token-of-the-copy-0123456789", 7));
            assertThat(vault.device().deviceToken()).isEqualTo("token-of-the-copy-0123456789");
        }
        assertThat(filesHolding(otherConfig, TOKEN)).isEmpty();
        assertThat(filesHolding(copy, "token-of-the-copy")).isEmpty();
    }

    @Test
    void aCopyOnTheSameMachineMayAskWithItsOriginalsTokenButKeepsOnlyItsOwn() throws IOException {
        Path original = dir.resolve("original");
        UUID originalInstance;
        try (Vault vault = TestVaults.open(original)) {
            vault.updateDevice(DeviceState.paired("weft.example", 443, FINGERPRINT, TOKEN, 3));
            originalInstance = vault.instanceId();
        }
        Path copy = copyFolder(original, dir.resolve("copy"));
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.awaitingIdentity()).isTrue();
            assertThat(vault.instanceId()).isNotEqualTo(originalInstance);
            // only to ask the server for a device of its own (POST /v1/pair-copy); it connects with nothing else
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
            assertThat(new DeviceTokens(dir.resolve("config")).read(vault.instanceId())).isEmpty();
        }
        try (Vault vault = TestVaults.open(copy)) { // reopened before it got its identity: still the same
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
            vault.adoptIdentity(DeviceState.paired("weft.example", 443, FINGERPRINT, "token-of-the-copy-0123456789", 7));
        }
        try (Vault vault = TestVaults.open(copy)) {
            assertThat(vault.device().deviceToken()).isEqualTo("token-of-the-copy-0123456789");
        }
        try (Vault vault = TestVaults.open(original)) {
            assertThat(vault.device().deviceToken()).isEqualTo(TOKEN);
            assertThat(vault.device().site()).isEqualTo(3);
        }
    }

    @Test
    void recordLogsAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path folder = dir.resolve("vault");
        try (Vault vault = TestVaults.open(folder)) {
            UUID id = vault.create("note", "text").id();
            vault.replica(id).insertUtf16(0, "more ");
            Path log = new VaultPaths(folder).latestOps(id);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
    }

    private static List<Path> filesHolding(Path folder, String text) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                            .contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Path copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
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
