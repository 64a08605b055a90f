package dev.weft.store;

import dev.weft.crdt.Pid;

/**
 * One window of a pull read in pid ranges (docs/server.md, "Big answers"): the changes of the
 * atoms after some pid, read at one instant.
 *
 * @param changes the window's changes and the document's state at that instant
 * @param last the last pid the window covers, where the next window starts; null when it reached
 *     the end of the document
 */
public record ChangesWindow(DocumentChanges changes, Pid last) {
}
