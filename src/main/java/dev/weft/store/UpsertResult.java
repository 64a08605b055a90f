package dev.weft.store;

/**
 * The outcome of one upsert.
 *
 * @param document the document after the upsert: its name (maybe made unique, docs/protocol.md §4) and
 *     its sync time (new if anything changed)
 * @param created whether the upsert created the document
 * @param renamed whether its name changed (a create counts as no rename)
 * @param changed whether anything changed: a create, a rename or an op that had an effect
 */
public record UpsertResult(DocumentState document, boolean created, boolean renamed, boolean changed) {
}
