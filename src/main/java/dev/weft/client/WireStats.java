package dev.weft.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes a client moved, counted as WebSocket payload (what the protocol costs; TLS and WebSocket
 * framing add a few bytes per frame on top). Shared by every connection of a {@link SyncClient}.
 */
public final class WireStats {
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();

    void sent(int bytes) {
        bytesSent.addAndGet(bytes);
        framesSent.incrementAndGet();
    }

    void received(int bytes) {
        bytesReceived.addAndGet(bytes);
        framesReceived.incrementAndGet();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    public long framesSent() {
        return framesSent.get();
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    @Override
    public String toString() {
        return "sent " + bytesSent() + " B in " + framesSent() + " frames, received " + bytesReceived() + " B in "
                + framesReceived() + " frames";
    }
}
