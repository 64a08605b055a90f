package dev.weft.server;

import io.undertow.websockets.core.StreamSourceFrameChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * Reads one connection's binary messages into heap chunks of {@value #CHUNK_BYTES} bytes, each
 * granted by the {@link ReceiveBudget} before it is allocated (docs/server.md, "Limits"). A frame
 * header declaring more than the message limit is refused at once with 1009, before any of its
 * payload is read; a message that does not get budget waits with reads suspended (the socket's
 * window then stops the sender); one that is not whole within the deadline closes its connection
 * with {@value ReceiveLimits#TOO_SLOW}. Undertow's own buffering of whole messages in pooled
 * direct buffers, which has no bound over connections, is not used. All state here is touched on
 * the connection's I/O thread only.
 */
final class MessageReceiver {
    static final int CHUNK_BYTES = 64 << 10;
    static final int TOO_BIG = 1009;
    /** Heap a whole message costs beyond its bytes while it waits (array header, queue entry, callback). */
    static final int MESSAGE_OVERHEAD = 256;

    /** Where whole messages and refusals go. */
    interface Sink {
        /** A whole message; its budget stays held until {@code done} runs. */
        void message(byte[] bytes, Runnable done);

        /** Closes the connection at once with {@code code}. */
        void refuse(int code, String reason);
    }

    private final ReceiveBudget budget;
    private final int device;
    private final int maxMessageBytes;
    private final long deadlineMillis;
    private final XnioIoThread ioThread;
    private final Sink sink;

    private StreamSourceFrameChannel source;
    /** Messages whose first frame came before the one being read was whole, in order. */
    private final ArrayDeque<StreamSourceFrameChannel> next = new ArrayDeque<>();
    private List<byte[]> chunks;
    private byte[] current;
    private int at;
    private int size;
    private long granted;
    private XnioExecutor.Key deadline;
    private Runnable waiter;
    private boolean stopped;

    MessageReceiver(ReceiveBudget budget, int device, int maxMessageBytes, ReceiveLimits limits, XnioIoThread ioThread,
            Sink sink) {
        this.budget = budget;
        this.device = device;
        this.maxMessageBytes = maxMessageBytes;
        this.deadlineMillis = limits.deadline().toMillis();
        this.ioThread = ioThread;
        this.sink = sink;
    }

    /** The first frame of a binary message has arrived; reads it, and its continuations, whole. */
    void start(StreamSourceFrameChannel frame) {
        if (stopped) {
            discard(frame);
            return;
        }
        if (source != null) {
            next.add(frame); // Undertow may parse a header before the message before it is read
            return;
        }
        // Undertow closes the stream at once when its frame headers declare more than this
        frame.setMaxStreamSize(maxMessageBytes);
        if (!frame.isOpen()) {
            refuse(TOO_BIG, tooBig());
            return;
        }
        source = frame;
        chunks = new ArrayList<>();
        current = null;
        at = 0;
        size = 0;
        granted = 0;
        deadline = ioThread.executeAfter(() -> deadlinePassed(frame), deadlineMillis, TimeUnit.MILLISECONDS);
        frame.getReadSetter().set(ch -> pump(frame));
        frame.resumeReads();
        pump(frame);
    }

    /** The connection is closed: nothing more is read and every byte held is given back. */
    void stop() {
        Runnable stop = () -> {
            stopped = true;
            StreamSourceFrameChannel frame = source;
            reset();
            if (frame != null) {
                discard(frame);
            }
            next.forEach(MessageReceiver::discard);
            next.clear();
        };
        try {
            ioThread.execute(stop);
        } catch (RejectedExecutionException e) {
            stop.run(); // the I/O thread has stopped: no one else touches this state now
        }
    }

    private void pump(StreamSourceFrameChannel frame) {
        if (source != frame) {
            return;
        }
        try {
            while (true) {
                if (current == null || at == current.length) {
                    if (!grantChunk(frame)) {
                        frame.suspendReads();
                        return;
                    }
                }
                int n = frame.read(ByteBuffer.wrap(current, at, current.length - at));
                if (n < 0) {
                    finish(frame);
                    return;
                }
                if (n == 0) {
                    return;
                }
                at += n;
                size += n;
                if (size > maxMessageBytes) { // inflated (permessage-deflate) past the limit
                    refuse(TOO_BIG, tooBig());
                    return;
                }
            }
        } catch (IOException e) {
            if (!frame.isOpen() && frame.getWebSocketChannel().isOpen()) {
                refuse(TOO_BIG, tooBig()); // a continuation frame's header passed the limit
            } else {
                reset(); // the connection is lost; its close task follows
            }
        }
    }

    private boolean grantChunk(StreamSourceFrameChannel frame) {
        Runnable wake = new Runnable() {
            @Override
            public void run() {
                ioThread.execute(() -> {
                    if (source == frame && waiter == this) {
                        waiter = null;
                        frame.resumeReads();
                        pump(frame);
                    }
                });
            }
        };
        if (!budget.acquireOrWait(device, CHUNK_BYTES, wake)) {
            waiter = wake;
            return false;
        }
        granted += CHUNK_BYTES;
        current = new byte[CHUNK_BYTES];
        chunks.add(current);
        at = 0;
        return true;
    }

    private void finish(StreamSourceFrameChannel frame) {
        byte[] bytes = new byte[size];
        int to = 0;
        for (byte[] chunk : chunks) {
            int n = Math.min(chunk.length, size - to);
            System.arraycopy(chunk, 0, bytes, to, n);
            to += n;
        }
        // a whole message holds its own size (plus what a queued message costs besides), not its
        // chunks: thousands of keystroke-sized messages waiting for the store must not each hold 64 KiB
        long held = Math.min(granted, size + MESSAGE_OVERHEAD);
        granted -= held; // the rest goes back now; the held bytes are the sink's until its done runs
        reset();
        frame.suspendReads();
        sink.message(bytes, () -> budget.release(device, held));
        StreamSourceFrameChannel following = next.poll();
        if (following != null) {
            start(following);
        }
    }

    private void deadlinePassed(StreamSourceFrameChannel frame) {
        if (source == frame) {
            deadline = null;
            refuse(ReceiveLimits.TOO_SLOW, "too slow: a message took more than " + deadlineMillis / 1000 + " s to arrive");
        }
    }

    private void refuse(int code, String reason) {
        StreamSourceFrameChannel frame = source;
        stopped = true;
        reset();
        sink.refuse(code, reason);
        if (frame != null) {
            discard(frame);
        }
        next.forEach(MessageReceiver::discard);
        next.clear();
    }

    /** Forgets the message in progress and gives back its budget. */
    private void reset() {
        if (waiter != null) {
            budget.cancel(waiter);
            waiter = null;
        }
        if (deadline != null) {
            deadline.remove();
            deadline = null;
        }
        budget.release(device, granted);
        granted = 0;
        source = null;
        chunks = null;
        current = null;
    }

    private String tooBig() {
        return "message over " + maxMessageBytes + " bytes";
    }

    private static void discard(StreamSourceFrameChannel frame) {
        frame.getReadSetter().set(null);
        IoUtils.safeClose(frame);
    }
}
