package dev.weft.server.security;

/**
 * A request the server cannot read: it answers {@code 400} with {@link #getMessage()} as a short,
 * plain-text reason.
 */
public final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String reason) {
        super(reason);
    }
}
