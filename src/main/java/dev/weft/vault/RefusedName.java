package dev.weft.vault;

import dev.weft.vault.text.NotePaths;
import java.util.List;
import java.util.Optional;

/**
 * A name the server refused (its {@code 36} code 400 or 409 to an upload: the name breaks the rule
 * there, or it is taken and its numbered form would): the note takes back the name the server has
 * for it, or {@value #UNTITLED} if the server has none yet, so that its text syncs on.
 *
 * @param refused the refused name
 * @param back the name the note takes back
 * @param serverHad whether that is the server's name for it (else the server has no note of that id)
 */
record RefusedName(String refused, String back, boolean serverHad) {
    static final String UNTITLED = "Untitled";
    private static final int SHOWN_CHARS = 80;

    /**
     * The refusal of the note's pending rename, if that rename went with the refused upload (its seq
     * at or below {@code throughSeq}); empty if a newer rename replaced it or there is none to take back.
     */
    static Optional<RefusedName> of(List<LocalOp> pending, Optional<String> serverName, long throughSeq) {
        LocalOp.Rename rename = null;
        for (LocalOp op : pending) {
            if (op instanceof LocalOp.Rename r) {
                rename = r;
            }
        }
        if (rename == null || rename.seq() > throughSeq) {
            return Optional.empty();
        }
        Optional<String> back = serverName.filter(name -> NotePaths.validate(name).isEmpty());
        if (back.isPresent() && back.get().equals(rename.name())) {
            return Optional.empty();
        }
        return Optional.of(new RefusedName(rename.name(), back.orElse(UNTITLED), back.isPresent()));
    }

    /** What the user is told, once: the note is named {@code now} here. */
    String message(String now, String reason) {
        String shown = refused.length() <= SHOWN_CHARS ? refused : refused.substring(0, SHOWN_CHARS) + "…";
        return "The server refused the name '" + shown + "' (" + reason + "): the note is named '" + now
                + (serverHad ? "' again" : "' here") + " and its changes sync on";
    }
}
