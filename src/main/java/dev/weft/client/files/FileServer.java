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
        join(putAsync(hash, data, length));
    }

    /** {@link #put} without waiting: the future fails with the IOException. */
    java.util.concurrent.CompletableFuture<Void> putAsync(ChunkRef.Hash hash, byte[] data, int length) {
        return http.sendAsync(request("/v1/files/chunk/" + hash.hex())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data, 0, length)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).thenApply(answer -> {
                    if (answer.statusCode() == 507) {
                        throw new java.util.concurrent.CompletionException(new ServerDiskFullException());
                    }
                    try {
                        expect(answer, 204);
                    } catch (IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    puts.incrementAndGet();
                    bytesUp.addAndGet(length);
                    return null;
                });
    }

    /** A chunk's bytes, checked against its hash, without waiting: the future fails with the IOException. */
    java.util.concurrent.CompletableFuture<byte[]> getAsync(ChunkRef chunk) {
        return http.sendAsync(request("/v1/files/chunk/" + chunk.hash().hex()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).thenApply(answer -> {
                    try {
                        expect(answer, 200);
                        byte[] bytes = answer.body();
                        if (bytes.length != chunk.length()
                                || !ChunkRef.Hash.of(ContentScan.sha256().digest(bytes)).equals(chunk.hash())) {
                            throw new IOException("the server sent chunk " + chunk.hash() + " wrong (" + bytes.length
                                    + " bytes, " + chunk.length() + " expected, or another hash)");
                        }
                        return bytes;
                    } catch (IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
    }

    /** A fetched chunk was written: counted (one that was fetched and dropped is not). */
    void fetched(int length) {
        gets.incrementAndGet();
        bytesDown.addAndGet(length);
    }

    /** The value of {@code future}, its failure as the IOException it carries. */
    static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.toString(), cause);
        }
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
