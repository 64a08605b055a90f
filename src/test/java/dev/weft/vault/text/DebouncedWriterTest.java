package dev.weft.vault.text;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebouncedWriterTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path vault;

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> failures = new ArrayList<>();
    private final DebouncedWriter writer = new DebouncedWriter(clock,
            (file, e) -> failures.add(vault.relativize(file) + ": " + e.getMessage()));

    private String onDisk(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : null;
    }

    @Test
    void writesThreeHundredMillisecondsAfterTheLastChange() throws IOException {
        Path note = vault.resolve("note.md");
        writer.changed(note, "one");
        clock.advance(200);
        writer.changed(note, "two");
        clock.advance(299);
        assertThat(onDisk(note)).isNull();
        clock.advance(1);
        assertThat(onDisk(note)).isEqualTo("two");
        assertThat(clock.waiting()).isZero();
    }

    @Test
    void aChangeWithNothingLeftToWriteWritesNothingAndIsNoFailure() throws IOException {
        Path note = vault.resolve("note.md");
        writer.changed(note, () -> null);
        clock.advance(300);
        assertThat(onDisk(note)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void continuousTypingReachesTheDiskEveryTwoSeconds() throws IOException {
        Path note = vault.resolve("note.md");
        List<Long> writes = new ArrayList<>();
        String last = null;
        for (int ms = 0; ms < 5_000; ms += 100) {
            writer.changed(note, "typed until " + ms);
            clock.advance(100);
            String now = onDisk(note);
            if (now != null && !now.equals(last)) {
                writes.add((long) ms + 100);
                last = now;
            }
        }
        clock.advance(300);
        assertThat(writes).containsExactly(2_000L, 4_000L);
        assertThat(onDisk(note)).isEqualTo("typed until 4900");
    }

    @Test
    void eachNoteHasItsOwnTimer() throws IOException {
        Path a = vault.resolve("a.md");
        Path b = vault.resolve("folder/b.md");
        writer.changed(a, "A");
        clock.advance(200);
        writer.changed(b, "B");
        clock.advance(100);
        assertThat(onDisk(a)).isEqualTo("A");
        assertThat(onDisk(b)).isNull();
        clock.advance(200);
        assertThat(onDisk(b)).isEqualTo("B");
    }

    @Test
    void theTextIsTakenWhenTheWriteIsDue() throws IOException {
        Path note = vault.resolve("note.md");
        AtomicInteger calls = new AtomicInteger();
        StringBuilder live = new StringBuilder("draft");
        writer.changed(note, () -> {
            calls.incrementAndGet();
            return live.toString();
        });
        live.append(", edited");
        clock.advance(300);
        assertThat(onDisk(note)).isEqualTo("draft, edited");
        assertThat(calls).hasValue(1);
    }

    @Test
    void closeWritesEverythingPendingAtOnce() throws IOException {
        Path a = vault.resolve("a.md");
        Path b = vault.resolve("b.md");
        writer.changed(a, "A");
        writer.changed(b, "B");
        writer.close();
        assertThat(onDisk(a)).isEqualTo("A");
        assertThat(onDisk(b)).isEqualTo("B");
        assertThatThrownBy(() -> writer.changed(a, "late")).isInstanceOf(IllegalStateException.class);
        clock.advance(5_000); // the timers still set go off and find nothing to do
        assertThat(onDisk(a)).isEqualTo("A");
    }

    @Test
    void skipsTheWriteWhenTheFileHoldsTheTextAlready() throws IOException {
        Path note = vault.resolve("note.md");
        Files.writeString(note, "same");
        Files.setLastModifiedTime(note, LONG_AGO);
        writer.changed(note, "same");
        clock.advance(300);
        assertThat(Files.getLastModifiedTime(note)).isEqualTo(LONG_AGO);
        assertThat(writer.isOwnWrite(note, "same")).isTrue();
    }

    @Test
    void leavesACrlfFileAloneUntilItsTextChanges() throws IOException {
        Path note = vault.resolve("windows.md");
        Files.write(note, "one\r\ntwo\r\n".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(note, LONG_AGO);
        writer.changed(note, "one\ntwo\n");
        clock.advance(300);
        assertThat(Files.getLastModifiedTime(note)).isEqualTo(LONG_AGO);

        writer.changed(note, "one\ntwo\nthree\n");
        clock.advance(300);
        assertThat(onDisk(note)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void tellsItsOwnWritesFromOtherPrograms() throws IOException {
        Path note = vault.resolve("note.md");
        writer.changed(note, "mine");
        clock.advance(300);
        assertThat(writer.isOwnWrite(note, MarkdownFiles.read(note))).isTrue();
        assertThat(writer.lastWrittenHash(note)).contains(DebouncedWriter.hashOf("mine"));
        assertThat(writer.isOwnWrite(vault.resolve("./note.md"), "mine")).isTrue();

        Files.writeString(note, "theirs"); // an editor saved over it
        assertThat(writer.isOwnWrite(note, MarkdownFiles.read(note))).isFalse();
        assertThat(writer.isOwnWrite(vault.resolve("other.md"), "mine")).isFalse();
        writer.forget(note);
        assertThat(writer.isOwnWrite(note, "mine")).isFalse();
    }

    @Test
    void asksWhetherItMayReplaceAFileJustBeforeTheRename() throws IOException {
        Path note = vault.resolve("note.md");
        Files.writeString(note, "theirs\n");
        List<String> asked = new ArrayList<>();
        List<String> written = new ArrayList<>();
        boolean[] allow = {false};
        DebouncedWriter asking = new DebouncedWriter(clock, DebouncedWriter.QUIET, DebouncedWriter.MAX_DELAY,
                (file, e) -> failures.add(e.getMessage()), (file, text) -> written.add(text), file -> {
                    // the new text is on disk already: an edit made before this question is seen by it
                    try (var files = Files.list(vault)) {
                        asked.add(files.map(f -> f.getFileName().toString()).sorted().toList().toString());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    return allow[0];
                });
        asking.changed(note, "ours\n");
        clock.advance(300);
        assertThat(asked).singleElement().asString().matches("\\[\\.note\\.md\\.[0-9a-f]+\\.tmp, note\\.md]");
        assertThat(onDisk(note)).isEqualTo("theirs\n");
        assertThat(written).isEmpty();
        assertThat(failures).isEmpty();
        try (var files = Files.list(vault)) {
            assertThat(files).containsExactly(note); // no temporary file left
        }

        allow[0] = true;
        asking.changed(note, "ours\n");
        clock.advance(300);
        assertThat(onDisk(note)).isEqualTo("ours\n");
        assertThat(written).containsExactly("ours\n");
    }

    @Test
    void neverWritesOverAFileThatIsNotUtf8() throws IOException {
        Path note = vault.resolve("latin1.md");
        byte[] latin1 = "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(note, latin1);
        writer.changed(note, "café");
        clock.advance(300);
        assertThat(Files.readAllBytes(note)).isEqualTo(latin1);
        assertThat(failures).singleElement().asString().contains("latin1.md: ").contains("not valid UTF-8");
        clock.advance(10_000);
        assertThat(failures).hasSize(1); // not retried
    }

    @Test
    void aFailedWriteIsReportedAndTriedAgainTwoSecondsLater() throws IOException {
        Path blocker = vault.resolve("folder");
        Files.writeString(blocker, "a file where the folder should be");
        Path note = vault.resolve("folder/note.md");
        writer.changed(note, "text");
        clock.advance(300);
        assertThat(failures).singleElement().asString().startsWith("folder/note.md: ");
        Files.delete(blocker);
        clock.advance(1_999);
        assertThat(onDisk(note)).isNull();
        clock.advance(1);
        assertThat(onDisk(note)).isEqualTo("text");
        assertThat(failures).hasSize(1);
    }

    @Test
    void delaysAreChecked() {
        assertThatThrownBy(() -> new DebouncedWriter(clock, Duration.ofSeconds(3), Duration.ofSeconds(2), (f, e) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsOnARealSingleThreadScheduler() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            DebouncedWriter real = new DebouncedWriter(DebouncedWriter.Scheduler.of(executor),
                    Duration.ofMillis(20), Duration.ofMillis(100), (f, e) -> failures.add(e.toString()));
            Path note = vault.resolve("real.md");
            real.changed(note, "first");
            eventually(() -> assertThat(onDisk(note)).isEqualTo("first"));
            real.changed(note, "second");
            real.close();
            assertThat(onDisk(note)).isEqualTo("second");
            assertThat(failures).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }
}
