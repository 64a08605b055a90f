package dev.weft.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes a client moved. {@link #bytesSent()}/{@link #bytesReceived()} count the protocol's bytes,
 * uncompressed WebSocket payload (what the protocol costs); {@link #wireBytesSent()}/
 * {@link #wireBytesReceived()} count the same messages as they went over the socket: WebSocket frame
 * headers, mask and the payload after permessage-deflate (TLS adds its records on top). Shared by
 * every connection of a {@link SyncClient}.
 */
public final class WireStats {
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong wireBytesSent = new AtomicLong();
    private final AtomicLong wireBytesReceived = new AtomicLong();

    void sent(int bytes) {
        bytesSent.addAndGet(bytes);
        framesSent.incrementAndGet();
    }

    void received(int bytes) {
        bytesReceived.addAndGet(bytes);
        framesReceived.incrementAndGet();
    }

    /** Counts the messages a connection sends and receives. */
    dev.weft.client.ws.Options.Meter meter() {
        return new dev.weft.client.ws.Options.Meter() {
            @Override
            public void sent(int payload, long wire) {
                WireStats.this.sent(payload);
                wireBytesSent.addAndGet(wire);
            }

            @Override
            public void received(int payload, long wire) {
                WireStats.this.received(payload);
                wireBytesReceived.addAndGet(wire);
            }
        };
    }

    /** Bytes of WebSocket frames sent for the messages (headers, mask, compressed payload). */
    public long wireBytesSent() {
        return wireBytesSent.get();
    }

    /** Bytes of WebSocket frames received for the messages (headers, compressed payload). */
    public long wireBytesReceived() {
        return wireBytesReceived.get();
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
        return "sent " + bytesSent() + " B (" + wireBytesSent() + " B on the wire) in " + framesSent()
                + " frames, received " + bytesReceived() + " B (" + wireBytesReceived() + " B on the wire) in "
                + framesReceived() + " frames";
    }
}
