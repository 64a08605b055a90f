package dev.weft.vault;

import java.util.Optional;
import java.util.UUID;

/**
 * A name from the server that this device cannot take: it breaks the name rule here (an older
 * server, or a rule that grew since it was stored). Thrown by {@link Vault#applyRemote} and
 * {@link Vault#applyRemoteName} before anything is applied, after the vault reported it to its
 * listeners ({@link VaultListener#problem}) and its log. A new note is not made; a known note keeps
 * its name. The caller skips that one note and syncs the rest.
 */
public final class NoteSetAside extends RuntimeException {
    private static final int SHOWN_CHARS = 80;

    private final UUID id;

    private NoteSetAside(UUID id, String message) {
        super(message, null, false, false);
        this.id = id;
    }

    public UUID id() {
        return id;
    }

    /**
     * Note {@code id} that the server would not send ({@code 36} code 422: the name it has stored
     * breaks the rule, {@code reason} says how); named {@code known} here, if it is known. Any upload
     * of a known note gives it the name it has here (docs/server.md).
     */
    static NoteSetAside unsent(UUID id, Optional<String> known, String reason) {
        return new NoteSetAside(id, known
                .map(here -> "The server could not send the changes to '" + here + "': " + reason
                        + "; the next change made to it here gives it this name there again")
                .orElse("Set aside note " + id + " from the server: " + reason + "; it stays on the server and"
                        + " arrives here once it is renamed on the device that made it"));
    }

    /** The exception for note {@code id} (named {@code known} here, if it is known) and its message. */
    static NoteSetAside of(UUID id, Optional<String> known, String name, String problem) {
        String shown = name.length() <= SHOWN_CHARS ? name : name.substring(0, SHOWN_CHARS) + "…";
        return new NoteSetAside(id, known
                .map(here -> "Kept the name '" + here + "': the server renamed the note to '" + shown
                        + "', which is not a valid note name (" + problem + "); rename it on any device to sync its name again")
                .orElse("Set aside note " + id + " from the server: its name '" + shown + "' is not a valid note name ("
                        + problem + "); it stays on the server and arrives here once it is renamed on the device"
                        + " that made it"));
    }
}
