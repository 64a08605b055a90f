package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} on the sync thread (an {@link OutOfMemoryError} while a big note goes up, say)
 * ends a one-shot sync with its cause, through a real server. Before, the executor's future kept
 * the error: the thread went idle, nothing was said, and {@code syncOnce} waited for its whole
 * timeout (BigNoteSyncIT's "stall", issue 12 §1).
 */
class SyncThreadErrorTest extends LiveServerTest {
    @Test
    void anErrorOnTheSyncThreadEndsTheSyncWithItsCauseAndTheNextSyncGoesThrough() throws Exception {
        Vault vault = Vault.open(dir.resolve("a"), VaultOptions.defaults());
        open.add(vault);
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(client);
        client.pair(server.pairingLink(), "a");
        vault.create("note", "text\n");
        AtomicBoolean thrown = new AtomicBoolean();
        client.addListener(new SyncListener() {
            @Override
            public void progress(int done, int total) {
                if (thrown.compareAndSet(false, true)) {
                    throw new StackOverflowError("thrown by the test");
                }
            }
        });

        // the upload reports its progress on the sync thread, where the error comes out
        assertThatThrownBy(() -> client.syncOnce(Duration.ofMinutes(3)))
                .isInstanceOf(SyncException.class).hasMessageContaining("StackOverflowError: thrown by the test");

        client.syncOnce(PATIENCE);
        assertThat(vault.withPendingOps()).isEmpty();
    }
}
