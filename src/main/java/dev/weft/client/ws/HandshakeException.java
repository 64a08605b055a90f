package dev.weft.client.ws;

import java.io.IOException;

/**
 * The server answered the upgrade request with something other than a valid {@code 101}: a
 * status such as {@code 401} ({@link #status()}), or a 101 that breaks RFC 6455 §4.1 or RFC 7692
 * ({@link #status()} is then 101).
 */
public final class HandshakeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HandshakeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code of the server's answer. */
    public int status() {
        return status;
    }
}
