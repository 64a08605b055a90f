package dev.weft.client;

import dev.weft.crdt.Pid;
import java.util.UUID;

/**
 * The live session of a note open in an editor (docs/protocol.md §5), opened by
 * {@link SyncClient#openSession}: while it is live, local edits go to the server at once and
 * collaborators' edits, presence and carets arrive; it reconnects by itself when the connection
 * is lost. Closing it returns the note to the global connection.
 */
public interface EditingSession extends AutoCloseable {
    UUID document();

    /** True once the catch-up is done and edits flow both ways. */
    boolean isLive();

    /** Shows this device's caret to the collaborators: just after {@code afterOrNull}, or at the start. */
    void moveCursor(Pid afterOrNull);

    @Override
    void close();
}
