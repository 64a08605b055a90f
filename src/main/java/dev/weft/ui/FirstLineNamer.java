package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.text.NotePaths;
import java.util.UUID;
import javax.swing.Timer;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.Element;

/**
 * Names a note created without a name ("Untitled") after its first line while the user types it:
 * {@value #QUIET_MILLIS} ms after the typing stops, the note is renamed through the vault on the
 * worker thread ({@link FirstLineName}; an empty first line names it "Untitled" again), in the
 * folder it is in. Follows one note, and only until the user renames it or opens another note
 * (a rename still waiting then is done at once). A rename the vault refuses keeps the old name,
 * silently. Event thread only.
 */
final class FirstLineNamer {
    static final int QUIET_MILLIS = 700;
    static final String UNTITLED = "Untitled";
    /** How much of a long first line is read: far more than a name keeps. */
    private static final int READ_AT_MOST = 4096;

    private final Vault vault;
    private final Jobs jobs;
    private final Timer quiet;
    private UUID following;
    /** The name last asked for (its last segment), and the one the first line gives now. */
    private String asked;
    private String wanted;

    FirstLineNamer(Vault vault, Jobs jobs) {
        this.vault = vault;
        this.jobs = jobs;
        this.quiet = new Timer(QUIET_MILLIS, e -> renameNow());
        quiet.setRepeats(false);
    }

    /** From now on note {@code id}, just created as "Untitled", takes its name from its first line. */
    void follow(UUID id) {
        quiet.stop();
        following = id;
        asked = UNTITLED;
        wanted = UNTITLED;
    }

    /** Whether note {@code id} is named after its first line still. */
    boolean follows(UUID id) {
        return id != null && id.equals(following);
    }

    /** Whether a rename waits for the typing to stop. */
    boolean waiting() {
        return quiet.isRunning();
    }

    /** The text of the open note {@code id} changed: {@code document} is its text now. */
    void edited(UUID id, Document document) {
        if (!follows(id)) {
            return;
        }
        String name = FirstLineName.of(firstLine(document));
        wanted = name.isEmpty() ? UNTITLED : name;
        quiet.restart();
    }

    /** Note {@code idOrNull} is in the editor now: another note ends the following, after a last rename. */
    void opened(UUID idOrNull) {
        if (following != null && !following.equals(idOrNull)) {
            finish();
        }
    }

    /** The user names note {@code id} themselves: a rename still waiting is dropped, the following ends. */
    void renamedByUser(UUID id) {
        if (follows(id)) {
            quiet.stop();
            following = null;
        }
    }

    /** Ends the following, doing a rename still waiting first (the window closes, another note opens). */
    void finish() {
        if (quiet.isRunning()) {
            quiet.stop();
            renameNow();
        }
        following = null;
    }

    private void renameNow() {
        if (following == null || wanted.equals(asked)) {
            return;
        }
        UUID id = following;
        String name = wanted;
        asked = name;
        jobs.runQuietly(() -> {
            NoteInfo note = vault.note(id).orElse(null);
            if (note == null || note.trashed()) {
                return null;
            }
            int slash = note.name().lastIndexOf('/');
            String target = note.name().substring(0, slash + 1) + name;
            // a name the vault would refuse (a Windows device name, too long with its folder) is not tried
            if (NotePaths.validate(target).isEmpty()) {
                vault.rename(id, target);
            }
            return null;
        });
    }

    private static String firstLine(Document document) {
        Element line = document.getDefaultRootElement().getElement(0);
        int length = Math.min(line.getEndOffset() - line.getStartOffset(), READ_AT_MOST);
        try {
            return document.getText(line.getStartOffset(), Math.min(length, document.getLength()));
        } catch (BadLocationException e) {
            return "";
        }
    }
}
