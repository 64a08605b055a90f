package dev.weft.vault;

import java.util.UUID;

/** A note whose {@code .md} could not be written or moved where its name says, and why ({@link Vault#unwrittenFiles}). */
public record UnwrittenFile(UUID id, String name, String problem) {
}
