package dev.weft.client;

/** What a {@link SyncClient} tells the UI; called on the client's thread, so keep it short. */
public interface SyncListener {
    default void stateChanged(SyncState state) {
    }

    /**
     * Notes done of notes queued, pulls and uploads together, since the connection was last idle (a
     * first sync, a big upload or catch-up); starts over from 0 of 0 once all are done.
     */
    default void progress(int done, int total) {
    }

    /**
     * The server refused a rename made here ({@code 36} code 400 or 409 to an upload), in one sentence:
     * the note took the server's name back and its edits sync on. Told besides the vault's report
     * (its listeners and log), so that a one-shot sync can end saying so.
     */
    default void changeRefused(String message) {
    }

    /**
     * The server's store lacks changes this device holds (it was lost or put back from an older copy)
     * and this device uploads its notes again, or has done so, in one sentence (docs/client.md, "A lost
     * or rolled-back server store"). Told as a {@link #problem} too; this lets a one-shot sync say it.
     */
    default void storeRecovery(String message) {
    }

    /**
     * The connection to the server was lost (not closed by this device), in one sentence with the
     * close code and reason; the client goes offline and reconnects. Told as a {@link #problem} too;
     * this lets a one-shot sync say it.
     */
    default void connectionLost(String message) {
    }

    /**
     * How far the files' round is (docs/files.md): files and bytes moved of those it found; called
     * on the files' thread.
     */
    default void filesProgress(dev.weft.client.files.FileProgress progress) {
    }

    /** Something the user should know, in one sentence. */
    default void problem(String message) {
    }

    /**
     * News worth a line that is no failure: a note an edit took out of the trash, one deleted forever
     * elsewhere (docs/protocol.md §9). Shown as a problem unless the listener shows it otherwise.
     */
    default void notice(String message) {
        problem(message);
    }
}
