package dev.weft.server;

import static dev.weft.server.FileClient.sha;
import static dev.weft.server.FileClient.text;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCodec;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.FileForm;
import dev.weft.protocol.FileList;
import dev.weft.protocol.FilesChanged;
import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Sha256;
import dev.weft.protocol.Synclist;
import dev.weft.protocol.SynclistResponse;
import dev.weft.store.FileStats;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file endpoints of docs/protocol.md §11 on a real server over TLS, with real HTTP requests
 * carrying a paired device's token.
 */
class FileServerTest {
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path data;
    WeftServer server;
    PairingLink link;
    TestDevice laptop;
    FileClient files;

    private void start(FileLimits limits) throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.SelfSigned(),
                Limits.DEFAULT), ServerLog.silent(), limits);
        link = server.pairingLink();
        if (laptop == null) {
            laptop = TestDevice.pair(link, "laptop");
        }
        files = new FileClient(link, laptop.token);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadCommitListAndDownloadWithRange() throws Exception {
        start(FileLimits.DEFAULT);
        byte[] content = random(1, 3 * CHUNK + 100);
        FileCommit commit = files.upload("Travel/img.png", 0, content, CHUNK);
        assertThat(files.missing(commit.chunks().stream().map(FileChunk::hash).toList())).isEmpty();

        long version = files.committed(commit);

        FileList list = files.list(0);
        assertThat(list.entries()).containsExactly(commit.entry(version, "laptop"));
        assertThat(files.list(version).entries()).isEmpty();
        FileChunk first = commit.chunks().get(0);
        HttpResponse<byte[]> whole = files.get(first.hash(), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(Arrays.copyOf(content, CHUNK));
        HttpResponse<byte[]> part = files.get(first.hash(), "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + CHUNK);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
        assertThat(files.get(first.hash(), "bytes=" + (CHUNK - 5) + "-").body())
                .isEqualTo(Arrays.copyOfRange(content, CHUNK - 5, CHUNK));
        assertThat(files.get(first.hash(), "bytes=" + CHUNK + "-").statusCode()).isEqualTo(416);
        assertThat(files.get(sha(new byte[] {1}), null).statusCode()).isEqualTo(404);
        byte[] joined = new byte[0];
        for (FileChunk c : list.entries().get(0).chunks()) {
            byte[] got = files.get(c.hash(), null).body();
            joined = Arrays.copyOf(joined, joined.length + got.length);
            System.arraycopy(got, 0, joined, joined.length - got.length, got.length);
        }
        assertThat(sha(joined)).isEqualTo(commit.sha256());
    }

    @Test
    void theSameFileInTwoFoldersIsStoredOnce() throws Exception {
        start(FileLimits.DEFAULT);
        byte[] content = random(2, 2 * CHUNK);
        files.committed(files.upload("a/photo.jpg", 0, content, CHUNK));
        FileCommit again = new FileCommit("b/photo.jpg", 0, false, content.length, sha(content), 1,
                files.upload("a/photo.jpg", 0, content, CHUNK).chunks());
        assertThat(files.missing(again.chunks().stream().map(FileChunk::hash).toList())).isEmpty(); // nothing to send
        files.committed(again);

        assertThat(server.fileStats()).isEqualTo(new FileStats(2, 2, 2, content.length));
        assertThat(chunkFiles()).hasSize(2);
    }

    @Test
    void aStaleBaseIsAConflictThatAnswersTheCurrentEntry() throws Exception {
        start(FileLimits.DEFAULT);
        long v1 = files.committed(files.upload("doc.pdf", 0, random(3, 1000), CHUNK));
        FileCommit other = files.upload("doc.pdf", 0, random(4, 1000), CHUNK);

        HttpResponse<byte[]> conflict = files.commit(other);

        assertThat(conflict.statusCode()).isEqualTo(409);
        FileEntry current = FileCodec.decodeEntry(conflict.body());
        assertThat(current.version()).isEqualTo(v1);
        assertThat(files.list(0).entries()).extracting(FileEntry::version).containsExactly(v1);
        long v2 = files.committed(new FileCommit("doc.pdf", v1, false, other.size(), other.sha256(), 2, other.chunks()));
        assertThat(v2).isGreaterThan(v1);
        // another path that is the same name, case ignored, is a conflict with its holder
        HttpResponse<byte[]> clash = files.commit(new FileCommit("DOC.pdf", 0, false, other.size(), other.sha256(), 2,
                other.chunks()));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(FileCodec.decodeEntry(clash.body()).path()).isEqualTo("doc.pdf");
    }

    @Test
    void aCommitOfChunksNotHeldIsRefusedWithTheMissingOnes() throws Exception {
        start(FileLimits.DEFAULT);
        byte[] content = random(5, 2 * CHUNK);
        FileCommit commit = files.upload("x.bin", 0, content, CHUNK);
        byte[] notSent = random(6, 10);
        FileCommit more = new FileCommit("y.bin", 0, false, CHUNK + 10, sha(new byte[1]), 1,
                List.of(commit.chunks().get(0), new FileChunk(sha(notSent), 10)));

        HttpResponse<byte[]> r = files.commit(more);

        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(FileCodec.decodeHashes(r.body())).containsExactly(sha(notSent));
        assertThat(files.list(0).entries()).isEmpty();
    }

    @Test
    void aFileOverTheLimitGetsItsMessageAndTheRestWorks() throws Exception {
        start(new FileLimits(100_000, 10));
        byte[] big = random(7, 150_000);
        FileCommit commit = files.upload("video.mp4", 0, big, CHUNK);

        HttpResponse<byte[]> r = files.commit(commit);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(text(r)).isEqualTo("video.mp4 is 150000 bytes, over this server's limit of 100000 bytes\n");
        assertThat(files.list(0).entries()).isEmpty();
        long v = files.committed(files.upload("small.png", 0, random(8, 5000), CHUNK));
        assertThat(files.list(0).entries()).extracting(FileEntry::version).containsExactly(v);
        TestDevice.Connection sync = laptop.connect();
        sync.send(new Synclist(0));
        assertThat(sync.next()).isInstanceOf(SynclistResponse.class);
        // and a chunk over 4 MiB is refused as it comes
        byte[] over = new byte[FileChunk.MAX_BYTES + 1];
        assertThat(files.put(sha(over), over).statusCode()).isEqualTo(413);
    }

    @Test
    void everyRequestWithoutAValidTokenIs401() throws Exception {
        start(FileLimits.DEFAULT);
        Sha256 hash = sha(new byte[] {1});
        for (String bearer : Arrays.asList(null, "not-a-token-of-this-server-0123456789")) {
            assertThat(files.sendAs(files.request("/list?since=0").GET(), bearer).statusCode()).isEqualTo(401);
            assertThat(files.sendAs(files.request("/chunk/" + hash.hex()).PUT(HttpRequest.BodyPublishers.ofByteArray(
                    new byte[] {1})), bearer).statusCode()).isEqualTo(401);
            assertThat(files.sendAs(files.request("/commit").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3])),
                    bearer).statusCode()).isEqualTo(401);
        }
        assertThat(chunkFiles()).isEmpty();
        server.revoke("laptop");
        assertThat(files.put(hash, new byte[] {1}).statusCode()).isEqualTo(401);
    }

    @Test
    void aChunkWhoseBytesDoNotHashToItsNameKeepsNothing() throws Exception {
        start(FileLimits.DEFAULT);
        byte[] bytes = random(9, 5000);
        Sha256 named = sha(random(10, 5000));

        HttpResponse<byte[]> r = files.put(named, bytes);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(files.missing(List.of(named))).containsExactly(named);
        assertThat(chunkFiles()).isEmpty();
        assertThat(tempFiles()).isEmpty();
        assertThat(files.send(files.request("/chunk/ABC").GET()).statusCode()).isEqualTo(400);
        assertThat(files.send(files.request("/commit").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2})))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aServerStoppedMidUploadKeepsNoPartialChunkAndTakesTheResend() throws Exception {
        start(FileLimits.DEFAULT);
        byte[] chunk = random(11, 1 << 20);
        Sha256 hash = sha(chunk);
        CountDownLatch half = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        InputStream stalls = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= chunk.length / 2) {
                    half.countDown();
                    try {
                        never.await(); // the rest never comes
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(len, chunk.length / 2 - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }
        };
        CompletableFuture<HttpResponse<Void>> stalled = TestDevice.client(link).sendAsync(files.request("/chunk/" + hash.hex())
                .header("Authorization", "Bearer " + laptop.token)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> stalls)).build(), HttpResponse.BodyHandlers.discarding());
        half.await();
        eventually("half the chunk in a temp file", () -> tempFiles().stream().anyMatch(p -> size(p) > 0));

        server.close();
        never.countDown();
        stalled.handle((r, e) -> null).join();
        // what a kill leaves: a temp file, which the next start deletes
        Files.write(data.resolve("files/tmp/" + hash.hex() + ".0.tmp"), Arrays.copyOf(chunk, 1000));
        start(FileLimits.DEFAULT);

        assertThat(tempFiles()).isEmpty();
        assertThat(chunkFiles()).isEmpty();
        assertThat(files.missing(List.of(hash))).containsExactly(hash);
        assertThat(files.put(hash, chunk).statusCode()).isEqualTo(204);
        files.committed(new FileCommit("big.bin", 0, false, chunk.length, hash, 1, List.of(new FileChunk(hash, chunk.length))));
        assertThat(files.get(hash, null).body()).isEqualTo(chunk);
    }

    @Test
    void theLastVersionsAreKeptAndChunksNoKeptVersionReferencesAreDeleted() throws Exception {
        start(new FileLimits(FileLimits.DEFAULT.maxFileBytes(), 2));
        byte[] shared = random(12, CHUNK);
        long base = 0;
        Sha256 firstOwn = null;
        for (int i = 0; i < 3; i++) {
            byte[] own = random(20 + i, 1000);
            byte[] content = Arrays.copyOf(shared, CHUNK + own.length);
            System.arraycopy(own, 0, content, CHUNK, own.length);
            FileCommit commit = files.upload("notes/scan.pdf", base, content, CHUNK);
            firstOwn = i == 0 ? commit.chunks().get(1).hash() : firstOwn;
            base = files.committed(commit);
        }
        long deletedAt = files.committed(FileCommit.deletion("notes/scan.pdf", base, 3));

        HttpResponse<byte[]> r = files.versions("notes/scan.pdf");

        assertThat(r.statusCode()).isEqualTo(200);
        List<FileEntry> kept = FileCodec.decodeList(r.body()).entries();
        assertThat(kept).extracting(FileEntry::version).containsExactly(deletedAt, base);
        assertThat(kept.get(0).deleted()).isTrue();
        assertThat(files.get(firstOwn, null).statusCode()).isEqualTo(404);
        assertThat(server.fileStats()).isEqualTo(new FileStats(0, 2, 2, CHUNK + 1000));
        assertThat(chunkFiles()).hasSize(2);
        assertThat(files.versions("notes/other.pdf").statusCode()).isEqualTo(404);
        assertThat(files.list(0).entries()).extracting(FileEntry::version).containsExactly(deletedAt);
    }

    @Test
    void filesChangedReachesTheGlobalConnectionsThatAnnouncedFiles() throws Exception {
        start(FileLimits.DEFAULT);
        TestDevice phone = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection hears = phone.connect(phone.token, Map.of(FileForm.HEADER, FileForm.VERSION));
        TestDevice.Connection deaf = laptop.connect();
        hears.send(new Synclist(0));
        deaf.send(new Synclist(0));
        assertThat(hears.next()).isInstanceOf(SynclistResponse.class);
        assertThat(deaf.next()).isInstanceOf(SynclistResponse.class);

        long version = files.committed(files.upload("a.png", 0, random(30, 100), CHUNK));

        assertThat(hears.next()).isEqualTo(new FilesChanged(version));
        deaf.send(new Synclist(Long.MAX_VALUE - 1));
        assertThat(deaf.next()).isInstanceOf(SynclistResponse.class); // no 42 before it
    }

    private static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private List<Path> chunkFiles() throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("files/chunks"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> tempFiles() {
        try (Stream<Path> s = Files.list(data.resolve("files/tmp"))) {
            return s.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
