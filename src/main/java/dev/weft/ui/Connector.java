package dev.weft.ui;

/**
 * Pairing and hosting, done by {@code dev.weft.app} (which may use the wire protocol and the
 * server). Both calls block and run off the event thread.
 */
public interface Connector extends AutoCloseable {
    /**
     * Pairs the vault with the server of a pairing link ({@code weft://…}) as {@code deviceName}; returns
     * the name the server paired it under: {@code deviceName}, or {@code deviceName (2)}, … when another
     * device has that name.
     *
     * @throws ConnectFailure with a sentence for the user: a malformed link, an unreachable server,
     *     a used code
     */
    String pair(String link, String deviceName) throws ConnectFailure;

    /**
     * Runs the sync server in this process (started once, then kept until {@link #close}), pairs
     * the vault with it if it is not paired yet, and returns a fresh single-use link for another device.
     */
    String host(String deviceName) throws ConnectFailure;

    /** Stops the server if this connector started one. */
    @Override
    void close();
}
