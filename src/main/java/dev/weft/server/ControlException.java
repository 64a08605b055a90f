package dev.weft.server;

/** A request to a running server's control socket failed; the message says why, for a person. */
public final class ControlException extends Exception {
    private static final long serialVersionUID = 1L;

    public ControlException(String message) {
        super(message);
    }

    public ControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
