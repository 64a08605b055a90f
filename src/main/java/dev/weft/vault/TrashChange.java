package dev.weft.vault;

import java.util.UUID;

/** A trash ({@code trashed}) or restore made on this device that the server has not acknowledged yet. */
public record TrashChange(UUID id, boolean trashed) {
}
