package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A connection lost under the client is told with its close code and reason, not only as "offline". */
class ConnectionLostTest extends LiveServerTest {
    @Test
    void aLostConnectionIsToldWithItsCodeAndReason() throws Exception {
        CuttingRelay relay = new CuttingRelay(server.port());
        open.add(relay);
        Vault vault = Vault.open(dir.resolve("a"), VaultOptions.defaults());
        open.add(vault);
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(client);
        PairingLink direct = server.pairingLink();
        client.pair(new PairingLink(direct.host(), relay.port(), direct.code(), direct.fingerprint()), "a");
        List<String> lost = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        client.addListener(new SyncListener() {
            @Override
            public void connectionLost(String message) {
                lost.add(message);
            }

            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        vault.create("n", "text");
        client.start();
        client.syncOnce(PATIENCE);

        relay.cutAll();
        eventually("the loss told", () -> !lost.isEmpty());
        assertThat(lost.get(0)).startsWith("the connection to the server was lost (1006 ");
        assertThat(problems).contains(lost.get(0));
        client.syncOnce(PATIENCE); // and it reconnects
    }
}
