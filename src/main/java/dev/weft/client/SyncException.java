package dev.weft.client;

/** Syncing or pairing failed; the message is one clear sentence for the user. */
public final class SyncException extends Exception {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
