package dev.weft.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkerTest {
    @TempDir
    Path dir;

    private static byte[] random(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private FileContent scan(byte[] data) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".bin");
        Files.write(file, data);
        return ContentScan.of(file);
    }

    @Test
    void chunksOfRandomDataAreBetweenTheLimitsAndAverageAboutOneMebibyte() throws Exception {
        byte[] data = random(1, 48 << 20);
        FileContent content = scan(data);
        List<ChunkRef> chunks = content.chunks();
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertThat(chunks.get(i).length()).isBetween(Chunker.MIN, Chunker.MAX);
        }
        long average = content.size() / chunks.size();
        assertThat(average).isBetween(700L * 1024, 1600L * 1024);
        assertThat(content.size()).isEqualTo(data.length);
        assertThat(content.sha256().hex())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }

    @Test
    void theSameBytesCutTheSameChunks() throws Exception {
        byte[] data = random(2, 9 << 20);
        assertThat(scan(data)).isEqualTo(scan(data.clone()));
    }

    @Test
    void anInsertInTheMiddleChangesOneOrTwoChunks() throws Exception {
        byte[] data = random(3, 32 << 20);
        byte[] edited = new byte[data.length + 100];
        int at = 17 << 20;
        System.arraycopy(data, 0, edited, 0, at);
        System.arraycopy(random(4, 100), 0, edited, at, 100);
        System.arraycopy(data, at, edited, at + 100, data.length - at);
        Set<ChunkRef> before = new HashSet<>(scan(data).chunks());
        List<ChunkRef> after = scan(edited).chunks();
        long changed = after.stream().filter(c -> !before.contains(c)).count();
        assertThat(changed).isBetween(1L, 2L);
        assertThat(after.size()).isBetween(before.size() - 1, before.size() + 1);
    }

    @Test
    void theSameBytesAtAnotherPlaceDedupe() throws Exception {
        byte[] data = random(5, 12 << 20);
        byte[] shifted = new byte[data.length + 4096];
        System.arraycopy(random(6, 4096), 0, shifted, 0, 4096);
        System.arraycopy(data, 0, shifted, 4096, data.length);
        Set<ChunkRef> before = new HashSet<>(scan(data).chunks());
        List<ChunkRef> after = scan(shifted).chunks();
        assertThat(after.stream().filter(before::contains).count()).isGreaterThanOrEqualTo(after.size() - 2L);
    }

    @Test
    void smallAndEmptyFilesAreOneChunkOrNone() throws Exception {
        assertThat(scan(new byte[0]).chunks()).isEmpty();
        assertThat(scan(new byte[0]).sha256().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(scan(random(7, 1000)).chunks()).hasSize(1);
        assertThat(scan(new byte[Chunker.MIN]).chunks()).hasSize(1);
    }

    @Test
    void bytesWithoutACutPointEndAtTheLargestChunk() throws Exception {
        FileContent zeros = scan(new byte[9 << 20]);
        assertThat(zeros.chunks()).extracting(ChunkRef::length)
                .containsExactly(Chunker.MAX, Chunker.MAX, 1 << 20);
        assertThat(new HashSet<>(zeros.chunks())).hasSize(2);
    }

    @Test
    void aCutNeedsTheLargestChunkOrTheEnd() {
        assertThatThrownBy(() -> Chunker.cut(new byte[Chunker.MIN], 0, Chunker.MIN, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Chunker.cut(new byte[10], 0, 10, true)).isEqualTo(10);
    }
}
