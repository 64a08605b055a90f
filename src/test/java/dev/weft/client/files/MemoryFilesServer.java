package dev.weft.client.files;

import com.sun.net.httpserver.HttpServer;
import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCodec;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.FileList;
import dev.weft.protocol.Sha256;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The §11 endpoints in memory on 127.0.0.1 (JDK HTTP server, plain HTTP): the rules a round meets
 * (compare-and-set on base, 412 for missing chunks, 413 over a limit) without the store, so the
 * device's round is tested alone, with counts of every request. The bearer token is the device's name.
 */
final class MemoryFilesServer implements AutoCloseable {
    private final HttpServer http;
    final Map<String, byte[]> chunks = new HashMap<>();
    private final List<FileEntry> log = new ArrayList<>();
    private final Map<String, FileEntry> current = new HashMap<>();
    private long clock = 1000;
    long limit = Long.MAX_VALUE;
    int puts;
    int gets;

    MemoryFilesServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/v1/files/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status;
            byte[] out;
            synchronized (this) {
                try {
                    String device = ex.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
                    Answer a = answer(ex.getRequestMethod(), ex.getRequestURI(), body, device);
                    status = a.status;
                    out = a.body;
                } catch (Exception e) {
                    status = 400;
                    out = e.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
            ex.close();
        });
        http.start();
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer answer(String method, URI uri, byte[] body, String device) throws Exception {
        String path = uri.getPath();
        if (path.equals("/v1/files/missing")) {
            List<Sha256> missing = new ArrayList<>();
            for (Sha256 h : FileCodec.decodeHashes(body)) {
                if (!chunks.containsKey(h.hex())) {
                    missing.add(h);
                }
            }
            return new Answer(200, FileCodec.encodeHashes(missing));
        }
        if (path.startsWith("/v1/files/chunk/")) {
            String hex = path.substring("/v1/files/chunk/".length());
            if (method.equals("PUT")) {
                if (!Sha256.ofDigest(ContentScan.sha256().digest(body)).hex().equals(hex)) {
                    return new Answer(400, "hash mismatch".getBytes(StandardCharsets.UTF_8));
                }
                puts++;
                chunks.put(hex, body);
                return new Answer(204, new byte[0]);
            }
            byte[] chunk = chunks.get(hex);
            if (chunk != null) {
                gets++;
            }
            return chunk == null ? new Answer(404, new byte[0]) : new Answer(200, chunk);
        }
        if (path.equals("/v1/files/list")) {
            long since = Long.parseLong(uri.getQuery().substring("since=".length()));
            return new Answer(200, FileCodec.encode(new FileList(
                    log.stream().filter(e -> e.version() > since).limit(FileList.MAX_ENTRIES).toList())));
        }
        if (path.equals("/v1/files/commit")) {
            FileCommit c = FileCodec.decodeCommit(body);
            FileEntry now = current.get(c.path());
            if (c.base() != (now == null ? 0 : now.version())) {
                return new Answer(409, FileCodec.encode(now));
            }
            if (c.size() > limit) {
                return new Answer(413, (c.path() + " is " + c.size() + " bytes, over this server's limit of " + limit
                        + " bytes").getBytes(StandardCharsets.UTF_8));
            }
            List<Sha256> missing = new ArrayList<>();
            for (FileChunk chunk : c.chunks()) {
                if (!chunks.containsKey(chunk.hash().hex())) {
                    missing.add(chunk.hash());
                }
            }
            if (!missing.isEmpty()) {
                return new Answer(412, FileCodec.encodeHashes(missing));
            }
            FileEntry e = c.entry(++clock, device);
            log.add(e);
            current.put(c.path(), e);
            return new Answer(200, ByteBuffer.allocate(8).putLong(e.version()).array());
        }
        return new Answer(404, new byte[0]);
    }

    /** The file sync of the vault in {@code folder}, as device {@code name}. */
    FileSync device(Path folder, String name) {
        return new FileSync(folder, new FileServer(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/"), name));
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
