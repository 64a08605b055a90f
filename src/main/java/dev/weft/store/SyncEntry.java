package dev.weft.store;

import java.util.UUID;

/**
 * One entry of a synclist answer: a document and the sync time of its last change.
 *
 * @param syncTime the sync time of the document's last change
 * @param documentId the document
 */
public record SyncEntry(long syncTime, UUID documentId) {
}
