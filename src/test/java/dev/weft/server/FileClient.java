package dev.weft.server;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCodec;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileList;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Sha256;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** A device's requests to {@code /v1/files} (docs/protocol.md §11) over real HTTP(S), with its token. */
final class FileClient {
    private final HttpClient http;
    private final String base;
    private final String token;

    FileClient(PairingLink link, String token) throws Exception {
        this.http = TestDevice.client(link);
        this.base = TestDevice.base(link, "http") + "/v1/files";
        this.token = token;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return sendAs(request, token);
    }

    HttpResponse<byte[]> sendAs(HttpRequest.Builder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    HttpResponse<byte[]> put(Sha256 hash, byte[] bytes) throws Exception {
        return send(request("/chunk/" + hash.hex()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    HttpResponse<byte[]> get(Sha256 hash, String range) throws Exception {
        HttpRequest.Builder r = request("/chunk/" + hash.hex()).GET();
        if (range != null) {
            r.header("Range", range);
        }
        return send(r);
    }

    List<Sha256> missing(List<Sha256> hashes) throws Exception {
        HttpResponse<byte[]> r = send(request("/missing").POST(HttpRequest.BodyPublishers.ofByteArray(FileCodec.encodeHashes(hashes))));
        if (r.statusCode() != 200) {
            throw new AssertionError("missing: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return FileCodec.decodeHashes(r.body());
    }

    HttpResponse<byte[]> commit(FileCommit commit) throws Exception {
        return send(request("/commit").POST(HttpRequest.BodyPublishers.ofByteArray(FileCodec.encode(commit))));
    }

    /** Commits and returns the version, failing on any other answer. */
    long committed(FileCommit commit) throws Exception {
        HttpResponse<byte[]> r = commit(commit);
        if (r.statusCode() != 200) {
            throw new AssertionError("commit: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(r.body()).getLong();
    }

    FileList list(long since) throws Exception {
        HttpResponse<byte[]> r = send(request("/list?since=" + Long.toUnsignedString(since)).GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("list: " + r.statusCode());
        }
        return FileCodec.decodeList(r.body());
    }

    HttpResponse<byte[]> versions(String path) throws Exception {
        return send(request("/versions?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).GET());
    }

    /** Uploads what the server lacks of {@code content} cut in {@code chunkBytes} pieces; returns the commit of it. */
    FileCommit upload(String path, long base, byte[] content, int chunkBytes) throws Exception {
        List<FileChunk> chunks = new ArrayList<>();
        List<byte[]> pieces = new ArrayList<>();
        for (int at = 0; at < content.length; at += chunkBytes) {
            byte[] piece = java.util.Arrays.copyOfRange(content, at, Math.min(content.length, at + chunkBytes));
            pieces.add(piece);
            chunks.add(new FileChunk(sha(piece), piece.length));
        }
        List<Sha256> lacking = missing(chunks.stream().map(FileChunk::hash).toList());
        for (int i = 0; i < pieces.size(); i++) {
            if (lacking.contains(chunks.get(i).hash())) {
                HttpResponse<byte[]> r = put(chunks.get(i).hash(), pieces.get(i));
                if (r.statusCode() != 204) {
                    throw new AssertionError("put: " + r.statusCode());
                }
            }
        }
        return new FileCommit(path, base, false, content.length, sha(content), 1_700_000_000_000L, chunks);
    }

    static Sha256 sha(byte[] bytes) {
        try {
            return Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
