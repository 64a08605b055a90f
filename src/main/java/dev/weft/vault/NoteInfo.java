package dev.weft.vault;

import java.util.UUID;

/** A note as the list shows it: its id, its name (a path without {@code .md}) and whether it is in the trash. */
public record NoteInfo(UUID id, String name, boolean trashed) {
}
