package dev.weft.ui;

import dev.weft.client.EditingSession;
import dev.weft.client.SessionListener;
import dev.weft.client.SyncClient;
import dev.weft.crdt.Pid;
import dev.weft.ui.editor.NoteEditorBinding;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.awt.event.ActionEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.fife.ui.rsyntaxtextarea.RSyntaxDocument;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;

/**
 * The note in the editor: opens its replica on the worker thread (a huge note must not freeze the
 * window), binds it to the text area, and while the vault is paired keeps an editing session that
 * brings collaborators' presence and carets (once the client has been current with the server). Opening another note closes the session and the
 * binding first. Undo and redo go to the binding, which undoes only this user's edits.
 * Event thread only, except the session's callbacks.
 */
final class OpenNote {
    /** What the window hears about the open note. */
    interface Listener {
        /** A note is in the editor now (null: none). */
        void opened(UUID idOrNull);

        /** Who else has it open, by device name. */
        void peers(Collection<String> names);

        /** An edit could not be saved, in a sentence. */
        void problem(String message);

        /** A note is taking long to open (null: it is done, or it failed). */
        void opening(String nameOrNull);
    }

    /** A stretch of the note's text to select once it is open (a search result). */
    record Selection(int start, int end) {
    }

    /** Opening a note that takes longer shows it in the status bar. */
    private static final int SLOW_OPEN_MILLIS = 300;

    private final Vault vault;
    private final Optional<SyncClient> sync;
    private final RSyntaxTextArea area;
    private final Jobs jobs;
    private final Listener listener;
    private final Action undo = delegate("Undo", true);
    private final Action redo = delegate("Redo", false);
    private UUID current;
    private UUID requested;
    private NoteEditorBinding binding;
    private EditingSession session;
    private boolean sessionsAllowed;

    OpenNote(Vault vault, Optional<SyncClient> sync, RSyntaxTextArea area, Jobs jobs, Listener listener) {
        this.vault = vault;
        this.sync = sync;
        this.area = area;
        this.jobs = jobs;
        this.listener = listener;
        detached();
    }

    UUID current() {
        return current;
    }

    Action undoAction() {
        return undo;
    }

    Action redoAction() {
        return redo;
    }

    void open(UUID id, Selection selection) {
        if (id.equals(current) && binding != null) {
            select(selection);
            return;
        }
        requested = id;
        String name = vault.note(id).map(n -> n.name()).orElse("the note");
        boolean[] opened = {false}; // event thread only: a timer event queued before stop() must not show
        Timer slow = new Timer(SLOW_OPEN_MILLIS, e -> {
            if (!opened[0]) {
                listener.opening("Opening “" + name + "”…");
            }
        });
        slow.setRepeats(false);
        slow.start();
        jobs.run("Could not open " + name, () -> {
            try {
                return vault.replica(id);
            } finally {
                SwingUtilities.invokeLater(() -> {
                    opened[0] = true;
                    slow.stop();
                    listener.opening(null);
                });
            }
        }, replica -> {
            if (id.equals(requested)) {
                attach(id, replica, selection);
            }
        });
    }

    /**
     * Makes note {@code id}'s text {@code text} as this user's edits, one undo step (a version
     * restored); false when that note is not the one in the editor.
     */
    boolean replaceText(UUID id, String text) {
        if (binding == null || !id.equals(current)) {
            return false;
        }
        binding.replaceText(text);
        return true;
    }

    /** Shows no note (the open one was trashed, say). */
    void closeNote() {
        requested = null;
        detach();
        detached();
        listener.opened(null);
    }

    /**
     * The sync client is current with its server: from now on an open note gets its session. Not
     * before: a session started on a note made before pairing, while its first upload is on the
     * way, makes the server create it as "Untitled", and the upload's name then loses to that.
     */
    void synced() {
        sessionsAllowed = true;
        if (current != null && session == null) {
            openSession(current);
        }
    }

    private void attach(UUID id, NoteReplica replica, Selection selection) {
        detach();
        current = id;
        binding = NoteEditorBinding.attach(area, replica);
        binding.setProblemListener(listener::problem);
        area.setEditable(true);
        area.setEnabled(true);
        area.setCaretPosition(0);
        select(selection);
        openSession(id);
        listener.opened(id);
        area.requestFocusInWindow();
    }

    private void openSession(UUID id) {
        if (sync.isEmpty() || !sessionsAllowed || !vault.device().isPaired()) {
            return;
        }
        NoteEditorBinding bound = binding;
        session = sync.get().openSession(id, new SessionListener() {
            @Override
            public void peers(Map<Integer, String> peers) {
                bound.collaborators(peers);
                SwingUtilities.invokeLater(() -> {
                    if (binding == bound) {
                        listener.peers(peers.values());
                    }
                });
            }

            @Override
            public void cursor(int site, Pid pidOrNull) {
                bound.collaboratorCursor(site, pidOrNull);
            }
        });
        EditingSession mine = session;
        binding.setOwnCaretListener(mine::moveCursor);
    }

    private void select(Selection selection) {
        if (selection == null) {
            return;
        }
        int length = area.getDocument().getLength();
        area.select(Math.min(selection.start(), length), Math.min(selection.end(), length));
    }

    private void detach() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (binding != null) {
            binding.close();
            binding = null;
        }
        current = null;
        listener.peers(java.util.List.of());
    }

    private void detached() {
        area.setDocument(new RSyntaxDocument(SyntaxConstants.SYNTAX_STYLE_MARKDOWN));
        area.setEditable(false);
        area.setEnabled(false);
    }

    void close() {
        requested = null;
        detach();
    }

    private Action delegate(String name, boolean isUndo) {
        return new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (binding != null) {
                    (isUndo ? binding.undoAction() : binding.redoAction()).actionPerformed(e);
                }
            }
        };
    }
}
