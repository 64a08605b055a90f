package dev.weft.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's round against the §11 rules in memory ({@link MemoryFilesServer}), two devices:
 * what moves, what is counted, what a conflict, a delete and a stop leave. FileSyncTest does the
 * same through the real server.
 */
class FileRoundTest {
    @TempDir
    Path dir;
    MemoryFilesServer server;
    Path a;
    Path b;
    FileSync syncA;
    FileSync syncB;
    static final FileSyncListener QUIET = new FileSyncListener() {
    };

    @BeforeEach
    void start() throws Exception {
        server = new MemoryFilesServer();
        a = Files.createDirectories(dir.resolve("a"));
        b = Files.createDirectories(dir.resolve("b"));
        syncA = server.device(a, "a");
        syncB = server.device(b, "b");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] random(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static Path write(Path vault, String path, byte[] bytes) throws Exception {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** SHA-256 of every file outside dot folders, by path. */
    static Map<String, String> files(Path vault) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(vault)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                String path = vault.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && !path.startsWith(".") && !path.contains("/.")) {
                    hashes.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(f))));
                }
            }
        }
        return hashes;
    }

    @Test
    void filesArriveByteIdenticalAndNotesDotFoldersAndIgnoredOnesStay() throws Exception {
        write(a, "img/x.png", random(1, 3_000_000));
        write(a, "y.bin", random(2, 9_000_000));
        write(a, "empty.txt", new byte[0]);
        write(a, "Note.md", new byte[] {'x'});
        write(a, ".obsidian/app.json", new byte[] {'x'});
        write(a, ".weftignore", "*.tmp\n".getBytes());
        write(a, "draft.tmp", new byte[] {'x'});
        FileSync.Result up = syncA.round(false, QUIET);
        assertThat(up.sent()).isEqualTo(3);
        assertThat(up.bytesSent()).isEqualTo(12_000_000);
        FileSync.Result down = syncB.round(false, QUIET);
        assertThat(down.fetched()).isEqualTo(3);
        assertThat(files(b)).containsOnlyKeys("img/x.png", "y.bin", "empty.txt");
        Map<String, String> sent = files(a);
        sent.keySet().retainAll(files(b).keySet());
        assertThat(files(b)).isEqualTo(sent);
        assertThat(syncB.round(false, QUIET).fetched()).isZero();
        assertThat(syncA.round(false, QUIET).sent()).isZero();
        try (Stream<Path> partial = Files.list(b.resolve(".weft/files/partial"))) {
            assertThat(partial).isEmpty();
        }
    }

    @Test
    void aRenameSendsAndFetchesNoContent() throws Exception {
        write(a, "video.bin", random(3, 9_000_000));
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        int puts = server.puts;
        int gets = server.gets;
        Files.move(a.resolve("video.bin"), write(a, "moved/x", new byte[0]).resolveSibling("video.bin"));
        Files.delete(a.resolve("moved/x"));
        FileSync.Result renamed = syncA.round(false, QUIET);
        assertThat(renamed.sent()).isEqualTo(1);
        assertThat(renamed.deleted()).isEqualTo(1);
        assertThat(renamed.bytesSent()).isZero();
        FileSync.Result moved = syncB.round(false, QUIET);
        assertThat(moved.bytesFetched()).isZero();
        assertThat(server.puts).isEqualTo(puts);
        assertThat(server.gets).isEqualTo(gets);
        assertThat(files(b)).isEqualTo(files(a)).containsOnlyKeys("moved/video.bin");
        assertThat(new FileTrash(b).list()).extracting(FileTrash.Trashed::path).containsExactly("video.bin");
    }

    static FileSyncListener stopAfter(MemoryFilesServer server, int chunks, boolean sending) {
        return new FileSyncListener() {
            @Override
            public void progress(FileProgress progress) {
                if ((sending ? server.puts : server.gets) >= chunks) {
                    throw new IllegalStateException("stopped");
                }
            }
        };
    }

    @Test
    void aStoppedUploadSendsOnlyTheMissingChunksAfter() throws Exception {
        write(a, "big.bin", random(4, 20 << 20));
        assertThatThrownBy(() -> syncA.round(false, stopAfter(server, 5, true))).hasMessage("stopped");
        assertThat(server.puts).isBetween(5, 5 + FileRound.IN_FLIGHT);
        assertThat(syncA.round(false, QUIET).sent()).isEqualTo(1);
        assertThat(server.puts).isEqualTo(server.chunks.size()); // no chunk went twice
        syncB.round(false, QUIET);
        assertThat(files(b)).isEqualTo(files(a));
    }

    @Test
    void aStoppedDownloadFetchesOnlyTheMissingChunksAfter() throws Exception {
        write(a, "big.bin", random(5, 20 << 20));
        syncA.round(false, QUIET);
        assertThatThrownBy(() -> syncB.round(false, new FileSyncListener() {
            @Override
            public void progress(FileProgress progress) {
                if (syncB.chunksFetched() >= 6) {
                    throw new IllegalStateException("stopped");
                }
            }
        })).hasMessage("stopped");
        assertThat(Files.exists(b.resolve("big.bin"))).isFalse(); // never a partial file under its name
        assertThat(syncB.chunksFetched()).isEqualTo(6);
        syncB.round(false, QUIET);
        assertThat(syncB.chunksFetched()).isEqualTo(server.chunks.size());
        assertThat(files(b)).isEqualTo(files(a));
    }

    @Test
    void editsOnBothSidesKeepBothFiles() throws Exception {
        write(a, "photo.jpg", random(6, 300_000));
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(write(a, "photo.jpg", random(7, 300_000)), FileTime.fromMillis(now - 120_000));
        Files.setLastModifiedTime(write(b, "photo.jpg", random(8, 300_000)), FileTime.fromMillis(now));
        String fromA = files(a).get("photo.jpg");
        String fromB = files(b).get("photo.jpg");
        syncA.round(false, QUIET);
        FileSync.Result met = syncB.round(false, QUIET);
        assertThat(met.conflicts()).isEqualTo(1);
        assertThat(met.problems()).singleElement().asString().contains("changed here and on a");
        syncA.round(false, QUIET);
        assertThat(files(a)).isEqualTo(files(b)).hasSize(2).containsEntry("photo.jpg", fromB).containsValue(fromA);
        assertThat(files(a).keySet()).anyMatch(p -> p.matches("photo \\(conflict a \\d{4}-\\d\\d-\\d\\d \\d{4}\\)\\.jpg"));
    }

    @Test
    void aLocalEditOfAFileFetchedMeanwhileIsNeverOverwritten() throws Exception {
        write(a, "doc.pdf", random(9, 1000));
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        Files.setLastModifiedTime(write(a, "doc.pdf", random(10, 1000)), FileTime.fromMillis(1_000_000_000_000L));
        syncA.round(false, QUIET);
        write(b, "doc.pdf", random(11, 1000)); // b's edit, the later
        String mine = files(b).get("doc.pdf");
        syncB.round(false, QUIET);
        assertThat(files(b)).containsEntry("doc.pdf", mine).hasSize(2);
    }

    @Test
    void aDeleteGoesToTheOtherDevicesTrashAndComesBackFromIt() throws Exception {
        write(a, "keep.png", random(12, 1000));
        write(a, "old.pdf", random(13, 1000));
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        Files.delete(a.resolve("old.pdf"));
        assertThat(syncA.round(false, QUIET).deleted()).isEqualTo(1);
        assertThat(syncB.round(false, QUIET).trashed()).isEqualTo(1);
        assertThat(files(b)).containsOnlyKeys("keep.png");
        FileTrash trash = new FileTrash(b);
        List<FileTrash.Trashed> trashed = trash.list();
        assertThat(trashed).extracting(FileTrash.Trashed::path).containsExactly("old.pdf");
        trash.restore(trashed.get(0));
        assertThat(syncB.round(false, QUIET).sent()).isEqualTo(1);
        syncA.round(false, QUIET);
        assertThat(files(a)).isEqualTo(files(b)).containsOnlyKeys("keep.png", "old.pdf");
    }

    @Test
    void anEditWinsOverADelete() throws Exception {
        write(a, "x.bin", random(14, 1000));
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        Files.delete(a.resolve("x.bin"));
        syncA.round(false, QUIET);
        write(b, "x.bin", random(15, 1000));
        String edit = files(b).get("x.bin");
        syncB.round(false, QUIET);
        syncA.round(false, QUIET);
        assertThat(files(a)).containsEntry("x.bin", edit);
        assertThat(files(b)).containsEntry("x.bin", edit);
    }

    @Test
    void aMassDeleteIsHeldBackUntilAllowed() throws Exception {
        for (int i = 0; i < 30; i++) {
            write(a, "f/" + i + ".bin", random(100 + i, 1000));
        }
        syncA.round(false, QUIET);
        syncB.round(false, QUIET);
        for (int i = 0; i < 25; i++) {
            Files.delete(a.resolve("f/" + i + ".bin"));
        }
        FileSync.Result held = syncA.round(false, QUIET);
        assertThat(held.heldDeletes()).isEqualTo(25);
        assertThat(held.problems()).singleElement().asString().contains("--allow-deletes");
        syncB.round(false, QUIET);
        assertThat(files(b)).hasSize(30);
        assertThat(syncA.round(true, QUIET).deleted()).isEqualTo(25);
        syncB.round(false, QUIET);
        assertThat(files(b)).hasSize(5);
    }

    @Test
    void aFileOverTheServersLimitStaysHereWithItsMessageAndTheRestSyncs() throws Exception {
        server.limit = 100_000;
        write(a, "huge.iso", random(16, 200_000));
        write(a, "small.png", random(17, 1000));
        FileSync.Result r = syncA.round(false, QUIET);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString()
                .contains("huge.iso is 200000 bytes, over this server's limit of 100000 bytes");
        syncB.round(false, QUIET);
        assertThat(files(b)).containsOnlyKeys("small.png");
    }

    @Test
    void progressCountsFilesAndBytes() throws Exception {
        write(a, "one.bin", random(18, 2_000_000));
        write(a, "two.bin", random(19, 1_000_000));
        List<FileProgress> seen = new java.util.ArrayList<>();
        syncA.round(false, new FileSyncListener() {
            @Override
            public void progress(FileProgress progress) {
                seen.add(progress);
            }
        });
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new FileProgress(2, 2, 3_000_000, 3_000_000));
        assertThat(seen).extracting(FileProgress::bytesDone).isSorted();
    }
}
