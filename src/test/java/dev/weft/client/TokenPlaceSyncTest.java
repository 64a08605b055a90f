package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Device;
import dev.weft.vault.ConfigDir;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the device token lives, end to end with a real server on 127.0.0.1 (issue 12 §7): a real
 * pairing writes no token into the vault, and a folder copied to another machine (another machine
 * id and another settings folder) finds none: it is told to pair, pairs as a device of its own,
 * and syncs.
 */
class TokenPlaceSyncTest extends LiveServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final String configBefore = System.getProperty(ConfigDir.PROPERTY);

    @AfterEach
    void restore() {
        System.clearProperty("weft.machine-id");
        if (configBefore == null) {
            System.clearProperty(ConfigDir.PROPERTY);
        } else {
            System.setProperty(ConfigDir.PROPERTY, configBefore);
        }
    }

    private record D(Vault vault, SyncClient client) {
        void close() throws IOException {
            client.close();
            vault.close();
        }
    }

    private D client(Path folder) throws IOException {
        Vault vault = Vault.open(folder, VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        open.add(vault);
        open.add(client);
        return new D(vault, client);
    }

    @Test
    void aPairedVaultHoldsNoTokenAndItsCopyOnAnotherMachinePairsItselfAnew() throws Exception {
        System.setProperty(ConfigDir.PROPERTY, dir.resolve("config-1").toString());
        Path folder = dir.resolve("machine1");
        D one = client(folder);
        one.client().pair(server.pairingLink(), "laptop");
        UUID id = one.vault().create("note", "written on the laptop").id();
        one.client().syncOnce(TIMEOUT);
        String token = one.vault().device().deviceToken();
        assertThat(token).isNotNull();
        assertThat(holding(folder, token)).as("files of the vault holding the token").isEmpty();
        assertThat(holding(dir.resolve("config-1"), token)).hasSize(1);
        one.close();

        Path copy = CopiedVaultSyncTest.copyFolder(folder, dir.resolve("machine2"));
        System.setProperty("weft.machine-id", "machine-2");
        System.setProperty(ConfigDir.PROPERTY, dir.resolve("config-2").toString());
        D two = client(copy);
        assertThat(two.vault().awaitingIdentity()).isTrue();
        assertThat(two.vault().device().deviceToken()).isNull();
        assertThatThrownBy(() -> two.client().syncOnce(TIMEOUT)).isInstanceOf(SyncException.class)
                .hasMessageContaining("token is not on this machine").hasMessageContaining("weft sync --pair LINK");
        assertThat(server.devices()).extracting(Device::name).containsExactly("laptop");

        two.client().pair(server.pairingLink(), "desktop");
        assertThat(two.vault().awaitingIdentity()).isFalse();
        two.vault().replica(id).insertUtf16(0, "and on the desktop: ");
        two.client().syncOnce(TIMEOUT);
        assertThat(two.vault().device().deviceToken()).isNotEqualTo(token);
        assertThat(holding(dir.resolve("config-2"), token)).isEmpty();
        assertThat(holding(copy, two.vault().device().deviceToken())).isEmpty();

        System.clearProperty("weft.machine-id");
        System.setProperty(ConfigDir.PROPERTY, dir.resolve("config-1").toString());
        D again = client(folder);
        assertThat(again.vault().device().deviceToken()).isEqualTo(token);
        again.client().syncOnce(TIMEOUT);
        assertThat(again.vault().replica(id).text()).isEqualTo("and on the desktop: written on the laptop");
    }

    private static List<Path> holding(Path folder, String text) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (java.nio.file.NoSuchFileException e) {
                    return false; // a temporary file, renamed in the meantime
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
