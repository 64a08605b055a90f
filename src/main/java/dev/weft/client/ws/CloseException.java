package dev.weft.client.ws;

import java.io.IOException;

/** The peer broke RFC 6455/7692 or a limit: the connection is failed with close code {@link #code()}. */
final class CloseException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int code;

    CloseException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
