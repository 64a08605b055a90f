package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.weft.testing.Eventually;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamping rule: a stamp from before the read, and none when the file's time is too recent to trust. */
class FileStampTest {
    /** The moment stamps are taken: a minute ahead, so the files' change times (now) are not in doubt. */
    private static final long NOW = System.currentTimeMillis() + 60_000;

    @TempDir
    Path dir;

    private Path file(String text, long mtime) throws IOException {
        Path file = dir.resolve("note.md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        return file;
    }

    private static FileStamp.Attributes attrs(Path file) throws IOException {
        return FileStamp.Attributes.of(file);
    }

    private static long change(Path file) throws IOException {
        return attrs(file).change();
    }

    @Test
    void aTimeOlderThanTheDoubtIsTrusted() throws IOException {
        Path file = file("abc\n", NOW - FileStamp.DOUBT_MILLIS - 1);
        FileStamp stamp = FileStamp.of(attrs(file), NOW);
        assertThat(stamp).isEqualTo(new FileStamp(4, NOW - FileStamp.DOUBT_MILLIS - 1, change(file)));
        assertThat(stamp.matches(attrs(file))).isTrue();
    }

    @Test
    void aTimeWithinTheDoubtOrAheadOfTheClockIsNoStamp() throws IOException {
        for (long mtime : new long[] {NOW - FileStamp.DOUBT_MILLIS, NOW - 1, NOW, NOW + 60_000}) {
            Path file = file("abc\n", mtime);
            assertThat(FileStamp.of(attrs(file), NOW)).as("mtime %d", mtime).isEqualTo(FileStamp.UNKNOWN);
        }
    }

    @Test
    void noStampMatchesAnyFile() throws IOException {
        Path file = file("", NOW);
        assertThat(FileStamp.UNKNOWN.matches(attrs(file))).isFalse();
        assertThat(new NoteState(UUID.randomUUID()).stamp()).isEqualTo(FileStamp.UNKNOWN);
    }

    @Test
    void aChangedSizeOrTimeDoesNotMatch() throws IOException {
        Path file = file("abc\n", NOW - 10_000);
        FileStamp stamp = FileStamp.of(attrs(file), NOW);
        Files.writeString(file, "abd\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 9_999));
        assertThat(stamp.matches(attrs(file))).as("same size, later time").isFalse();
        Files.writeString(file, "abcd\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 10_000));
        assertThat(stamp.matches(attrs(file))).as("same time, other size").isFalse();
    }

    /** Issue 12 §6: {@code cp -p}, {@code rsync -t}, {@code tar x} keep the size and put the time back. */
    @Test
    void anEditThatKeepsTheSizeAndPutsTheTimeBackDoesNotMatch() throws IOException {
        Path file = file("abc\n", NOW - 10_000);
        FileStamp stamp = FileStamp.of(attrs(file), NOW);
        assertThat(stamp.matches(attrs(file))).isTrue();
        Eventually.eventually(() -> { // until the file system's clock ticks (a few ms): the stamp is older
            Files.writeString(file, "abd\n");
            Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 10_000));
            assertThat(change(file)).isNotEqualTo(stamp.change());
        });
        assertThat(attrs(file).size()).isEqualTo(stamp.size());
        assertThat(attrs(file).mtime()).isEqualTo(stamp.mtime());
        assertThat(stamp.matches(attrs(file))).as("same size and time, changed since").isFalse();
    }

    @Test
    void aReadOfAnOldFileIsStampedWithItsSizeAndTime() throws IOException {
        Path file = file("abc\n", NOW - 10_000);
        assertThat(FileStamp.read(file, () -> NOW))
                .isEqualTo(new FileStamp.Read("abc\n", new FileStamp(4, NOW - 10_000, change(file))));
    }

    @Test
    void aReadOfAFreshFileHasNoStamp() throws IOException {
        Path file = file("abc\n", System.currentTimeMillis());
        FileStamp.Read read = FileStamp.read(file, System::currentTimeMillis);
        assertThat(read).isEqualTo(new FileStamp.Read("abc\n", FileStamp.UNKNOWN));
    }

    @Test
    void theIndexKeepsStampsAndDropsThoseWrittenBeforeTheRule() throws IOException {
        Path index = dir.resolve("index");
        UUID id = new UUID(0x4000L, 1);
        IndexFile.Entry entry = new IndexFile.Entry(id, "n", false, null, false, 7, 30, "n", true, 4, NOW,
                NOW * 1_000_000 + 7, "-hash-");
        IndexFile.Entry unknown = new IndexFile.Entry(new UUID(0x4000L, 2), "m", false, null, false, 7, 30, "m", true,
                -1, -1, -1, null);
        IndexFile.write(index, List.of(entry, unknown));
        assertThat(IndexFile.read(index)).containsExactly(entry, unknown);

        // indexes of older Weft: no flag s (the stamp may have been taken after the read), or no
        // change time (a stamp an edit that set the modification time back passes)
        for (String flags : new String[] {"w", "ws"}) {
            String body = "weft-index 1\n" + id + "\t" + flags + "\t7\t30\t4\t" + NOW + "\t-hash-\tn\tn\n";
            CRC32C crc = new CRC32C();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            Files.writeString(index, body + "end " + Long.toHexString(crc.getValue()) + "\n");
            assertThat(IndexFile.read(index)).singleElement().satisfies(e -> {
                assertThat(new FileStamp(e.fileSize(), e.fileMtime(), e.fileChange())).isEqualTo(FileStamp.UNKNOWN);
                assertThat(e.baseHash()).isEqualTo("-hash-");
                assertThat(e.name()).isEqualTo("n");
            });
        }
    }
}
