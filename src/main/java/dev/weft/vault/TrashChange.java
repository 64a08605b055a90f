package dev.weft.vault;

import java.util.UUID;

/**
 * A trash ({@code trashed}) or restore made on this device that the server has not acknowledged yet.
 *
 * @param batch for a trash, the batch its user action gave it (0: none; the sync that sends it gives one)
 */
public record TrashChange(UUID id, boolean trashed, long batch) {
    /** A change of no batch. */
    public TrashChange(UUID id, boolean trashed) {
        this(id, trashed, 0);
    }
}
