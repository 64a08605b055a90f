package dev.weft.protocol;

/**
 * One protocol message (docs/protocol.md §4, §5). Each implementation is an immutable record that
 * validates its fields on construction, so every instance can be encoded.
 *
 * <p>Types below 64 belong to the global sync connection, 64 and above to an editing session.
 */
public sealed interface Message
        permits Synclist, SyncDocPull, SyncDocUpsert, SyncDocTrash, SyncDocRestore,
                SynclistResponse, SyncDocResponse, SyncDocDone, SyncError,
                SessionStart, SessionInsert, SessionDelete, NameChange,
                SessionReady, SessionAck, SessionPeer, SessionCursor,
                SyncDocUpsertRuns, SyncDocResponseRuns, SessionInsertRuns, SessionDeleteRanges,
                SyncDocTrashBatch, SyncDocPurge, SyncDocTrashInfo, SyncDocPurged,
                HistoryList, HistoryPull, HistoryVersions, HistoryText, FilesChanged {

    /** The header byte that starts this message on the wire. */
    int type();
}
