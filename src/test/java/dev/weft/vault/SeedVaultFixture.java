package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the vault of {@code src/test/resources/vault-before-runs} ({@link OldVaultMigrationTest}):
 * run once with the code before runs on disk (commit 4048a2d, {@code target/weft.jar} built there),
 * {@code java -cp weft.jar:target/test-classes dev.weft.vault.SeedVaultFixture DIR}. Its structure
 * files are in the seed's layout and its logs hold one record per character.
 */
public final class SeedVaultFixture {
    private SeedVaultFixture() {
    }

    public static void main(String[] args) throws IOException {
        VaultOptions options = VaultOptions.defaults().withReplicaOptions(site -> new ReplicaOptions(site,
                new SplittableRandom(14), InstantSource.fixed(Instant.parse("2026-12-07T12:00:00Z")), 4096,
                Duration.ofSeconds(1)));
        try (Vault vault = Vault.open(Path.of(args[0]), options)) {
            // typed here, acknowledged, edited from site 2, current to 100: compacted on the way (4 KiB)
            NoteInfo synced = vault.create("synced", "");
            NoteReplica r = vault.replica(synced.id());
            for (int i = 0; i < 400; i++) {
                r.insert(r.length() - (i % 7 == 6 ? 3 : 0), i % 40 == 39 ? "\n" : Character.toString('a' + i % 26));
            }
            r.delete(10, 5);
            vault.acknowledge(synced.id(), r.log().lastSeq());
            SequenceDoc other = r.copyDocument(2, new SplittableRandom(2));
            List<Atom> inserts = new ArrayList<>();
            List<Pid> deletes = new ArrayList<>();
            OpSink sink = new OpSink() {
                @Override
                public void inserted(Pid pid, int codePoint) {
                    inserts.add(new Atom(pid, codePoint));
                }

                @Override
                public void deleted(Pid pid) {
                    deletes.add(pid);
                }
            };
            other.insert(20, "from the other device ✓ 😀", sink);
            other.delete(100, 10, sink);
            vault.applyRemote(synced.id(), null, inserts, deletes);
            vault.currentTo(synced.id(), 100);
            // typed offline after it: pending, one part sent
            r.insert(0, "# Synced\n");
            r.log().takeToSend(false);
            r.insert(r.length(), "\nlast line");
            // a new note never sent, with a deletion of its own text (cancelled inserts)
            NoteInfo fresh = vault.create("fresh", "");
            NoteReplica f = vault.replica(fresh.id());
            f.insert(0, "A note never sent.\nSecond line.");
            f.delete(2, 5);
            vault.flush();
        }
    }
}
