package dev.weft.bench;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket to {@code /v1/sync} on the JDK client: whole binary messages are decoded and handed
 * to {@link #frame}; sends are chained, since the JDK allows one outstanding send per socket.
 */
abstract class BenchSocket implements WebSocket.Listener {
    static final MessageCodec CODEC = new MessageCodec();

    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason = "";
    volatile WebSocket socket;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    /** Connects as the device with {@code token}. */
    CompletableFuture<WebSocket> connect(HttpClient http, URI uri, String token) {
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, this)
                .thenApply(ws -> {
                    socket = ws;
                    return ws;
                });
    }

    /** Sends one frame after the ones sent before; returns when it is handed to the socket. */
    synchronized CompletableFuture<WebSocket> send(byte[] frame) {
        WebSocket ws = socket;
        sending = sending.thenCompose(previous -> ws.sendBinary(ByteBuffer.wrap(frame), true));
        sending.whenComplete((w, error) -> {
            if (error != null) {
                sendFailed(error);
            }
        });
        return sending;
    }

    void sendFailed(Throwable error) {
    }

    /** A whole message (frame) of {@code bytes} bytes, decoded. Runs on the HttpClient's executor. */
    abstract void frame(List<Message> messages, int bytes, long arrivedNanos);

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        long now = System.nanoTime();
        try {
            if (last && partial.size() == 0) {
                int bytes = data.remaining();
                frame(CODEC.decodeFrame(data), bytes, now);
            } else {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                partial.writeBytes(chunk);
                if (last) {
                    byte[] whole = partial.toByteArray();
                    partial.reset();
                    frame(CODEC.decodeFrame(whole), whole.length, now);
                }
            }
        } catch (ProtocolException e) {
            broken(e);
        }
        ws.request(1);
        return null;
    }

    void broken(ProtocolException e) {
        System.err.println("the server sent a broken frame: " + e.reason());
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        System.err.println("the server sent a text frame");
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** A socket that queues every decoded message, for request/answer exchanges. */
    static final class Queued extends BenchSocket {
        final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        /** Payload bytes of every whole message received. */
        final BlockingQueue<Integer> frameBytes = new LinkedBlockingQueue<>();

        @Override
        void frame(List<Message> messages, int bytes, long arrivedNanos) {
            frameBytes.add(bytes);
            received.addAll(messages);
        }

        Message next(long timeoutSeconds) throws InterruptedException, TimeoutException {
            Message m = received.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (m == null) {
                throw new TimeoutException("no message within " + timeoutSeconds + " s (closed: " + closed + ")");
            }
            return m;
        }

        /** The next message of {@code type}, skipping any other. */
        <T extends Message> T expect(Class<T> type, long timeoutSeconds) throws InterruptedException, TimeoutException {
            while (true) {
                Message m = next(timeoutSeconds);
                if (type.isInstance(m)) {
                    return type.cast(m);
                }
            }
        }
    }
}
