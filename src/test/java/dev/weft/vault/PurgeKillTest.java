package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of purges under SIGKILL: a child JVM ({@link Child}) purges {@link #BATCHES} batches of
 * {@link #PER_BATCH} trashed notes one after the other and is killed once it printed a random number
 * of them done, so the kill lands anywhere in the next ones. At the next open each batch is whole or
 * gone: never part of one, no log taken for lost, no purge record left.
 */
class PurgeKillTest {
    static final int BATCHES = 8;
    static final int PER_BATCH = 25;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    static UUID id(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i + 1));
    }

    @Test
    void everyBatchIsWholeOrGoneAfterAKill() throws Exception {
        Random random = new Random(16);
        for (int round = 0; round < ROUNDS; round++) {
            Path vault = dir.resolve("v" + round);
            int done = random.nextInt(BATCHES - 1);
            runAndKill(vault, done);
            try (Vault reopened = TestVaults.open(vault)) {
                assertThat(reopened.damagedNotes()).isEmpty();
                assertThat(PurgeRecord.file(vault.resolve(".weft"))).doesNotExist();
                int gone = 0;
                for (int b = 0; b < BATCHES; b++) {
                    long present = 0;
                    for (int i = 0; i < PER_BATCH; i++) {
                        present += reopened.note(id(b * PER_BATCH + i)).isPresent() ? 1 : 0;
                    }
                    assertThat(present).as("round %d, batch %d", round, b).isIn(0L, (long) PER_BATCH);
                    gone += present == 0 ? 1 : 0;
                }
                assertThat(gone).as("the batches the child printed done").isGreaterThanOrEqualTo(done + 1);
            }
        }
    }

    /** Starts the child, kills it once it printed {@code done + 1} batches done. */
    private void runAndKill(Path vault, int done) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-D" + ConfigDir.PROPERTY + "=" + ConfigDir.current(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), vault.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), out));
        reader.start();
        eventually("the child purged " + (done + 1) + " batches or died", () -> !child.isAlive()
                || text(out).lines().filter(line -> line.startsWith("PURGED")).count() > done);
        child.toHandle().destroyForcibly(); // SIGKILL: in a later batch, or after the last on a fast machine
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join();
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** Makes the notes, trashes them, then purges them a batch at a time, printing each batch done. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Vault vault = TestVaults.open(Path.of(args[0]));
            Map<UUID, Boolean> trashed = new LinkedHashMap<>();
            for (int i = 0; i < BATCHES * PER_BATCH; i++) {
                List<Atom> atoms = new ArrayList<>();
                long ident = 1;
                for (int cp : ("text " + i).codePoints().toArray()) {
                    atoms.add(new Atom(Pid.single(2, ident++), cp));
                }
                vault.applyRemote(id(i), "note " + i, atoms, List.of());
                vault.currentTo(id(i), 10);
                trashed.put(id(i), true);
            }
            vault.applyRemoteTrashed(trashed);
            vault.flush();
            for (int b = 0; b < BATCHES; b++) {
                List<UUID> batch = new ArrayList<>();
                for (int i = 0; i < PER_BATCH; i++) {
                    batch.add(id(b * PER_BATCH + i));
                }
                vault.purge(batch, List.of());
                System.out.println("PURGED " + b);
                System.out.flush();
            }
            vault.close();
        }
    }
}
