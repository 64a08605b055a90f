package dev.weft.client;

import dev.weft.client.ws.Listener;
import dev.weft.client.ws.Options;
import dev.weft.client.ws.WebSocket;
import dev.weft.client.ws.WebSocketClient;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.RunForm;
import dev.weft.protocol.StoreHeader;
import dev.weft.protocol.TrashForm;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * One WebSocket to {@code /v1/sync} ({@link WebSocketClient}, permessage-deflate when the server
 * agrees): sends frames of messages one after the other, decodes whole binary messages and hands
 * them, and the close, to the client's executor. It only moves bytes; the protocol lives in its
 * {@link Handler}.
 */
final class WireConnection {
    /** What the connection tells its owner, always on the owner's executor. */
    interface Handler {
        void received(List<Message> messages);

        /** The connection is gone: closed by the server ({@code code}) or failed ({@code error} set). */
        void closed(int code, String reason, Throwable error);
    }

    /** The WebSocket options of every sync connection; tests may change them. */
    static volatile Options options = Options.DEFAULT;
    /**
     * Whether connections announce run messages ({@link RunForm#HEADER}); tests and benchmarks turn
     * it off to be a peer of the seed's messages only.
     */
    static volatile boolean announceRuns = true;

    private final MessageCodec codec;
    private final Executor executor;
    private final Handler handler;
    private WebSocket socket;
    /** Both ends announced run messages: set once the upgrade is answered, before any frame. */
    private volatile RunForm runs;
    private boolean closedReported;

    private WireConnection(MessageCodec codec, Executor executor, Handler handler) {
        this.codec = codec;
        this.executor = executor;
        this.handler = handler;
    }

    /**
     * Opens the WebSocket ({@code tls} null for {@code ws://}); the future fails with the cause if
     * the server cannot be reached or refuses (a {@link dev.weft.client.ws.HandshakeException}
     * carries the HTTP status).
     */
    static CompletableFuture<WireConnection> open(SSLContext tls, ServerAddress server, String token, UUID instance,
            MessageCodec codec, Executor executor, Handler handler, WireStats stats) {
        return open(tls, server, token, instance, null, codec, executor, handler, stats);
    }

    /** {@code store}: the {@code Weft-Store} header of a global connection (StoreRecovery), or null. */
    static CompletableFuture<WireConnection> open(SSLContext tls, ServerAddress server, String token, UUID instance,
            String store, MessageCodec codec, Executor executor, Handler handler, WireStats stats) {
        WireConnection connection = new WireConnection(codec, executor, handler);
        Options o = options.withMaxMessageBytes(codec.limits().maxMessageBytes() + 16).withMeter(stats.meter());
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Authorization", "Bearer " + token,
                "Weft-Instance", instance.toString()));
        if (store != null) {
            headers.put(StoreHeader.NAME, store);
        }
        if (announceRuns) {
            headers.put(RunForm.HEADER, RunForm.VERSION);
        }
        headers.put(TrashForm.HEADER, TrashForm.VERSION);
        if (store != null) { // the global connection: it hears of new files (42)
            headers.put(dev.weft.protocol.FileForm.HEADER, dev.weft.protocol.FileForm.VERSION);
        }
        return WebSocketClient.connect(server.uri("ws", "/v1/sync"), headers,
                tls, connection.new WireListener(), o)
                .thenApply(ws -> {
                    synchronized (connection) {
                        connection.socket = ws;
                    }
                    if (announceRuns && RunForm.VERSION.equals(ws.upgradeHeader(RunForm.HEADER))) {
                        connection.runs = new RunForm(codec.limits());
                    }
                    return connection;
                });
    }

    /** Sends {@code messages} as one frame. */
    synchronized void send(List<? extends Message> messages) {
        if (messages.isEmpty() || socket == null) {
            return;
        }
        if (socket.isOutputClosed()) {
            reportClosed(1006, "the connection is closed", null);
            return;
        }
        RunForm form = runs;
        // a frame of seed messages within the limit stands for at most codec.maxRunOps() ops: so does its compact form
        socket.sendBinary(codec.encode(form == null ? messages : form.compact(messages))); // a failed write reaches the listener's onError
    }

    /** Closes with 1000 after what was sent; the handler hears {@code closed} once. */
    synchronized void close() {
        if (socket == null) {
            return;
        }
        WebSocket ws = socket;
        ws.close(1000, "bye").orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).whenComplete((x, e) -> {
            if (e != null) {
                ws.abort();
            }
        });
    }

    /** Drops the connection at once (no close handshake). */
    synchronized void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    /** Whether the server answered {@code Weft-Trash: 1}: the trash messages of docs/protocol.md §9 go. */
    boolean speaksTrash() {
        return TrashForm.VERSION.equals(upgradeHeader(TrashForm.HEADER));
    }

    /** Whether the server answered {@code Weft-Files: 1}: it syncs files and pushes {@code 42} (docs/protocol.md §11). */
    boolean speaksFiles() {
        return dev.weft.protocol.FileForm.VERSION.equals(upgradeHeader(dev.weft.protocol.FileForm.HEADER));
    }

    /** A header of the server's {@code 101}, or null. */
    synchronized String upgradeHeader(String name) {
        return socket == null ? null : socket.upgradeHeader(name);
    }

    /** The negotiated compression, or null; for logs and tests. */
    synchronized String extension() {
        return socket == null ? null : socket.extension();
    }

    private void reportClosed(int code, String reason, Throwable error) {
        synchronized (this) {
            if (closedReported) {
                return;
            }
            closedReported = true;
        }
        executor.execute(() -> handler.closed(code, reason, error));
    }

    /** Fails the connection with {@code code}: close frame, then the socket is dropped. */
    private void fail(WebSocket ws, int code, String wireReason, String reason, Throwable error) {
        reportClosed(code, reason, error);
        ws.close(code, wireReason).whenComplete((x, e) -> ws.abort());
    }

    private final class WireListener implements Listener {
        private WebSocket ws() {
            synchronized (WireConnection.this) {
                return socket;
            }
        }

        @Override
        public void onBinary(byte[] frame) {
            try {
                List<Message> decoded = codec.decodeFrame(frame);
                if (runs == null && decoded.stream().anyMatch(RunForm::isRun)) {
                    throw ProtocolException.protocolError("run messages on a connection that did not agree to them");
                }
                List<Message> messages = RunForm.expand(decoded);
                executor.execute(() -> handler.received(messages));
            } catch (ProtocolException e) {
                WebSocket ws = ws();
                if (ws != null) {
                    fail(ws, 1002, "bad frame", "the server sent a frame Weft cannot read: " + e.reason(), e);
                } else {
                    reportClosed(1002, "the server sent a frame Weft cannot read: " + e.reason(), e);
                }
            }
        }

        @Override
        public void onText(String message) {
            WebSocket ws = ws();
            if (ws != null) {
                fail(ws, 1002, "text frames are not allowed", "the server sent a text frame", null);
            } else {
                reportClosed(1002, "the server sent a text frame", null);
            }
        }

        @Override
        public void onClose(int code, String reason) {
            reportClosed(code, code == 1009 ? "the server sent a message over the size limit" : reason, null);
        }

        @Override
        public void onError(Throwable error) {
            reportClosed(1006, String.valueOf(error.getMessage()), error);
        }
    }
}
