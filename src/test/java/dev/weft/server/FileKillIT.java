package dev.weft.server;

import static dev.weft.server.FileClient.sha;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Sha256;
import dev.weft.testing.WeftChild;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft --server} as a child process SIGKILLed in the middle of a chunk's {@code PUT}
 * (docs/protocol.md §11): after the restart on the same data dir, no partial chunk is kept, what was
 * committed before is whole, and the chunk sent again is taken and committed.
 */
class FileKillIT {
    @TempDir
    Path dir;
    private WeftChild server;

    @AfterEach
    void killLeftover() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerKilledMidPutKeepsNoPartialChunkAndTakesTheResend() throws Exception {
        Path data = dir.resolve("data");
        int port = WeftChild.freePort();
        server = WeftChild.startServer(dir, data, port);
        PairingLink link = PairingLink.parse(server.awaitLine("pair: "));
        TestDevice device = TestDevice.pair(link, "laptop");
        FileClient files = new FileClient(link, device.token);
        byte[] first = random(1, 300_000);
        long version = files.committed(files.upload("before.png", 0, first, 1 << 20));
        byte[] chunk = random(2, 2 << 20);
        Sha256 hash = sha(chunk);
        CountDownLatch half = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<HttpResponse<Void>> stalled = TestDevice.client(link).sendAsync(files.request("/chunk/" + hash.hex())
                .header("Authorization", "Bearer " + device.token)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> halfThenNothing(chunk, half, never))).build(),
                HttpResponse.BodyHandlers.discarding());
        half.await();
        eventually("part of the chunk written", () -> temps(data).stream().anyMatch(p -> p.toFile().length() > 0));

        server.kill();
        never.countDown();
        stalled.handle((r, e) -> null).join();
        server = WeftChild.startServer(dir, data, port);
        server.awaitLine("fingerprint: ");

        assertThat(temps(data)).isEmpty();
        assertThat(files.missing(List.of(hash))).containsExactly(hash);
        List<FileEntry> listed = files.list(0).entries();
        assertThat(listed).extracting(FileEntry::version).containsExactly(version);
        assertThat(files.get(listed.get(0).chunks().get(0).hash(), null).body()).isEqualTo(first);
        assertThat(files.put(hash, chunk).statusCode()).isEqualTo(204);
        files.committed(new FileCommit("after.bin", 0, false, chunk.length, hash, 1, List.of(new FileChunk(hash, chunk.length))));
        assertThat(files.get(hash, null).body()).isEqualTo(chunk);
        assertThat(server.stop()).isZero();
        server = null;
    }

    private static InputStream halfThenNothing(byte[] bytes, CountDownLatch half, CountDownLatch never) {
        return new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= bytes.length / 2) {
                    half.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    throw new IOException("the server is gone");
                }
                int n = Math.min(len, bytes.length / 2 - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static List<Path> temps(Path data) {
        try (Stream<Path> s = Files.list(data.resolve("files/tmp"))) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
