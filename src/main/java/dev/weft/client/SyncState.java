package dev.weft.client;

/** What the status bar shows about the connection to the server. */
public enum SyncState {
    /** Not paired with a server: everything stays on this device. */
    UNPAIRED,
    /** No connection; a retry is scheduled (or the client is stopped). */
    OFFLINE,
    /** Opening the connection. */
    CONNECTING,
    /** Connected; uploading pending work or pulling changes. */
    SYNCING,
    /** Connected, and the vault holds everything the server has. */
    SYNCED,
    /** The server no longer accepts this device; it must be paired again. */
    REFUSED,
    /**
     * Connected, but the server's disk is full: it refuses writes (docs/protocol.md §4, code 507), so
     * local changes stay on this device and are sent again, with backoff, until it takes them.
     */
    SERVER_DISK_FULL
}
