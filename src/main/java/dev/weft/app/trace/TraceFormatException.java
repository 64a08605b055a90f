package dev.weft.app.trace;

import java.io.IOException;

/** A trace file that is not valid gzip, not valid JSON, or not a valid editing trace. */
public final class TraceFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
