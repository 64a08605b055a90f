package dev.weft.app;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.PairingLink;
import dev.weft.ui.ConnectFailure;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostedServerTest {
    @TempDir
    Path dir;

    @Test
    void hostingStartsTheServerInProcessPairsTheVaultOverLoopbackAndHandsOutFreshLinks() throws Exception {
        try (Vault vault = Vault.open(dir.resolve("vault"), VaultOptions.defaults());
                SyncClient sync = new SyncClient(vault, SyncOptions.defaults());
                HostedServer host = new HostedServer(vault, sync, dir.resolve("server"), 0,
                        new PrintStream(new ByteArrayOutputStream()))) {
            java.util.UUID made = vault.create("Made before pairing", "# Hello\n").id();
            PairingLink first = PairingLink.parse(host.host("desk"));
            assertThat(vault.device().isPaired()).isTrue();
            assertThat(vault.device().serverHost()).isEqualTo("127.0.0.1");
            assertThat(vault.device().serverPort()).isEqualTo(first.port());
            int site = vault.device().site();

            PairingLink second = PairingLink.parse(host.host("desk"));
            assertThat(second.code()).isNotEqualTo(first.code());
            assertThat(vault.device().site()).as("paired once").isEqualTo(site);
            sync.syncOnce(PATIENCE);
            assertThat(vault.note(made).orElseThrow().name()).as("a note made before pairing keeps its name")
                    .isEqualTo("Made before pairing");
        }
    }

    @Test
    void aLinkThatIsNotOneSaysWhatItShouldLookLike() throws Exception {
        try (Vault vault = Vault.open(dir.resolve("vault"), VaultOptions.defaults());
                SyncClient sync = new SyncClient(vault, SyncOptions.defaults());
                HostedServer host = new HostedServer(vault, sync, dir.resolve("server"), 0, System.out)) {
            assertThatThrownBy(() -> host.pair("https://example.org", "desk")).isInstanceOf(ConnectFailure.class)
                    .hasMessageStartingWith("That is not a pairing link").hasMessageContaining("weft://host:port/pair");
        }
    }
}
