package dev.weft.client.files;

/** What a file sync round tells the window and {@code weft sync}; called on the round's thread. */
public interface FileSyncListener {
    default void progress(FileProgress progress) {
    }

    /** Something the user should read: a file refused, a mass delete held, a conflict kept. */
    default void problem(String message) {
    }
}
