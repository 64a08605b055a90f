package dev.weft.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {
    @TempDir
    Path weft;

    private static FileContent content(int seed) {
        ChunkRef a = new ChunkRef(new ChunkRef.Hash(String.format("%064x", seed)), 1000);
        ChunkRef b = new ChunkRef(new ChunkRef.Hash(String.format("%064x", seed + 1)), 24);
        return new FileContent(1024, new ChunkRef.Hash(String.format("%064x", seed + 2)), List.of(a, b));
    }

    @Test
    void whatIsSavedIsReadBack() throws IOException {
        FileIndex index = FileIndex.open(weft);
        assertThat(index.entries()).isEmpty();
        index.put("img/a.png", new FileIndex.Entry(7, false, 1024, 1_700_000_000_000L, content(1)));
        index.put("gone.pdf", new FileIndex.Entry(9, true, -1, -1, new FileContent(0, ContentScan.EMPTY, List.of())));
        index.put("ünïcödé/名前.bin", new FileIndex.Entry(3, false, 1024, 5, content(5)));
        index.listedThrough(42);
        index.save();
        FileIndex again = FileIndex.open(weft);
        assertThat(again.entries()).isEqualTo(index.entries());
        assertThat(again.listedThrough()).isEqualTo(42);
        assertThat(Files.list(weft).map(p -> p.getFileName().toString()).toList()).containsExactly("files.idx");
    }

    @Test
    void aDamagedIndexIsReportedNotGuessedAt() throws IOException {
        FileIndex index = FileIndex.open(weft);
        index.put("a.bin", new FileIndex.Entry(7, false, 1024, 1, content(1)));
        index.save();
        Path file = weft.resolve(FileIndex.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> FileIndex.open(weft)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
        Files.write(file, new byte[] {1, 2});
        assertThatThrownBy(() -> FileIndex.open(weft)).hasMessageContaining("too short");
    }

    @Test
    void anUnchangedFileIsKnownBySizeAndTime() {
        FileIndex.Entry e = new FileIndex.Entry(7, false, 1024, 99, content(1));
        assertThat(e.matches(new VaultFiles.Seen("a", 1024, 99))).isTrue();
        assertThat(e.matches(new VaultFiles.Seen("a", 1024, 100))).isFalse();
        assertThat(e.matches(new VaultFiles.Seen("a", 1023, 99))).isFalse();
    }

    @Test
    void aPartialFileKeepsItsWholeChunks() {
        FileContent c = content(1);
        assertThat(FileRound.keptPrefix(0, c)).isZero();
        assertThat(FileRound.keptPrefix(999, c)).isZero();
        assertThat(FileRound.keptPrefix(1000, c)).isEqualTo(1000);
        assertThat(FileRound.keptPrefix(1023, c)).isEqualTo(1000);
        assertThat(FileRound.keptPrefix(5000, c)).isEqualTo(1024);
    }

    @Test
    void conflictNames() {
        long when = java.time.LocalDateTime.of(2026, 12, 8, 9, 5).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(ConflictName.of("Travel/img.png", "laptop", when, ZoneOffset.UTC, p -> false))
                .isEqualTo("Travel/img (conflict laptop 2026-12-08 0905).png");
        assertThat(ConflictName.of("Makefile", "a/b", when, ZoneOffset.UTC, p -> false))
                .isEqualTo("Makefile (conflict a_b 2026-12-08 0905)");
        assertThat(ConflictName.of("x.tar.gz", "pc", when, ZoneOffset.UTC,
                Set.of("x.tar (conflict pc 2026-12-08 0905).gz")::contains))
                .isEqualTo("x.tar (conflict pc 2026-12-08 0905 2).gz");
        assertThat(ConflictName.of("dir.v2/README", "pc", when, ZoneOffset.UTC, p -> false))
                .isEqualTo("dir.v2/README (conflict pc 2026-12-08 0905)");
    }

    @Test
    void whichFilesSync() {
        IgnoreRules ignore = IgnoreRules.parse("*.tmp\n");
        assertThat(VaultFiles.synced("img/a.png", ignore)).isTrue();
        assertThat(VaultFiles.synced("Note.md", ignore)).isFalse();
        assertThat(VaultFiles.synced("a.tmp", ignore)).isFalse();
        assertThat(VaultFiles.synced(".git/config", ignore)).isFalse();
        assertThat(VaultFiles.synced("a/.hidden.png", ignore)).isFalse();
        assertThat(VaultFiles.synced("con.png", ignore)).isFalse();
        assertThat(VaultFiles.synced("a:b.png", ignore)).isFalse();
    }

    @Test
    void theScanLeavesOutNotesDotFoldersAndIgnoredFiles() throws IOException {
        Path vault = weft.resolve("v");
        Files.createDirectories(vault.resolve(".weft"));
        Files.createDirectories(vault.resolve(".obsidian"));
        Files.createDirectories(vault.resolve("raw/deep"));
        Files.createDirectories(vault.resolve("img"));
        Files.writeString(vault.resolve(".weft/files.idx"), "x");
        Files.writeString(vault.resolve(".obsidian/app.json"), "x");
        Files.writeString(vault.resolve("Note.md"), "x");
        Files.writeString(vault.resolve("raw/deep/a.tif"), "x");
        Files.writeString(vault.resolve("img/a.png"), "xy");
        Files.writeString(vault.resolve("img/b.tmp"), "x");
        Files.writeString(vault.resolve(IgnoreRules.FILE), "raw/\n*.tmp\n");
        assertThat(VaultFiles.scan(vault, VaultFiles.ignoreRules(vault)).keySet()).containsExactly("img/a.png");
        assertThat(VaultFiles.scan(vault, IgnoreRules.NONE).keySet())
                .containsExactly("img/a.png", "img/b.tmp", "raw/deep/a.tif");
    }
}
