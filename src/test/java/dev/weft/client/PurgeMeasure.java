package dev.weft.client;

import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A bulk purge reaching another device (docs/benchmarks.md, "A purge reaching another device"): a real
 * server on 127.0.0.1 and two devices in this JVM; device a makes {@code NOTES} notes, both sync, a
 * trashes them all and both sync, a empties its trash and its sync is timed, then device b's sync that
 * removes them.
 * Not a test; after {@code mvn -q -B test-compile} and {@code mvn -q -B dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}:
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.weft.client.PurgeMeasure NOTES</pre>
 */
public final class PurgeMeasure {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("weft-purge");
        try (WeftServer server = LoopbackServer.start(dir.resolve("server"))) {
            Vault a = Vault.open(dir.resolve("a"), VaultOptions.defaults());
            SyncClient ca = new SyncClient(a, SyncOptions.defaults());
            ca.pair(server.pairingLink(), "a");
            Vault b = Vault.open(dir.resolve("b"), VaultOptions.defaults());
            SyncClient cb = new SyncClient(b, SyncOptions.defaults());
            cb.pair(server.pairingLink(), "b");
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(a.create("old/note " + i, "text of note " + i + "\n").id());
            }
            Duration patience = Duration.ofMinutes(10);
            ca.syncOnce(patience);
            cb.syncOnce(patience);
            a.trash(ids, TrashBatches.next());
            ca.syncOnce(patience);
            cb.syncOnce(patience);
            a.askPurge(ids);
            long start = System.nanoTime();
            ca.syncOnce(patience);
            System.out.printf("device a (asked): %d notes purged in %.2f s, %d left%n", count,
                    (System.nanoTime() - start) / 1e9, a.notes().size());
            start = System.nanoTime();
            cb.syncOnce(patience);
            System.out.printf("device b (elsewhere): %d notes purged in %.2f s, %d left%n", count,
                    (System.nanoTime() - start) / 1e9, b.notes().size());
            ca.close();
            cb.close();
            a.close();
            b.close();
        }
    }
}
