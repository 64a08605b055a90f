package dev.weft.server;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.RunForm;
import dev.weft.store.Device;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.xnio.IoUtils;

/**
 * Moves bytes between one Undertow WebSocket channel and its {@link ConnectionLogic}: binary
 * messages are read by a {@link MessageReceiver} within the server's receive budget and handed to
 * the connection's serial executor; sends are queued without blocking. Nothing here interprets a
 * message.
 */
final class WebSocketPeer extends AbstractReceiveListener implements PeerLink {
    /** How long a peer has to answer our close frame before the connection is dropped. */
    private static final int CLOSE_TIMEOUT_SECONDS = 5;

    private final WebSocketChannel channel;
    private final Device device;
    private final MessageCodec codec;
    private final long maxUnsentBytes;
    /** Bytes handed to Undertow and not yet written to the socket. */
    private final AtomicLong unsent = new AtomicLong();
    private final SerialExecutor serial;
    private final ServerLog log;
    private final String label;
    private final MessageReceiver receiver;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The peer announced run messages: sends go out as runs where shorter (RunForm); else null. */
    private final RunForm runs;
    private ConnectionLogic logic;
    private volatile int closeCode = CloseMessage.GOING_AWAY;
    private volatile String closeReason = "";

    WebSocketPeer(WebSocketChannel channel, Device device, MessageCodec codec, long maxUnsentBytes, SerialExecutor serial,
            ServerLog log, ReceiveBudget budget, ReceiveLimits receive, RunForm runs) {
        this.channel = channel;
        this.runs = runs;
        this.device = device;
        this.codec = codec;
        this.maxUnsentBytes = maxUnsentBytes;
        this.serial = serial;
        this.log = log;
        this.label = "device '" + device.name() + "' (site " + device.site() + ") from " + channel.getSourceAddress();
        this.receiver = new MessageReceiver(budget, device.site(), codec.limits().maxMessageBytes(), receive,
                channel.getIoThread(), new MessageReceiver.Sink() {
                    @Override
                    public void message(byte[] bytes, Runnable done) {
                        handle(bytes, done);
                    }

                    @Override
                    public void refuse(int code, String reason) {
                        hangUp(code, reason);
                    }
                });
    }

    /** Starts delivering frames to {@code connection}. */
    void attach(ConnectionLogic connection) {
        this.logic = connection;
        channel.addCloseTask(ch -> {
            receiver.stop();
            serial.execute(() -> logic.closed(closeCode, closeReason));
        });
        channel.getReceiveSetter().set(this);
        channel.resumeReceives();
    }

    @Override
    public boolean speaksRuns() {
        return runs != null;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    protected void onBinary(WebSocketChannel ch, StreamSourceFrameChannel message) {
        receiver.start(message);
    }

    @Override
    protected long getMaxTextBufferSize() {
        return 1024;
    }

    /** Hands a whole message to the connection's logic; {@code done} gives its budget back after. */
    private void handle(byte[] frame, Runnable done) {
        serial.execute(() -> {
            try {
                if (!closing.get()) { // a connection being closed (revoked, broken) is heard no more
                    logic.frame(frame);
                }
            } finally {
                done.run();
            }
        });
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
        serial.execute(() -> close(Failures.PROTOCOL_ERROR, "text frames are a protocol error"));
    }

    @Override
    protected void onCloseMessage(CloseMessage message, WebSocketChannel ch) {
        closeCode = message.getCode();
        closeReason = message.getReason();
        super.onCloseMessage(message, ch);
    }

    @Override
    protected void onError(WebSocketChannel ch, Throwable error) {
        if (!(error instanceof IOException)) {
            log.error("websocket error on " + label, error);
        }
        closeCode = CloseMessage.GOING_AWAY;
        closeReason = "connection lost";
        IoUtils.safeClose(ch);
    }

    @Override
    public void send(List<? extends Message> messages) {
        send(messages, null);
    }

    @Override
    public void send(List<? extends Message> messages, Runnable written) {
        if (closing.get() || !channel.isOpen()) {
            return;
        }
        int max = codec.limits().maxMessageBytes();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        long ops = 0; // what the frame's run messages stand for: at most codec.maxRunOps()
        for (Message m : runs == null ? messages : runs.compact(messages)) {
            byte[] one = codec.encode(m);
            long more = RunForm.ops(m);
            if (frame.size() > 0 && (frame.size() + one.length > max || ops + more > codec.maxRunOps())) {
                sendFrame(frame.toByteArray(), null);
                frame.reset();
                ops = 0;
            }
            frame.writeBytes(one);
            ops += more;
        }
        if (frame.size() > 0) {
            sendFrame(frame.toByteArray(), written);
        }
    }

    /**
     * Queues {@code frame} unless the peer already leaves more than {@code maxUnsentBytes} unread:
     * then the connection is closed with 4008 (Undertow's queue is unbounded; a peer that stops
     * reading would otherwise hold the server's memory for as long as it stays connected).
     */
    private void sendFrame(byte[] frame, Runnable written) {
        if (closing.get()) {
            return;
        }
        long before = unsent.getAndAdd(frame.length);
        if (before > 0 && before + frame.length > maxUnsentBytes) {
            unsent.addAndGet(-frame.length);
            log.info("closing " + label + " (" + Failures.TOO_SLOW + "): it does not read: " + before
                    + " bytes unsent, more would pass the limit of " + maxUnsentBytes);
            close(Failures.TOO_SLOW, "too slow: more than " + maxUnsentBytes + " bytes unread");
            return;
        }
        WebSockets.sendBinary(ByteBuffer.wrap(frame), channel, written == null ? this.written : new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel ch, Integer length) {
                WebSocketPeer.this.written.complete(ch, length);
                written.run();
            }

            @Override
            public void onError(WebSocketChannel ch, Integer length, Throwable error) {
                WebSocketPeer.this.written.onError(ch, length, error);
            }
        }, frame.length);
    }

    /** Counts a frame as sent once written; drops the channel when a send fails. */
    private final WebSocketCallback<Integer> written = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ch, Integer length) {
            unsent.addAndGet(-length);
        }

        @Override
        public void onError(WebSocketChannel ch, Integer length, Throwable error) {
            unsent.addAndGet(-length);
            IoUtils.safeClose(ch);
        }
    };

    /**
     * Drops the channel when a send fails. After a close frame nothing else is needed: the peer
     * answers with its own close frame and the channel then closes by itself.
     */
    private static final WebSocketCallback<Void> CLOSE_ON_ERROR = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ch, Void context) {
        }

        @Override
        public void onError(WebSocketChannel ch, Void context, Throwable error) {
            IoUtils.safeClose(ch);
        }
    };

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeCode = code;
        closeReason = reason;
        String shortReason = reason.length() > 100 ? reason.substring(0, 100) : reason;
        WebSockets.sendClose(code, shortReason, channel, CLOSE_ON_ERROR);
        channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Closes with {@code code} and drops the connection once the close frame is written, without
     * waiting for an answer: the peer is in the middle of sending and may never read it.
     */
    private void hangUp(int code, String reason) {
        log.info("closing " + label + " (" + code + "): " + reason);
        if (!closing.compareAndSet(false, true)) {
            IoUtils.safeClose(channel);
            return;
        }
        closeCode = code;
        closeReason = reason;
        WebSockets.sendClose(code, reason, channel, HANG_UP);
        channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static final WebSocketCallback<Void> HANG_UP = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ch, Void context) {
            IoUtils.safeClose(ch);
        }

        @Override
        public void onError(WebSocketChannel ch, Void context, Throwable error) {
            IoUtils.safeClose(ch);
        }
    };

    @Override
    public void drop() {
        closing.set(true);
        IoUtils.safeClose(channel);
    }

    @Override
    public void serially(Runnable task) {
        serial.execute(task);
    }

    @Override
    public String toString() {
        return label;
    }
}
