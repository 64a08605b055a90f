package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place a note's file is stamped (import, merge of another program's edit, our own write): a
 * write the stamp cannot tell from what Weft knew (landing after the read, or within the same tick
 * of the file's time) is still taken in by the next open, which trusts stamps (issue 11 §5).
 */
class StampRaceTest {
    private static final long LONG_AGO = 1_000_000_000_000L;

    @TempDir
    Path dir;

    private static String text(Vault vault, String name) throws IOException {
        NoteInfo note = vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        return vault.withReplica(note.id(), NoteReplica::text);
    }

    /** Another program writes {@code text}, within the same tick as the file's last write: size and time stay. */
    private static void rewriteWithinTheTick(Path file, String text) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        assertThat(Files.size(file)).isEqualTo(text.length());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void anEditLandingAfterANewFileWasReadIsTakenInByTheNextOpen() throws IOException {
        Path file = dir.resolve("new.md");
        Files.writeString(file, "first\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO));
        AtomicBoolean edited = new AtomicBoolean();
        VaultOptions fast = TestVaults.fast();
        // the import opens the note's replica after it read the file: another program appends then
        VaultOptions options = fast.withReplicaOptions(site -> {
            if (edited.compareAndSet(false, true)) {
                try {
                    Files.writeString(file, "second\n", StandardOpenOption.APPEND);
                    Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO + 1_000)); // a time to trust
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return fast.replicaOptions().apply(site);
        });
        try (Vault vault = Vault.open(dir, options)) {
            assertThat(text(vault, "new")).isEqualTo("first\n");
        }
        assertThat(edited).isTrue();
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(text(vault, "new")).isEqualTo("first\nsecond\n");
        }
    }

    @Test
    void aFileImportedWithARecentTimeIsComparedByTheNextOpen() throws IOException {
        Path file = dir.resolve("new.md");
        Files.writeString(file, "abc\n");
        TestVaults.open(dir).close();
        rewriteWithinTheTick(file, "abd\n");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(text(vault, "new")).isEqualTo("abd\n");
        }
    }

    @Test
    void aFileMergedWithARecentTimeIsComparedByTheNextOpen() throws IOException {
        Path file = dir.resolve("note.md");
        Files.writeString(file, "abc\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO));
        TestVaults.open(dir).close();
        Files.writeString(file, "abcd\n"); // merged by the next open
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(text(vault, "note")).isEqualTo("abcd\n");
        }
        rewriteWithinTheTick(file, "abce\n");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(text(vault, "note")).isEqualTo("abce\n");
        }
    }

    @Test
    void anotherProgramsWriteRightAfterOursIsNotTakenForOurs() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            vault.create("note", "ours\n");
            vault.flush();
        }
        rewriteWithinTheTick(dir.resolve("note.md"), "them\n");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(text(vault, "note")).isEqualTo("them\n");
        }
    }
}
