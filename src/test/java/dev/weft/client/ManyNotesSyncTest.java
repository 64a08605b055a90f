package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More notes than the upload window ({@code GlobalProcedure.UPLOAD_WINDOW}, batches of
 * {@code UPLOAD_BATCH}) and one hold
 * ({@code Replicas.MAX_HELD}) go up and come down whole through a real server (docs/client.md,
 * "Many notes"): every note on the second device with its text, nothing pending on either, and a
 * second sync of the first changes nothing.
 */
class ManyNotesSyncTest {
    @TempDir
    Path dir;

    @Test
    void notesAcrossBatchBoundariesSyncWhole() throws Exception {
        int notes = 131; // beyond the upload window (48) and two holds (Replicas.MAX_HELD, 64)
        assertThat(notes).isGreaterThan(GlobalProcedure.UPLOAD_WINDOW);
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), ServerLog.silent());
                Vault a = Vault.open(dir.resolve("a"), VaultOptions.defaults());
                Vault b = Vault.open(dir.resolve("b"), VaultOptions.defaults());
                SyncClient ca = new SyncClient(a, SyncOptions.defaults());
                SyncClient cb = new SyncClient(b, SyncOptions.defaults())) {
            Map<String, String> texts = new HashMap<>();
            for (int n = 0; n < notes; n++) {
                String text = ("note " + n + " ").repeat(1 + n % 7);
                texts.put("n" + n, text);
                a.create("n" + n, text);
            }
            ca.pair(server.pairingLink(), "a");
            ca.syncOnce(PATIENCE);
            assertThat(a.withPendingOps()).isEmpty();
            cb.pair(server.pairingLink(), "b");
            cb.syncOnce(PATIENCE);
            Map<String, String> got = new HashMap<>();
            for (NoteInfo note : b.notes()) {
                got.put(note.name(), b.withReplica(note.id(), NoteReplica::text));
            }
            assertThat(got).isEqualTo(texts);
            assertThat(b.withPendingOps()).isEmpty();
            long sent = ca.wireStats().bytesSent();
            ca.syncOnce(PATIENCE);
            assertThat(ca.wireStats().bytesSent() - sent).isLessThan(100); // a synclist and the nil pull
        }
    }
}
