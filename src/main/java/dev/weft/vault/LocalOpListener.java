package dev.weft.vault;

import java.util.List;

/**
 * Hears about local edits once they are in the record log, so the network side can send them: the
 * log is written first, the listener is told after.
 */
@FunctionalInterface
public interface LocalOpListener {
    /**
     * Called on the editing thread after an edit's records were written, outside the log's lock.
     *
     * @param nowPending the ops of this edit that entered the pending set, in seq order; empty when
     *     the edit only cancelled unsent inserts (the net-op rule), which leave the pending set silently
     */
    void appended(List<LocalOp> nowPending);
}
