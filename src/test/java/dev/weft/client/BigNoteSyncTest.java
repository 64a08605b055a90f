package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A note of 3 upload parts and several answer windows, through a real server on 127.0.0.1: the
 * uploader gets none of its own parts back (each part goes from the time the previous answer
 * brought), and a fresh device's file is the same, byte for byte (the download came in windows).
 */
class BigNoteSyncTest extends LiveServerTest {
    private static final int BYTES = 2 * UpsertBuilder.OPS_PER_MESSAGE + 30_000;

    @Test
    void aNoteOfThreePartsGoesUpWithoutEchoAndComesDownWhole() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve("big.md"), BigNotes.text(BYTES), StandardCharsets.UTF_8);
        Vault va = Vault.open(a, VaultOptions.defaults());
        SyncClient ca = new SyncClient(va, SyncOptions.defaults());
        open.add(va);
        open.add(ca);
        ca.pair(server.pairingLink(), "a");
        ca.syncOnce(Duration.ofMinutes(5));
        assertThat(va.withPendingOps()).isEmpty();
        // 3 answers of a 33 without atoms and a 34, a synclist answer: no echo of the ~1 MB sent
        assertThat(ca.wireStats().bytesReceived()).as(ca.wireStats().toString()).isLessThan(2_000);

        Vault vb = Vault.open(dir.resolve("b"), VaultOptions.defaults());
        SyncClient cb = new SyncClient(vb, SyncOptions.defaults());
        open.add(vb);
        open.add(cb);
        cb.pair(server.pairingLink(), "b");
        cb.syncOnce(Duration.ofMinutes(5));
        vb.flush();
        assertThat(Files.mismatch(a.resolve("big.md"), dir.resolve("b/big.md"))).isEqualTo(-1);
        assertThat(cb.wireStats().framesReceived()).as("the answer came in several windows").isGreaterThan(2);
    }
}
