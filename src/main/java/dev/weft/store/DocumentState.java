package dev.weft.store;

import java.util.UUID;

/**
 * A document as the server knows it.
 *
 * @param id the document id
 * @param name its note name, unique without regard to case among the documents not in the trash
 * @param trashed whether it is in the trash
 * @param syncTime the sync time of its last change (docs/protocol.md §3)
 */
public record DocumentState(UUID id, String name, boolean trashed, long syncTime) {
}
