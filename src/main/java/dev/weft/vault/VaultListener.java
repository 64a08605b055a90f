package dev.weft.vault;

import java.util.UUID;

/**
 * Hears what happens in a {@link Vault}. Called on the vault's event thread, one call at a time, in
 * the order things happened, never under one of the vault's locks.
 */
public interface VaultListener {
    /** Who changed a note's text. */
    enum Origin {
        /** An edit made through the replica (the editor). */
        LOCAL,
        /** Ops from the server. */
        REMOTE,
        /** Another program edited the {@code .md} file. */
        EXTERNAL
    }

    /** The list changed: names, trash flags, new or removed notes. */
    default void notesChanged() {
    }

    /** The text of note {@code id} changed. */
    default void textChanged(UUID id, Origin origin) {
    }

    /** Note {@code id} has new unacknowledged ops or a pending trash or restore: the sync engine should send. */
    default void pendingWork(UUID id) {
    }

    /**
     * The changes held back for the user's decision ({@link Vault#heldChanges}) changed: a scan held
     * a mass delete or erasure, or one was decided or undone by the files coming back.
     */
    default void heldChanged() {
    }

    /** A one-line message for the user: an unreadable file, a corrupt structure, a failed write. */
    default void problem(String message) {
    }
}
