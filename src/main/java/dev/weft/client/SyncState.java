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
    REFUSED
}
