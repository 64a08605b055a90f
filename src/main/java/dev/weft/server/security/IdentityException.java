package dev.weft.server.security;

/**
 * The server's TLS identity cannot be made or loaded. The message is for the operator: it names
 * the file and says what is wrong with it and, where there is one, what to do.
 */
public final class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    IdentityException(String message) {
        super(message);
    }

    IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
