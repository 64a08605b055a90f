package dev.weft.client;

import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The child JVM of {@link KilledSyncClientIT}: opens a paired vault, keeps it in sync (through a
 * session on odd runs), and appends numbered tokens to one note until it is killed, printing
 * {@code typed TOKEN} once each append has returned.
 *
 * <p>Arguments: vault dir, note id, token prefix, {@code session} or {@code global}, seed.
 */
public final class TypingSyncChild {
    private TypingSyncChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Vault vault = Vault.open(Path.of(args[0]), VaultOptions.defaults());
        UUID id = UUID.fromString(args[1]);
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(20), Duration.ofMillis(200)));
        client.start();
        if (args[3].equals("session")) {
            client.openSession(id, new SessionListener() { });
        }
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[4]));
        NoteReplica replica = vault.replica(id);
        for (int i = 0; ; i++) {
            String token = "<" + args[2] + "-" + i + ">";
            replica.insert(replica.length(), token);
            out.println("typed " + token);
            if (random.nextInt(4) == 0) {
                Thread.sleep(random.nextInt(5));
            }
        }
    }
}
