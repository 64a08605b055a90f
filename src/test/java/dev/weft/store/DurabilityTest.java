package dev.weft.store;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged op is ever lost: a child JVM ({@link DurabilityWriter}) writes steady batches
 * from three threads (one of them large batches) and is killed with SIGKILL after a random number of
 * acknowledged batches, 25 times, every fifth time instead at a random moment of its start, maybe
 * while it opens the store. After each kill the store must open, hold every op whose ACK line the child printed,
 * and issue sync times later than every acknowledged one.
 */
@Tag("slow")
class DurabilityTest {
    private static final int KILLS = 25;
    /** A writer that is not killed early prints between this many and twice as many ACK lines first. */
    private static final int ACKS_BEFORE_KILL = 6;

    private record Ack(UUID document, long ident, int count, boolean deleted, long syncTime) {
        static Ack parse(String line) {
            String[] f = line.split(" ");
            return new Ack(UUID.fromString(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]), f[4].equals("1"),
                    Long.parseLong(f[5]));
        }
    }

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheStoreLosesNoAcknowledgedOp() throws Exception {
        Random random = new Random(20261125);
        List<Ack> acks = new ArrayList<>();
        long lastTime = 0;
        int killedWhileWriting = 0;
        for (int round = 0; round < KILLS; round++) {
            boolean early = round % 5 == 4;
            List<Ack> got = runAndKill(round, early, random);
            if (!got.isEmpty()) {
                killedWhileWriting++;
            }
            acks.addAll(got);
            lastTime = verify(acks, lastTime);
        }
        assertThat(killedWhileWriting).as("kills that landed under write load").isGreaterThanOrEqualTo(20);
        assertThat(acks.size()).as("acknowledged batches").isGreaterThan(100);
    }

    /** Starts the writer, kills it at a random moment (early: maybe before it opened), returns its ACKs. */
    private List<Ack> runAndKill(int round, boolean early, Random random) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DurabilityWriter.class.getName(), dir.toString(),
                Long.toString(1 + round * 100_000_000L), "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), out));
        reader.start();
        if (early) {
            // a random moment of its start: maybe before, while or after it opens the store
            Thread.sleep(random.nextInt(400));
        } else {
            // a random amount of progress, however fast the machine makes it
            int acks = ACKS_BEFORE_KILL + random.nextInt(ACKS_BEFORE_KILL);
            eventually("the writer printed " + acks + " ACK lines", () -> ackLines(text(out)) >= acks);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join();
        List<Ack> acks = new ArrayList<>();
        String text = text(out);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith("ACK ")) {
                acks.add(Ack.parse(line));
            }
        }
        return acks;
    }

    /** Opens the store, checks every ACK so far and the clock, returns the last sync time issued. */
    private long verify(List<Ack> acks, long lastTimeBefore) {
        try (Store store = Store.open(dir)) {
            long last = store.lastSyncTime();
            assertThat(last).as("the clock never goes back").isGreaterThanOrEqualTo(lastTimeBefore);
            Map<UUID, Set<Pid>> alive = new HashMap<>();
            Map<UUID, Set<Pid>> deleted = new HashMap<>();
            for (UUID doc : DurabilityWriter.DOCUMENTS) {
                store.changesSince(doc, 0, 1).ifPresent(changes -> {
                    alive.put(doc, new HashSet<>(changes.inserts().stream().map(Atom::pid).toList()));
                    deleted.put(doc, new HashSet<>(changes.deletes()));
                });
            }
            List<String> lost = new ArrayList<>();
            for (Ack ack : acks) {
                if (last < ack.syncTime() || store.document(ack.document()).orElseThrow().syncTime() < ack.syncTime()) {
                    lost.add("time of " + ack);
                }
                for (int i = 0; i < ack.count(); i++) {
                    if (!alive.get(ack.document()).contains(Pid.single(1, ack.ident() + i))) {
                        lost.add("insert " + (ack.ident() + i) + " of " + ack);
                    }
                }
                if (ack.deleted() && !deleted.get(ack.document()).contains(Pid.single(1, ack.ident() - 1))) {
                    lost.add("delete of " + ack);
                }
            }
            assertThat(lost).as("acknowledged but lost").isEmpty();
            long next = store.write(batch -> batch.upsert(UUID.randomUUID(), "probe " + last, List.of(), List.of()))
                    .document().syncTime();
            assertThat(next).isGreaterThan(last);
            return next;
        }
    }

    private static long ackLines(String text) {
        return text.lines().filter(line -> line.startsWith("ACK ")).count();
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the child was killed: what it printed so far is in out
        }
    }
}
