package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files' index in the store (docs/store.md, "Files"): compare-and-set, names, references, pruning, the list. */
class FileIndexTest {
    @TempDir
    Path dir;

    @Test
    void referencesCountVersionsAndPruningReportsTheChunksNoVersionKeeps() {
        try (Store store = Store.open(dir)) {
            Set<String> held = new HashSet<>(List.of("a", "b", "c"));
            FileCommitResult.Committed one = committed(store, version("p", hash("a"), hash("a"), hash("b")), 0, 1, held);
            assertThat(store.fileStats()).isEqualTo(new FileStats(1, 1, 2, 20)); // a repeated chunk is one chunk
            FileCommitResult.Committed two = committed(store, version("p", hash("b"), hash("c")), one.version().version(), 1, held);
            assertThat(two.unreferenced()).extracting(FileIndexTest::name).containsExactly("a");
            assertThat(store.chunkReferenced(hash("a"))).isFalse();
            assertThat(store.chunkReferenced(hash("b"))).isTrue();
            assertThat(store.fileVersions("p")).extracting(FileVersion::version).containsExactly(two.version().version());
        }
    }

    @Test
    void aStaleBaseOrAHeldNameIsAConflictAndMissingChunksChangeNothing() {
        try (Store store = Store.open(dir)) {
            Set<String> held = new HashSet<>(List.of("a"));
            long v1 = committed(store, version("Img.png", hash("a")), 0, 10, held).version().version();
            assertThat(commit(store, version("Img.png", hash("a")), 0, 10, held))
                    .isInstanceOf(FileCommitResult.Conflict.class);
            FileCommitResult clash = commit(store, version("img.PNG", hash("a")), 0, 10, held);
            assertThat(((FileCommitResult.Conflict) clash).current().path()).isEqualTo("Img.png");
            FileCommitResult missing = commit(store, version("Img.png", hash("a"), hash("z")), v1, 10, held);
            assertThat(((FileCommitResult.Missing) missing).hashes()).extracting(FileIndexTest::name).containsExactly("z");
            assertThat(store.fileVersions("Img.png")).hasSize(1);
            // a delete frees the name; the list has each path once, at its newest version
            long deleted = committed(store, new FileVersion(0, "Img.png", true, 0, new byte[32], 0, "laptop", new byte[0]),
                    v1, 10, held).version().version();
            long other = committed(store, version("img.PNG", hash("a")), 0, 10, held).version().version();
            assertThat(store.filesChangedSince(0, 10, Long.MAX_VALUE, v -> 1)).extracting(FileVersion::version)
                    .containsExactly(deleted, other);
            assertThat(store.filesChangedSince(deleted, 10, Long.MAX_VALUE, v -> 1)).extracting(FileVersion::path)
                    .containsExactly("img.PNG");
            assertThat(store.filesChangedSince(0, 10, 0, v -> 1)).hasSize(1); // full after the entry past the budget
            assertThat(store.fileStats()).isEqualTo(new FileStats(1, 3, 1, 10));
        }
    }

    private static FileCommitResult commit(Store store, FileVersion v, long base, int keep, Set<String> held) {
        return store.write(batch -> batch.commitFile(v, base, keep, hash -> held.contains(name(hash))));
    }

    private static FileCommitResult.Committed committed(Store store, FileVersion v, long base, int keep, Set<String> held) {
        return (FileCommitResult.Committed) commit(store, v, base, keep, held);
    }

    /** A version of chunks of 10 bytes each. */
    private static FileVersion version(String path, byte[]... hashes) {
        ByteBuffer chunks = ByteBuffer.allocate(hashes.length * FileVersion.CHUNK_BYTES);
        for (byte[] h : hashes) {
            chunks.put(h).putInt(10);
        }
        return new FileVersion(0, path, false, 10L * hashes.length, new byte[32], 1, "laptop", chunks.array());
    }

    /** A stand-in hash named by one letter. */
    private static byte[] hash(String letter) {
        byte[] h = new byte[32];
        h[0] = (byte) letter.charAt(0);
        return h;
    }

    private static String name(byte[] hash) {
        return String.valueOf((char) hash[0]);
    }
}
