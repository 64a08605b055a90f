package dev.weft.client;

/** What a {@link SyncClient} tells the UI; called on the client's thread, so keep it short. */
public interface SyncListener {
    default void stateChanged(SyncState state) {
    }

    /** The pull queue: {@code done} of {@code total} documents (first sync, or a big catch-up). */
    default void progress(int done, int total) {
    }

    /** Something the user should know, in one sentence. */
    default void problem(String message) {
    }
}
