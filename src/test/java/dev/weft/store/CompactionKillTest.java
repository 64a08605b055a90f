package dev.weft.store;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compaction killed with SIGKILL loses nothing: a child JVM ({@link CompactionChild}) compacts the
 * store over and over and is killed, in turn, while it writes the new file (its work dir holds one) or
 * just after a compaction ended (maybe while the next one opens the old file); after each kill the
 * store opens and holds every document, text, history and sync time it held before.
 */
@Tag("slow")
class CompactionKillTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void aKillAtAnyStepOfACompactionLosesNothing() throws Exception {
        List<UUID> docs = StoreCompactionTest.fill(dir, 1_500);
        String before = StoreCompactionTest.contents(dir, docs);
        int killedWhileCopying = 0;
        for (int round = 0; round < KILLS; round++) {
            boolean whileCopying = round % 2 == 0;
            if (runAndKill(round / 2 + 1, whileCopying)) {
                killedWhileCopying++;
            }
            assertThat(StoreCompactionTest.contents(dir, docs)).as("after kill %d", round).isEqualTo(before);
        }
        assertThat(killedWhileCopying).as("kills with a half-written new file").isGreaterThanOrEqualTo(1);
        StoreCompaction.compact(dir);
        assertThat(dir.resolve("weft.db.compacting")).as("the next compaction clears what a kill left").doesNotExist();
        assertThat(StoreCompactionTest.contents(dir, docs)).isEqualTo(before);
    }

    /**
     * Lets the child finish {@code compactions} compactions, then kills it at once or once the next one
     * writes its new file; returns whether a half-written new file was there when it died.
     */
    private boolean runAndKill(int compactions, boolean whileCopying) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CompactionChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicInteger done = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("compacted ")) {
                        done.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // killed
            }
        });
        reader.start();
        Path copy = dir.resolve("weft.db.compacting").resolve(StoreFiles.MAIN);
        try {
            eventually(() -> assertThat(done.get()).isGreaterThanOrEqualTo(compactions));
            if (whileCopying) {
                eventually(() -> assertThat(copy).exists());
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join();
        }
        return Files.exists(copy);
    }
}
