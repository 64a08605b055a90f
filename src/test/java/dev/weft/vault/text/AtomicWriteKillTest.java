package dev.weft.vault.text;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note rewritten over and over by a child JVM ({@link AtomicWriteLoop}) that is killed with
 * SIGKILL at random moments: after every kill the file holds one of the two texts whole, never a
 * mix or a cut; a temporary file the kill left behind is hidden and no note.
 */
@Tag("slow")
class AtomicWriteKillTest {
    private static final int KILLS = 6;

    @TempDir
    Path vault;

    @Test
    void aKillAtAnyMomentLeavesTheOldTextOrTheNewOneWhole() throws Exception {
        Path note = vault.resolve("folder/big note.md");
        Random random = new Random(20261125);
        String[] texts = {AtomicWriteLoop.text(0), AtomicWriteLoop.text(1)};
        int killedWhileWriting = 0;
        for (int round = 0; round < KILLS; round++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), AtomicWriteLoop.class.getName(), note.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicInteger writes = new AtomicInteger();
            Thread reader = new Thread(() -> count(child, writes));
            reader.start();
            // the kill lands after a random number of whole writes, however fast the machine makes them
            int target = 1 + random.nextInt(4);
            eventually("" + target + " writes or the child gone", () -> writes.get() >= target || !child.isAlive());
            assertThat(writes.get()).as("writes before the kill").isGreaterThanOrEqualTo(target);
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(60_000);
            killedWhileWriting += writes.get() > 1 ? 1 : 0;

            String text = MarkdownFiles.read(note);
            assertThat(text.equals(texts[0]) || text.equals(texts[1])).as("one text whole, %d chars", text.length()).isTrue();
            assertThat(new NotePaths(vault).scan().names()).containsExactly("folder/big note");
        }
        assertThat(killedWhileWriting).as("kills that came after more than one write").isPositive();
        NotePaths.Scan scan = new NotePaths(vault).scan();
        try (var files = Files.list(note.getParent())) {
            assertThat(files.filter(f -> !f.equals(note)).sorted().toList()).isEqualTo(scan.leftovers());
        }
        System.out.printf("[vault-text] after %d kills: %d temporary files left%n", KILLS, scan.leftovers().size());
    }

    private static void count(Process child, AtomicInteger writes) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("WROTE ")) {
                    writes.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the stream closes when the child is killed
        }
    }
}
