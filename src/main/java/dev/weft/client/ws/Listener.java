package dev.weft.client.ws;

/**
 * What a {@link WebSocket} tells its owner: messages on the connection's reader thread, in order;
 * {@link #onClose} or {@link #onError}, exactly one of them, once, on the reader thread or (a
 * keepalive or close timeout, a failed write) on the timer or writer thread. After it no message
 * is delivered. {@link WebSocket#abort()} by the owner reports nothing. No lock of the socket is
 * held during a call, so the listener may send, close or abort from it.
 */
public interface Listener {
    /** A whole binary message, reassembled and decompressed. */
    void onBinary(byte[] message);

    /** A whole text message (valid UTF-8); Weft's protocol has none, so the owner may close. */
    void onText(String message);

    /**
     * The connection closed with a close code: the server's close frame ({@code 1000}, {@code 1001},
     * {@code 1008}, ...), the code this client failed the connection with ({@code 1002}, {@code 1007},
     * {@code 1009}), or {@code 1005} when the server's close frame had no code.
     */
    void onClose(int code, String reason);

    /** The connection failed without a close handshake: I/O error, dead network (keepalive), timeout. */
    void onError(Throwable error);
}
