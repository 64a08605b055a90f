package dev.weft.ui;

/** Pairing or hosting failed; the message is one sentence for the user. */
public final class ConnectFailure extends Exception {
    public ConnectFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
