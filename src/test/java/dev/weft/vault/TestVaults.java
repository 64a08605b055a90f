package dev.weft.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Vaults for tests: fast debounce and watcher, seeded ids and pids. */
final class TestVaults {
    private TestVaults() {
    }

    static VaultOptions fast() {
        return VaultOptions.defaults()
                .withWriteDelays(Duration.ofMillis(5), Duration.ofMillis(40))
                .withIndexDelay(Duration.ofMillis(10))
                .withWatchSettle(Duration.ofMillis(60))
                .withReplicaOptions(site -> new ReplicaOptions(site, new SplittableRandom(site * 31L + 7),
                        TestReplicas.CLOCK, Long.MAX_VALUE, Duration.ofSeconds(1)));
    }

    /** Writes that wait long enough that a test can act before them. */
    static VaultOptions slowWrites() {
        return fast().withWriteDelays(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    static Vault open(Path folder) throws IOException {
        return Vault.open(folder, fast());
    }

    /** Everything a vault tells its listeners, as strings. */
    static final class Recorder implements VaultListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void notesChanged() {
            heard.add("notes");
        }

        @Override
        public void textChanged(UUID id, Origin origin) {
            heard.add("text " + id + " " + origin);
        }

        @Override
        public void pendingWork(UUID id) {
            heard.add("pending " + id);
        }

        @Override
        public void problem(String message) {
            heard.add("problem " + message);
        }
    }
}
