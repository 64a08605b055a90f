package dev.weft.vault;

import java.util.UUID;

/**
 * A change another program made to a note's file that the vault holds back for the user to decide
 * ({@link MassChangeGuard}): nothing of it is sent until {@link Vault#allowHeld} or {@link Vault#restoreHeld}.
 */
public record HeldChange(UUID id, String name, Kind kind) {
    public enum Kind {
        /** The file is gone (deleted, moved out of the vault): sending it trashes the note everywhere. */
        DELETED,
        /** The file was emptied or mostly erased: sending it erases the text everywhere. */
        ERASED
    }
}
