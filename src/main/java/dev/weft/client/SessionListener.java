package dev.weft.client;

import dev.weft.crdt.Pid;
import java.util.Map;

/** What an {@link EditingSession} tells the editor; called on the sync thread. */
public interface SessionListener {
    /** The session is live: edits go to the server and collaborators' edits arrive. */
    default void live(boolean live) {
    }

    /** Who else has the note open: site → device name. */
    default void peers(Map<Integer, String> peers) {
    }

    /** A collaborator's caret moved: just after {@code pidOrNull}, or to the start when null. */
    default void cursor(int site, Pid pidOrNull) {
    }
}
