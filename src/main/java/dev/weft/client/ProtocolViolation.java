package dev.weft.client;

/** The server sent something the protocol does not allow here; the connection is dropped. */
final class ProtocolViolation extends Exception {
    ProtocolViolation(String message) {
        super(message);
    }
}
