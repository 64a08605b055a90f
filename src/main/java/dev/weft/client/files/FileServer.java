package dev.weft.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's file endpoints (docs/protocol.md §11) over HTTP with the device's token: one call
 * per method, chunks streamed (a chunk at most in memory), every answer checked.
 */
public final class FileServer {
    /** The most hashes one {@code missing} request may ask about. */
    static final int MAX_HASHES = dev.weft.protocol.FileCodec.MAX_HASHES;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** What a commit came to. */
    sealed interface Committed {
    }

    record Version(long version) implements Committed {
    }

    /** 409: the path's current version is not the base. */
    record Conflict(RemoteEntry current) implements Committed {
    }

    /** 412: these chunks are not on the server. */
    record Missing(List<ChunkRef.Hash> hashes) implements Committed {
    }

    /** 413: over the server's per-file limit, in its words. */
    record TooLarge(String message) implements Committed {
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    final AtomicLong puts = new AtomicLong();
    final AtomicLong gets = new AtomicLong();
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();

    /** {@code base}: the server's {@code https://host:port} (or {@code http://}). */
    public FileServer(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    List<ChunkRef.Hash> missing(List<ChunkRef.Hash> hashes) throws IOException {
        List<ChunkRef.Hash> missing = new ArrayList<>();
        for (int from = 0; from < hashes.size(); from += MAX_HASHES) {
            List<ChunkRef.Hash> part = hashes.subList(from, Math.min(hashes.size(), from + MAX_HASHES));
            HttpResponse<byte[]> answer = send(request("/v1/files/missing")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(FileWire.hashes(part))).build());
            expect(answer, 200);
            missing.addAll(FileWire.hashes(answer.body()));
        }
        return missing;
    }

    /** Sends one chunk's {@code length} bytes; the server checks their hash. */
    void put(ChunkRef.Hash hash, byte[] data, int length) throws IOException {
        HttpResponse<byte[]> answer = send(request("/v1/files/chunk/" + hash.hex())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data, 0, length)).build());
        if (answer.statusCode() == 507) {
            throw new ServerDiskFullException();
        }
        expect(answer, 204);
        puts.incrementAndGet();
        bytesUp.addAndGet(length);
    }

    /**
     * Appends chunk {@code chunk} to {@code out} at its position, hashing it into {@code whole}; its
     * own hash is checked before it counts (a wrong chunk is cut off again and reported, and
     * {@code whole} is then spoilt: the caller starts the file's hash over).
     */
    void get(ChunkRef chunk, FileChannel out, MessageDigest whole) throws IOException {
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request("/v1/files/chunk/" + chunk.hash().hex()).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        long start = out.position();
        MessageDigest own = ContentScan.sha256();
        long got = 0;
        try (InputStream in = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new IOException("the server answered " + answer.statusCode() + " to GET chunk " + chunk.hash()
                        + ": " + new String(in.readNBytes(500), StandardCharsets.UTF_8).strip());
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                got += n;
                if (got > chunk.length()) {
                    break;
                }
                own.update(buffer, 0, n);
                whole.update(buffer, 0, n);
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
        }
        if (got != chunk.length() || !ChunkRef.Hash.of(own.digest()).equals(chunk.hash())) {
            out.truncate(start);
            out.position(start);
            throw new IOException("the server sent chunk " + chunk.hash() + " wrong (" + got + " bytes, "
                    + chunk.length() + " expected, or another hash)");
        }
        gets.incrementAndGet();
        bytesDown.addAndGet(got);
    }

    /** Entries changed after sync time {@code since}, in increasing time. */
    List<RemoteEntry> list(long since) throws IOException {
        HttpResponse<byte[]> answer = send(request("/v1/files/list?since=" + since).GET().build());
        expect(answer, 200);
        return FileWire.list(answer.body());
    }

    /** The kept versions of {@code path}, newest first; empty if the server never had it. */
    List<RemoteEntry> versions(String path) throws IOException {
        HttpResponse<byte[]> answer = send(request("/v1/files/versions?path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20")).GET().build());
        if (answer.statusCode() == 404) {
            return List.of();
        }
        expect(answer, 200);
        return FileWire.list(answer.body());
    }

    Committed commit(String path, long baseVersion, boolean deleted, FileContent content, long modified)
            throws IOException {
        HttpResponse<byte[]> answer = send(request("/v1/files/commit").POST(HttpRequest.BodyPublishers.ofByteArray(
                FileWire.commit(path, baseVersion, deleted, content, modified))).build());
        byte[] body = answer.body();
        switch (answer.statusCode()) {
            case 200 -> {
                if (body.length != 8) {
                    throw new IOException("a commit answer of " + body.length + " bytes");
                }
                return new Version(ByteBuffer.wrap(body).getLong());
            }
            case 409 -> {
                return new Conflict(FileWire.entry(body));
            }
            case 412 -> {
                return new Missing(FileWire.hashes(body));
            }
            case 413 -> {
                return new TooLarge(new String(body, StandardCharsets.UTF_8).strip());
            }
            case 507 -> throw new ServerDiskFullException();
            default -> {
                expect(answer, 200);
                throw new AssertionError();
            }
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    private static void expect(HttpResponse<byte[]> answer, int status) throws IOException {
        if (answer.statusCode() != status) {
            String body = new String(answer.body(), 0, Math.min(answer.body().length, 500), StandardCharsets.UTF_8);
            throw new IOException("the server answered " + answer.statusCode() + " to " + answer.request().method()
                    + " " + answer.request().uri().getPath() + (body.isBlank() ? "" : ": " + body.strip()));
        }
    }

    /** 507: the server's disk is full. */
    static final class ServerDiskFullException extends IOException {
        ServerDiskFullException() {
            super("the server's disk is full: the files stay on this device and are sent once it has space");
        }
    }
}
