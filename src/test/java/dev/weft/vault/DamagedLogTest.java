package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged log on a vault with no server (issue 12 §2; the synced cases are
 * {@code DamagedLogSyncTest}): nothing to restore from, so the file is merged in on open, its
 * edits pending for when the device pairs.
 */
class DamagedLogTest {
    @TempDir
    Path dir;

    private UUID noteWithLines(Path folder) throws IOException {
        try (Vault v = TestVaults.open(folder)) {
            UUID id = v.create("n", "").id();
            NoteReplica r = v.replica(id);
            for (int i = 0; i < 20; i++) {
                r.insert(r.length(), "line " + i + "\n");
            }
            return id;
        }
    }

    private static String lines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append("line ").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void aByteFlippedInTheMiddleIsMergedBackFromTheFileOnOpen() throws IOException {
        UUID id = noteWithLines(dir);
        Path log = new VaultPaths(dir).latestOps(id);
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(log, bytes);
        TestVaults.Recorder heard = new TestVaults.Recorder();
        try (Vault v = TestVaults.open(dir)) {
            v.addListener(heard);
            assertThat(v.<String>withReplica(id, NoteReplica::text)).isEqualTo(lines());
            assertThat(v.withPendingOps()).containsExactly(id);
            assertThat(v.damagedNotes()).isEmpty();
        }
        assertThat(heard.heard).anyMatch(p -> p.startsWith("problem The record log of n was damaged"));
        assertThat(MarkdownFiles.read(dir.resolve("n.md"))).isEqualTo(lines());
        assertThat(dir.resolve(".weft/damaged")).isEmptyDirectory();
    }

    @Test
    void aDeletedLogKeepsTheNoteFromTheIndex() throws IOException {
        UUID id = noteWithLines(dir);
        Files.delete(new VaultPaths(dir).latestOps(id));
        try (Vault v = TestVaults.open(dir)) {
            assertThat(v.notes()).extracting(NoteInfo::id).containsExactly(id);
            assertThat(v.<String>withReplica(id, NoteReplica::text)).isEqualTo(lines());
            assertThat(v.<java.util.Optional<String>>withReplica(id, NoteReplica::name)).isEmpty();
        }
        assertThat(MarkdownFiles.read(dir.resolve("n.md"))).isEqualTo(lines());
    }
}
