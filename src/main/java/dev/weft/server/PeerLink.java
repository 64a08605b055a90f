package dev.weft.server;

import dev.weft.protocol.Message;
import dev.weft.store.Device;
import java.util.List;

/**
 * The sync logic's view of one WebSocket connection: who is on the other end, and how to send to
 * it or close it. Sends are ordered and never block the caller.
 */
interface PeerLink {
    Device device();

    /** Encodes {@code messages} into one frame (or several, if too big) and sends them in order. */
    void send(List<? extends Message> messages);

    /**
     * {@link #send(List)}, then runs {@code written} once those frames are written to the socket
     * (never if the connection closes first): a big answer reads its next window only then, so a
     * reader that is reading is never cut off, and one that is not holds one window.
     */
    void send(List<? extends Message> messages, Runnable written);

    /** Closes the connection with a WebSocket close code (docs/protocol.md §3) and a short reason. */
    void close(int code, String reason);

    /** Closes the connection at once, without waiting for the peer's close frame. */
    void drop();

    /** Whether both ends announced run messages (docs/protocol.md §8): answers may be built as runs. */
    default boolean speaksRuns() {
        return false;
    }

    /** Runs {@code task} after everything this connection queued before, never concurrently. */
    void serially(Runnable task);
}
