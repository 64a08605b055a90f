package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.files.FileProgress;
import dev.weft.client.files.FileSync;
import dev.weft.client.files.FileSyncListener;
import dev.weft.client.files.FileTrash;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The device side of file sync (docs/files.md) through a real server and two real devices: content
 * arrives byte-identical, a rename sends no content, a stopped transfer resumes with only what is
 * missing, both sides of a conflict are kept, a delete goes to the other device's trash and back.
 */
class FileSyncTest extends LiveServerTest {
    final class Device {
        final String name;
        final Path folder;
        final Vault vault;
        final SyncClient client;
        final List<String> problems = new ArrayList<>();

        Device(String name) throws Exception {
            this.name = name;
            this.folder = dir.resolve(name);
            vault = Vault.open(folder, VaultOptions.defaults());
            client = new SyncClient(vault, SyncOptions.defaults());
            client.pair(server.pairingLink(), name);
            open.add(() -> {
                client.close();
                vault.close();
            });
        }

        FileSync.Result sync() throws Exception {
            return sync(new FileSyncListener() {
            });
        }

        FileSync.Result sync(FileSyncListener listener) throws Exception {
            client.syncOnce(PATIENCE);
            assertThat(client.speaksFiles()).isTrue();
            FileSync.Result result = client.files().round(false, listener);
            problems.addAll(result.problems());
            return result;
        }

        Path write(String path, byte[] bytes) throws Exception {
            Path file = folder.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        }

        /** SHA-256 of every file but notes and what is under a dot folder, by path. */
        Map<String, String> files() throws Exception {
            Map<String, String> hashes = new TreeMap<>();
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path f : (Iterable<Path>) all::iterator) {
                    String path = folder.relativize(f).toString().replace('\\', '/');
                    if (Files.isRegularFile(f) && !path.startsWith(".") && !path.contains("/.")
                            && !path.endsWith(".md")) {
                        hashes.put(path, sha(Files.readAllBytes(f)));
                    }
                }
            }
            return hashes;
        }
    }

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] random(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, x * 4 << 16 | y * 5 << 8 | (x ^ y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void imagesDocumentsAndBigFilesArriveByteIdenticalAndIgnoredOnesStay() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("Travel/img.png", png());
        a.write("Travel/Trip.md", "![](img.png)\n".getBytes(StandardCharsets.UTF_8)); // a note: not a file
        a.write("docs/paper.pdf", pdf());
        a.write("big.bin", random(1, 50 << 20));
        a.write("empty.txt", new byte[0]);
        a.write(".weftignore", "*.tmp\n/private/\n".getBytes(StandardCharsets.UTF_8));
        a.write("scratch.tmp", random(2, 100));
        a.write("private/diary.jpg", random(3, 100));
        a.write(".obsidian/workspace.json", random(4, 100));
        FileSync.Result sent = a.sync();
        assertThat(sent.sent()).isEqualTo(4);
        assertThat(sent.bytesSent()).isGreaterThanOrEqualTo(50L << 20);

        FileSync.Result fetched = b.sync();
        assertThat(fetched.fetched()).isEqualTo(4);
        Map<String, String> expected = new TreeMap<>(a.files());
        expected.keySet().removeIf(p -> p.endsWith(".tmp") || p.startsWith("private/"));
        assertThat(b.files()).isEqualTo(expected).containsKeys("Travel/img.png", "docs/paper.pdf", "big.bin",
                "empty.txt");
        assertThat(b.sync().fetched()).isZero();
        assertThat(a.sync().sent()).isZero();
        assertThat(a.problems).isEmpty();
        assertThat(b.problems).isEmpty();
    }

    @Test
    void aRenameSendsNoContentAndFetchesNone() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("video.bin", random(5, 12 << 20));
        a.sync();
        b.sync();
        long putsBefore = a.client.files().chunksSent();
        Files.createDirectories(a.folder.resolve("moved"));
        Files.move(a.folder.resolve("video.bin"), a.folder.resolve("moved/video.bin"));
        FileSync.Result renamed = a.sync();
        assertThat(renamed.bytesSent()).isZero();
        assertThat(a.client.files().chunksSent()).isEqualTo(putsBefore);
        assertThat(renamed.sent()).isEqualTo(1);
        assertThat(renamed.deleted()).isEqualTo(1);

        long getsBefore = b.client.files().chunksFetched();
        FileSync.Result moved = b.sync();
        assertThat(moved.bytesFetched()).isZero();
        assertThat(b.client.files().chunksFetched()).isEqualTo(getsBefore);
        assertThat(b.files()).isEqualTo(a.files()).containsOnlyKeys("moved/video.bin");
    }

    /** A listener that stops the round (as a kill would) once {@code after} chunks moved. */
    static FileSyncListener stopAfter(SyncClient client, long after, boolean sending) {
        return new FileSyncListener() {
            @Override
            public void progress(FileProgress progress) {
                long moved = sending ? client.files().chunksSent() : client.files().chunksFetched();
                if (moved >= after) {
                    throw new IllegalStateException("stopped");
                }
            }
        };
    }

    @Test
    void aStoppedUploadResumesWithTheMissingChunksOnly() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("big.bin", random(6, 20 << 20));
        assertThatThrownBy(() -> a.sync(stopAfter(a.client, 5, true))).hasMessage("stopped");
        long first = a.client.files().chunksSent();
        assertThat(first).isBetween(5L, 5L + 3); // those under way when it stopped end too
        FileSync.Result rest = a.sync();
        assertThat(rest.sent()).isEqualTo(1);
        long all = a.client.files().chunksSent();
        b.sync();
        assertThat(b.files()).isEqualTo(a.files());
        long chunks = b.client.files().chunksFetched();
        assertThat(all).isEqualTo(chunks); // every chunk went up once: those of the stopped round were kept
    }

    @Test
    void aStoppedDownloadResumesWithTheMissingChunksOnly() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("big.bin", random(7, 20 << 20));
        a.sync();
        long chunks = a.client.files().chunksSent();
        assertThatThrownBy(() -> b.sync(stopAfter(b.client, 6, false))).hasMessage("stopped");
        assertThat(Files.exists(b.folder.resolve("big.bin"))).isFalse(); // never a partial file under its name
        assertThat(b.client.files().chunksFetched()).isEqualTo(6);
        b.sync();
        assertThat(b.client.files().chunksFetched()).isEqualTo(chunks);
        assertThat(b.files()).isEqualTo(a.files());
        try (Stream<Path> partial = Files.list(b.folder.resolve(".weft/files/partial"))) {
            assertThat(partial).isEmpty();
        }
    }

    @Test
    void editsOnBothSidesKeepBothFiles() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("photo.jpg", random(8, 300_000));
        a.sync();
        b.sync();
        long now = System.currentTimeMillis();
        Path onA = a.write("photo.jpg", random(9, 300_000));
        Files.setLastModifiedTime(onA, FileTime.fromMillis(now - 60_000));
        Path onB = b.write("photo.jpg", random(10, 300_000));
        Files.setLastModifiedTime(onB, FileTime.fromMillis(now)); // b's is the later
        String aHash = sha(Files.readAllBytes(onA));
        String bHash = sha(Files.readAllBytes(onB));
        a.sync();
        FileSync.Result met = b.sync();
        assertThat(met.conflicts()).isEqualTo(1);
        a.sync();
        b.sync();
        assertThat(a.files()).isEqualTo(b.files()).hasSize(2).containsEntry("photo.jpg", bHash).containsValue(aHash);
        String aside = a.files().keySet().stream().filter(p -> !p.equals("photo.jpg")).findFirst().orElseThrow();
        assertThat(aside).startsWith("photo (conflict a ").endsWith(").jpg");
    }

    @Test
    void aDeleteGoesToTheOtherDevicesTrashAndBack() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("keep.png", png());
        a.write("old.pdf", pdf());
        a.sync();
        b.sync();
        Files.delete(a.folder.resolve("old.pdf"));
        assertThat(a.sync().deleted()).isEqualTo(1);
        FileSync.Result gone = b.sync();
        assertThat(gone.trashed()).isEqualTo(1);
        assertThat(b.files()).containsOnlyKeys("keep.png");
        FileTrash trash = new FileTrash(b.folder);
        List<FileTrash.Trashed> trashed = trash.list();
        assertThat(trashed).extracting(FileTrash.Trashed::path).containsExactly("old.pdf");
        trash.restore(trashed.get(0));
        assertThat(b.sync().sent()).isEqualTo(1);
        a.sync();
        assertThat(a.files()).isEqualTo(b.files()).containsKeys("keep.png", "old.pdf");
        assertThat(Files.readAllBytes(a.folder.resolve("old.pdf"))).isEqualTo(pdf());
    }

    @Test
    void aMassDeleteOfFilesIsHeldBack() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        for (int i = 0; i < 30; i++) {
            a.write("f/" + i + ".bin", random(i, 1000));
        }
        a.sync();
        b.sync();
        for (int i = 0; i < 25; i++) {
            Files.delete(a.folder.resolve("f/" + i + ".bin"));
        }
        FileSync.Result held = a.sync();
        assertThat(held.heldDeletes()).isEqualTo(25);
        assertThat(held.deleted()).isZero();
        b.sync();
        assertThat(b.files()).hasSize(30);
        FileSync.Result allowed = a.client.files().round(true, new FileSyncListener() {
        });
        assertThat(allowed.deleted()).isEqualTo(25);
        b.sync();
        assertThat(b.files()).hasSize(5);
    }

    @Test
    void aFileOverTheServersLimitGetsItsMessageAndNotesAndOtherFilesStillSync() throws Exception {
        server.close();
        server = dev.weft.server.WeftServer.start(new dev.weft.server.ServerConfig("127.0.0.1", 0, dir.resolve("small"),
                new dev.weft.server.ServerConfig.TlsSetting.SelfSigned(), dev.weft.protocol.Limits.DEFAULT),
                dev.weft.server.ServerLog.silent(), new dev.weft.server.FileLimits(1_000_000, 10));
        Device a = new Device("a");
        Device b = new Device("b");
        a.write("huge.iso", random(20, 3_000_000));
        a.write("small.png", png());
        java.util.UUID note = a.vault.create("Travel", "packing list\n").id();
        FileSync.Result r = a.sync();
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString().contains("huge.iso").contains("1000000");
        b.sync();
        assertThat(b.files()).containsOnlyKeys("small.png");
        assertThat(b.vault.note(note)).isPresent();
    }

    @Test
    void aFileCommittedElsewhereArrivesOnTheServersNews() throws Exception {
        Device a = new Device("a");
        Device b = new Device("b");
        b.client.start();
        eventually(() -> assertThat(b.client.state()).isEqualTo(SyncState.SYNCED));
        a.write("live.png", png());
        a.sync();
        eventually(() -> assertThat(b.files()).containsKey("live.png"));
        assertThat(b.files()).isEqualTo(a.files());
    }
}
