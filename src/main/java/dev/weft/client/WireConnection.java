package dev.weft.client;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One WebSocket to {@code /v1/sync}: sends frames of messages one after the other (the JDK allows
 * one send at a time), decodes whole binary messages and hands them, and the close, to the
 * client's executor. It only moves bytes; the protocol lives in its {@link Handler}.
 */
final class WireConnection {
    /** What the connection tells its owner, always on the owner's executor. */
    interface Handler {
        void received(List<Message> messages);

        /** The connection is gone: closed by the server ({@code code}) or failed ({@code error} set). */
        void closed(int code, String reason, Throwable error);
    }

    private final MessageCodec codec;
    private final Executor executor;
    private final Handler handler;
    private final WireStats stats;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean closedReported;

    private WireConnection(MessageCodec codec, Executor executor, Handler handler, WireStats stats) {
        this.codec = codec;
        this.executor = executor;
        this.handler = handler;
        this.stats = stats;
    }

    /** Opens the WebSocket; the future fails with the cause if the server cannot be reached or refuses. */
    static CompletableFuture<WireConnection> open(HttpClient http, ServerAddress server, String token,
            MessageCodec codec, Executor executor, Handler handler, WireStats stats) {
        WireConnection connection = new WireConnection(codec, executor, handler, stats);
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(server.uri("ws", "/v1/sync"), connection.new Listener())
                .thenApply(ws -> {
                    synchronized (connection) {
                        connection.socket = ws;
                    }
                    return connection;
                });
    }

    /** Sends {@code messages} as one frame (split into frames under the size limit when needed). */
    synchronized void send(List<? extends Message> messages) {
        if (messages.isEmpty() || socket == null) {
            return;
        }
        if (socket.isOutputClosed()) {
            reportClosed(1006, "the connection is closed", null);
            return;
        }
        byte[] frame = codec.encode(messages);
        stats.sent(frame.length);
        WebSocket ws = socket;
        sending = sending.thenCompose(x -> ws.sendBinary(ByteBuffer.wrap(frame), true))
                .exceptionally(e -> {
                    // abort() tells the listener nothing: report the loss ourselves
                    reportClosed(1006, "sending failed: " + e.getMessage(), e);
                    ws.abort();
                    return null;
                });
    }

    /** Closes with 1000 after what was sent; the handler hears {@code closed} once. */
    synchronized void close() {
        if (socket == null) {
            return;
        }
        WebSocket ws = socket;
        sending = sending.thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .whenComplete((x, e) -> ws.abort());
    }

    /** Drops the connection at once (no close handshake). */
    synchronized void abort() {
        if (socket != null) {
            socket.abort();
        }
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

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (partial.size() > codec.limits().maxMessageBytes() + 16) {
                ws.sendClose(1009, "message too big");
                reportClosed(1009, "the server sent a message over the size limit", null);
                ws.abort();
                return null;
            }
            if (last) {
                byte[] frame = partial.toByteArray();
                partial.reset();
                stats.received(frame.length);
                try {
                    List<Message> messages = codec.decodeFrame(frame);
                    executor.execute(() -> handler.received(messages));
                } catch (ProtocolException e) {
                    ws.sendClose(1002, "bad frame");
                    reportClosed(1002, "the server sent a frame Weft cannot read: " + e.reason(), e);
                    ws.abort();
                    return null;
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.sendClose(1002, "text frames are not allowed");
            reportClosed(1002, "the server sent a text frame", null);
            ws.abort();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            reportClosed(statusCode, reason, null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            reportClosed(1006, String.valueOf(error.getMessage()), error);
        }
    }
}
