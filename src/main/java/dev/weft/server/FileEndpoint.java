package dev.weft.server;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCodec;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.FileList;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.Sha256;
import dev.weft.store.ChunkFiles;
import dev.weft.store.Device;
import dev.weft.store.DiskFullException;
import dev.weft.store.FileCommitResult;
import dev.weft.store.FileVersion;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * {@code /v1/files/...} (docs/protocol.md §11): the chunks and versions of the vaults' files, on the
 * port and TLS of {@code /v1/sync} and with its device tokens. Requests run on Undertow's worker
 * threads in blocking mode; chunks stream through one buffer, never whole in memory.
 */
final class FileEndpoint implements HttpHandler, AutoCloseable {
    /** The largest {@code missing} or {@code commit} body: 65,536 hashes, or a commit of 65,536 chunks. */
    private static final int MAX_BODY = 4 << 20;
    private static final int BUFFER = 64 * 1024;
    private static final String OCTETS = "application/octet-stream";
    /** {@code 507 Insufficient Storage} (RFC 4918). */
    static final int INSUFFICIENT_STORAGE = 507;

    private final Store store;
    private final ChunkFiles chunks;
    private final Hub hub;
    private final FileLimits limits;
    private final ServerLog log;
    private final FileRequests requests;

    FileEndpoint(Store store, ChunkFiles chunks, Hub hub, FileLimits limits, ServerLog log, long deadlineMillis) {
        this.requests = new FileRequests(deadlineMillis);
        this.store = store;
        this.chunks = chunks;
        this.hub = hub;
        this.limits = limits;
        this.log = log;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // blocking: the store and the chunk files
            return;
        }
        exchange.startBlocking();
        requests.begin(exchange);
        try {
            serve(exchange);
        } finally {
            requests.end(exchange);
        }
    }

    /** Closes the requests in progress (their devices send again). */
    @Override
    public void close() {
        requests.close();
    }

    private void serve(HttpServerExchange exchange) {
        if (hub.stopping()) {
            text(exchange, StatusCodes.SERVICE_UNAVAILABLE, "the server is shutting down");
            return;
        }
        Optional<Device> device = SyncEndpoint.authenticate(store, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (device.isEmpty()) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            text(exchange, StatusCodes.UNAUTHORIZED, "unknown or revoked device token");
            return;
        }
        store.touch(device.get().site(), System.currentTimeMillis() * 1000);
        try {
            route(exchange, device.get());
        } catch (ProtocolException e) {
            text(exchange, StatusCodes.BAD_REQUEST, e.reason());
        } catch (DiskFullException e) {
            text(exchange, INSUFFICIENT_STORAGE, DiskFullException.MESSAGE);
        } catch (StoreException e) {
            log.error("a file request failed: " + e.getMessage(), null);
            text(exchange, StatusCodes.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (IOException e) {
            // the device went away mid-request: nothing was kept
            exchange.setStatusCode(StatusCodes.BAD_REQUEST);
            exchange.endExchange();
        }
    }

    private void route(HttpServerExchange exchange, Device device) throws IOException, ProtocolException {
        String path = exchange.getRelativePath();
        HttpString method = exchange.getRequestMethod();
        if (path.startsWith("/chunk/")) {
            Optional<Sha256> hash = Sha256.parseHex(path.substring("/chunk/".length()));
            if (hash.isEmpty()) {
                text(exchange, StatusCodes.BAD_REQUEST, "a chunk is named by 64 lowercase hex digits");
            } else if (method.equals(Methods.PUT)) {
                put(exchange, hash.get());
            } else if (method.equals(Methods.GET)) {
                get(exchange, hash.get());
            } else {
                notAllowed(exchange, "GET, PUT");
            }
        } else if (path.equals("/missing")) {
            if (expect(exchange, Methods.POST)) {
                missing(exchange);
            }
        } else if (path.equals("/commit")) {
            if (expect(exchange, Methods.POST)) {
                commit(exchange, device);
            }
        } else if (path.equals("/list")) {
            if (expect(exchange, Methods.GET)) {
                list(exchange);
            }
        } else if (path.equals("/versions")) {
            if (expect(exchange, Methods.GET)) {
                versions(exchange);
            }
        } else {
            text(exchange, StatusCodes.NOT_FOUND, "no such file request: " + path);
        }
    }

    private void missing(HttpServerExchange exchange) throws IOException, ProtocolException {
        List<Sha256> lacking = new ArrayList<>();
        for (Sha256 hash : FileCodec.decodeHashes(body(exchange))) {
            if (!chunks.has(hash.bytes())) {
                lacking.add(hash);
            }
        }
        bytes(exchange, StatusCodes.OK, FileCodec.encodeHashes(lacking));
    }

    private void put(HttpServerExchange exchange, Sha256 hash) throws IOException {
        if (exchange.getRequestContentLength() > FileChunk.MAX_BYTES) {
            text(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "a chunk is at most " + FileChunk.MAX_BYTES + " bytes");
            return;
        }
        switch (chunks.put(hash.bytes(), exchange.getInputStream(), FileChunk.MAX_BYTES)) {
            case STORED, HELD -> {
                exchange.setStatusCode(StatusCodes.NO_CONTENT);
                exchange.endExchange();
            }
            case MISMATCH -> text(exchange, StatusCodes.BAD_REQUEST, "the bytes do not hash to " + hash.hex());
            case TOO_BIG -> text(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE,
                    "a chunk is at most " + FileChunk.MAX_BYTES + " bytes");
        }
    }

    private void get(HttpServerExchange exchange, Sha256 hash) throws IOException {
        try (FileChannel file = FileChannel.open(chunks.path(hash.bytes()), StandardOpenOption.READ)) {
            long size = file.size();
            Optional<FileRanges> range;
            try {
                range = FileRanges.parse(exchange.getRequestHeaders().getFirst(Headers.RANGE), size);
            } catch (IllegalArgumentException e) {
                exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, "bytes */" + size);
                text(exchange, StatusCodes.REQUEST_RANGE_NOT_SATISFIABLE, e.getMessage());
                return;
            }
            long from = range.map(FileRanges::from).orElse(0L);
            long length = range.map(FileRanges::length).orElse(size);
            if (range.isPresent()) {
                exchange.setStatusCode(StatusCodes.PARTIAL_CONTENT);
                exchange.getResponseHeaders().put(Headers.CONTENT_RANGE,
                        "bytes " + from + "-" + range.get().to() + "/" + size);
            } else {
                exchange.setStatusCode(StatusCodes.OK);
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, OCTETS);
            exchange.getResponseHeaders().put(Headers.ACCEPT_RANGES, "bytes");
            exchange.setResponseContentLength(length);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            OutputStream out = exchange.getOutputStream();
            for (long at = from, end = from + length; at < end; ) {
                buffer.clear().limit((int) Math.min(BUFFER, end - at));
                int n = file.read(buffer, at);
                if (n < 0) {
                    throw new IOException("chunk " + hash.hex() + " shorter than it was");
                }
                out.write(buffer.array(), 0, n);
                at += n;
            }
            exchange.endExchange();
        } catch (NoSuchFileException e) {
            text(exchange, StatusCodes.NOT_FOUND, "no chunk " + hash.hex());
        }
    }

    private void list(HttpServerExchange exchange) {
        Optional<String> since = query(exchange, "since");
        long after;
        try {
            after = Long.parseUnsignedLong(since.orElse(""));
        } catch (NumberFormatException e) {
            text(exchange, StatusCodes.BAD_REQUEST, "since must be a sync time (u64)");
            return;
        }
        List<FileVersion> changed = after < 0 ? List.of() // past every sync time the server gives
                : store.filesChangedSince(after, FileList.MAX_ENTRIES, FileList.FULL_BYTES, FileEndpoint::wireBytes);
        bytes(exchange, StatusCodes.OK, FileCodec.encode(new FileList(changed.stream().map(FileEndpoint::entry).toList())));
    }

    private void versions(HttpServerExchange exchange) {
        Optional<String> path = query(exchange, "path");
        if (path.isEmpty() || path.get().isEmpty()) {
            text(exchange, StatusCodes.BAD_REQUEST, "path is missing");
            return;
        }
        List<FileVersion> kept = store.fileVersions(path.get());
        if (kept.isEmpty()) {
            text(exchange, StatusCodes.NOT_FOUND, "no file " + path.get());
            return;
        }
        List<FileEntry> entries = kept.stream().limit(FileList.MAX_ENTRIES).map(FileEndpoint::entry).toList();
        bytes(exchange, StatusCodes.OK, FileCodec.encode(new FileList(entries)));
    }

    private void commit(HttpServerExchange exchange, Device device) throws IOException, ProtocolException {
        FileCommit commit = FileCodec.decodeCommit(body(exchange));
        Optional<String> problem = FilePaths.problem(commit.path());
        if (problem.isPresent()) {
            text(exchange, StatusCodes.BAD_REQUEST, "path " + commit.path() + ": " + problem.get());
            return;
        }
        if (Long.compareUnsigned(commit.size(), limits.maxFileBytes()) > 0) {
            text(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, commit.path() + " is " + Long.toUnsignedString(commit.size())
                    + " bytes, over this server's limit of " + limits.maxFileBytes() + " bytes");
            return;
        }
        FileVersion proposal = proposal(commit, device.name());
        FileCommitResult result;
        try {
            result = store.submit(batch -> batch.commitFile(proposal, commit.base(), limits.keptVersions(),
                    hash -> chunks.has(hash)), Math.max(1, commit.chunks().size()), this::dropUnreferenced).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (result instanceof FileCommitResult.Committed c) {
            log.info("file " + commit.path() + (commit.deleted() ? " deleted" : " committed, " + commit.size() + " bytes")
                    + " by '" + device.name() + "' at " + c.version().version());
            hub.filesChanged(c.version().version());
            bytes(exchange, StatusCodes.OK, ByteBuffer.allocate(8).putLong(c.version().version()).array());
        } else if (result instanceof FileCommitResult.Conflict c) {
            bytes(exchange, StatusCodes.CONFLICT, FileCodec.encode(entry(c.current())));
        } else if (result instanceof FileCommitResult.Missing m) {
            bytes(exchange, StatusCodes.PRECONDITION_FAILED,
                    FileCodec.encodeHashes(m.hashes().stream().map(Sha256::ofDigest).toList()));
        }
    }

    /**
     * On the store's writer, right after the commit and before any later one: deletes the chunks the
     * commit left unreferenced, unless a commit of the same group referenced them again.
     */
    private void dropUnreferenced(FileCommitResult result, Throwable error) {
        if (!(result instanceof FileCommitResult.Committed c)) {
            return;
        }
        for (byte[] hash : c.unreferenced()) {
            try {
                if (!store.chunkReferenced(hash)) {
                    chunks.delete(hash);
                }
            } catch (IOException | RuntimeException e) {
                log.error("could not delete an unreferenced chunk: " + e.getMessage(), null);
            }
        }
    }

    private static FileVersion proposal(FileCommit c, String device) {
        ByteBuffer packed = ByteBuffer.allocate(c.chunks().size() * FileVersion.CHUNK_BYTES);
        c.chunks().forEach(chunk -> packed.put(chunk.hash().bytes()).putInt(chunk.length()));
        return new FileVersion(0, c.path(), c.deleted(), c.size(), c.sha256().bytes(), c.modified(), device, packed.array());
    }

    static FileEntry entry(FileVersion v) {
        List<FileChunk> list = new ArrayList<>(v.chunkCount());
        for (int i = 0; i < v.chunkCount(); i++) {
            list.add(new FileChunk(Sha256.ofDigest(v.chunkHash(i)), v.chunkLength(i)));
        }
        return new FileEntry(v.version(), v.path(), v.deleted(), v.size(), Sha256.ofDigest(v.sha256()), v.modified(),
                v.device(), list);
    }

    /** The bytes of the version's {@code file_entry}, without encoding it. */
    private static long wireBytes(FileVersion v) {
        return 8 + v.path().getBytes(StandardCharsets.UTF_8).length + 1 + 1 + 8 + 32 + 8
                + v.device().getBytes(StandardCharsets.UTF_8).length + 1 + 4 + (long) v.chunkCount() * FileVersion.CHUNK_BYTES;
    }

    /** The request body, at most {@value #MAX_BODY} bytes. */
    private static byte[] body(HttpServerExchange exchange) throws IOException, ProtocolException {
        if (exchange.getRequestContentLength() > MAX_BODY) {
            throw ProtocolException.protocolError("a body of more than " + MAX_BODY + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        InputStream in = exchange.getInputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY) {
                throw ProtocolException.protocolError("a body of more than " + MAX_BODY + " bytes");
            }
        }
        return out.toByteArray();
    }

    /** The query parameter, URL-decoded as UTF-8. */
    private static Optional<String> query(HttpServerExchange exchange, String name) {
        String query = exchange.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean expect(HttpServerExchange exchange, HttpString method) {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        notAllowed(exchange, method.toString());
        return false;
    }

    private static void notAllowed(HttpServerExchange exchange, String allow) {
        exchange.getResponseHeaders().put(Headers.ALLOW, allow);
        text(exchange, StatusCodes.METHOD_NOT_ALLOWED, "use " + allow);
    }

    private static void bytes(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, OCTETS);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static void text(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text + "\n", StandardCharsets.UTF_8);
    }
}
