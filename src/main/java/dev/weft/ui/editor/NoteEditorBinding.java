package dev.weft.ui.editor;

import dev.weft.crdt.Pid;
import dev.weft.vault.LocalOp;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.TextChange;
import dev.weft.vault.DiskFull;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.CaretListener;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import javax.swing.undo.UndoManager;
import org.fife.ui.rsyntaxtextarea.RSyntaxDocument;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;

/**
 * Keeps an {@link RSyntaxTextArea} and a note's {@link NoteReplica} in step (the CRDT is the truth).
 *
 * <ul>
 *   <li>Local edits pass through a {@link DocumentFilter}: each goes to the replica (and so to the
 *       record log) first and reaches the area only once logged; an edit the log refuses is not
 *       shown and the problem is reported.</li>
 *   <li>Changes made by others (remote ops, another program's edit merged by the vault) arrive on
 *       their threads as {@link TextChange}s, are queued, and reach the area on the EDT in one batch
 *       per event-queue turn, bypassing the filter so nothing is echoed back. An edit the user
 *       makes while changes are queued first shows them, its offsets moved past them.</li>
 *   <li>The caret and selection stay on the same text: text a collaborator types at or before
 *       them moves them along, text typed at the caret goes after it.</li>
 *   <li>Undo and redo revert only this user's own edits ({@link OwnEditHistory}), as new ops.</li>
 * </ul>
 *
 * <p>Lock order: the document's write lock, then the replica's; other threads take only the
 * replica's. EDT only, except {@link #collaborators} and {@link #collaboratorCursor}.
 */
public final class NoteEditorBinding implements AutoCloseable {
    /** Beyond this many queued changes the area takes the replica's text in one replacement. */
    static final int MAX_CHANGES_ONE_BY_ONE = 256;
    private static final int OWN_CARET_DELAY_MILLIS = 50;

    private final RSyntaxTextArea area;
    private final RSyntaxDocument document;
    private final NoteReplica replica;
    private final OwnEditHistory history = new OwnEditHistory(System::currentTimeMillis);
    private final CollaboratorCarets carets;
    private final ConcurrentLinkedQueue<TextChange> unshown = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean showScheduled = new AtomicBoolean();
    private final Consumer<TextChange> heard = this::heard;
    private final CaretListener caretMoved = e -> caretMoved();
    private final Timer ownCaretTimer;
    private final Action undoAction = new HistoryAction("Undo", this::undo);
    private final Action redoAction = new HistoryAction("Redo", this::redo);
    /** The thread changing the replica on this binding's behalf: its changes are shown already. */
    private volatile Thread editing;
    /** True while the binding itself changes the area: the filter lets it through. */
    private boolean showing;
    /** True while the binding moves the caret: not the user's jump. */
    private boolean placingCaret;
    private Consumer<Pid> ownCaretListener = pid -> { };
    private boolean reportedCaret;
    private Pid lastReportedCaret;
    private Consumer<String> problemListener = message -> { };
    private boolean closed;
    /** The atoms of the last local insert (an undo's retyped text). */
    private List<Pid> lastInserted = List.of();

    private NoteEditorBinding(RSyntaxTextArea area, NoteReplica replica) {
        this.area = area;
        this.replica = replica;
        this.document = new RSyntaxDocument(area.getSyntaxEditingStyle());
        this.carets = new CollaboratorCarets(area);
        this.ownCaretTimer = new Timer(OWN_CARET_DELAY_MILLIS, e -> reportOwnCaret());
        ownCaretTimer.setRepeats(false);
    }

    /**
     * Shows note {@code replica} in {@code area} (a fresh document with the note's text, caret at
     * the start) and keeps them in step until {@link #close}. Replaces the area's own undo.
     */
    public static NoteEditorBinding attach(RSyntaxTextArea area, NoteReplica replica) {
        requireEdt();
        NoteEditorBinding binding = new NoteEditorBinding(area, replica);
        binding.start();
        return binding;
    }

    private void start() {
        synchronized (replica) {
            try {
                document.insertString(0, replica.text(), null);
            } catch (BadLocationException e) {
                throw new IllegalStateException("inserting at 0", e);
            }
            replica.addTextListener(heard);
        }
        area.setDocument(document);
        // RSyntaxTextArea's own undo would undo collaborators' text too: ours replaces it
        for (var listener : document.getUndoableEditListeners()) {
            if (listener instanceof UndoManager) {
                document.removeUndoableEditListener(listener);
            }
        }
        document.setDocumentFilter(new LocalEdits());
        area.setCaretPosition(0);
        area.addCaretListener(caretMoved);
        bindKeys();
        updateActions();
    }

    public Action undoAction() {
        return undoAction;
    }

    public Action redoAction() {
        return redoAction;
    }

    /** Hears where this user's caret is (just after a pid, or {@code null} at the start), at most every 50 ms. */
    public void setOwnCaretListener(Consumer<Pid> listener) {
        ownCaretListener = Objects.requireNonNull(listener);
        reportedCaret = false;
        ownCaretTimer.restart();
    }

    /** Hears edits that could not be saved (the window shows them); the edit is then not made. */
    public void setProblemListener(Consumer<String> listener) {
        problemListener = Objects.requireNonNull(listener);
    }

    /** Who else is in the note, site → device name; any thread. Carets of those who left go. */
    public void collaborators(Map<Integer, String> peers) {
        Map<Integer, String> copy = Map.copyOf(peers);
        SwingUtilities.invokeLater(() -> {
            if (!closed) {
                carets.present(copy);
            }
        });
    }

    /** Collaborator {@code site}'s caret is just after {@code afterOrNull} (the start if null); any thread. */
    public void collaboratorCursor(int site, Pid afterOrNull) {
        SwingUtilities.invokeLater(() -> {
            if (closed) {
                return;
            }
            synchronized (replica) {
                showUnshown();
                carets.show(site, afterOrNull == null ? 0 : replica.utf16After(afterOrNull));
            }
        });
    }

    /** Reverts this user's last own edit that is still there to revert; a collaborator's text stays. */
    public void undo() {
        requireEdt();
        synchronized (replica) {
            showUnshown();
            while (history.canUndo()) {
                revert(history.startUndo());
                if (history.finishUndo()) {
                    break;
                }
            }
        }
        updateActions();
    }

    /**
     * Makes the note's text {@code text} by the fewest edits (a collaborator's text that stays keeps
     * its author), as this user's edits that sync as typing does and that one undo reverts.
     */
    public void replaceText(String text) {
        requireEdt();
        synchronized (replica) {
            showUnshown();
            List<dev.weft.vault.text.TextDiff.Edit> edits = dev.weft.vault.text.TextDiff.diff(text(), text);
            history.beginStep();
            try {
                for (dev.weft.vault.text.TextDiff.Edit e : edits) {
                    document.replace(e.offset(), e.deleteLength(), e.insert(), null);
                }
            } catch (BadLocationException e) {
                throw new IllegalStateException("an edit outside the text: the area is out of step", e);
            } finally {
                history.endStep();
            }
        }
        updateActions();
    }

    /** Makes again the last edit undone. */
    public void redo() {
        requireEdt();
        synchronized (replica) {
            showUnshown();
            while (history.canRedo()) {
                revert(history.startRedo());
                if (history.finishRedo()) {
                    break;
                }
            }
        }
        updateActions();
    }

    /** Detaches from the replica; the area keeps the text it shows. */
    @Override
    public void close() {
        requireEdt();
        if (closed) {
            return;
        }
        closed = true;
        replica.removeTextListener(heard);
        document.setDocumentFilter(null);
        area.removeCaretListener(caretMoved);
        ownCaretTimer.stop();
        carets.clear();
        undoAction.setEnabled(false);
        redoAction.setEnabled(false);
    }

    /** Collaborators' carets shown, site → offset (tests). */
    Map<Integer, Integer> collaboratorOffsets() {
        return carets.offsets();
    }

    // ---- changes made by others ----------------------------------------------------------------

    /** Under the replica's lock, on the thread that changed it. */
    private void heard(TextChange change) {
        if (Thread.currentThread() == editing) {
            return;
        }
        unshown.add(change);
        if (showScheduled.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showQueued);
        }
    }

    private void showQueued() {
        showScheduled.set(false);
        if (closed) {
            return;
        }
        synchronized (replica) {
            showUnshown();
        }
    }

    /** Shows every queued change (caller holds the replica's lock, so the queue is complete). */
    private void showUnshown() {
        List<TextChange> batch = drain();
        if (!batch.isEmpty()) {
            show(batch, new ToDocument());
        }
    }

    private List<TextChange> drain() {
        List<TextChange> batch = new ArrayList<>();
        for (TextChange c; (c = unshown.poll()) != null; ) {
            batch.add(c);
        }
        return batch;
    }

    /** Applies changes made by others to the area, keeping the caret and selection on their text. */
    private void show(List<TextChange> batch, Mutation mutation) {
        List<TextChange> changes = batch.size() > MAX_CHANGES_ONE_BY_ONE
                ? List.of(TextDiff.between(text(), replica.text()))
                : TextDiff.joined(batch);
        int dot = area.getCaret().getDot();
        int mark = area.getCaret().getMark();
        showing = true;
        try {
            for (TextChange c : changes) {
                if (c.removedLength() > 0) {
                    mutation.remove(c.offset(), c.removedLength());
                }
                if (!c.inserted().isEmpty()) {
                    mutation.insert(c.offset(), c.inserted());
                }
                dot = TextPositions.after(dot, c);
                mark = TextPositions.after(mark, c);
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("a change outside the text: the area is out of step", e);
        } finally {
            showing = false;
        }
        placeCaret(mark, dot);
    }

    private void placeCaret(int mark, int dot) {
        placingCaret = true;
        try {
            area.setCaretPosition(mark);
            if (dot != mark) {
                area.moveCaretPosition(dot);
            }
        } finally {
            placingCaret = false;
        }
    }

    // ---- this user's edits ---------------------------------------------------------------------

    /** Every edit of the area's text, by the user or by {@link #revert}, comes through here. */
    private final class LocalEdits extends DocumentFilter {
        @Override
        public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
            replace(fb, offset, 0, text, attrs);
        }

        @Override
        public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
            replace(fb, offset, length, "", null);
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
                throws BadLocationException {
            if (showing) {
                fb.replace(offset, length, text, attrs);
            } else {
                localEdit(fb, offset, length, text == null ? "" : text, attrs);
            }
        }
    }

    private void localEdit(DocumentFilter.FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        synchronized (replica) {
            int start = offset;
            int end = offset + length;
            List<TextChange> queued = drain();
            if (!queued.isEmpty()) {
                show(queued, new ThroughBypass(fb));
                for (TextChange c : TextDiff.joined(queued)) {
                    start = TextPositions.after(start, c);
                    end = Math.max(start, TextPositions.after(end, c));
                }
            }
            start = Surrogates.wholeCharStart(document, start);
            end = Surrogates.wholeCharEnd(document, end);
            if (start == end && text.isEmpty()) {
                return;
            }
            if (Surrogates.hasLone(text)) {
                Toolkit.getDefaultToolkit().beep();
                return;
            }
            String removedText = document.getText(start, end - start);
            editing = Thread.currentThread();
            try {
                List<LocalOp> deleted = end > start ? replica.deleteUtf16(start, end - start) : List.of();
                List<LocalOp> inserted = text.isEmpty() ? List.of() : replica.insertUtf16(start, text);
                showing = true;
                try {
                    fb.replace(start, end - start, text, attrs);
                } finally {
                    showing = false;
                }
                lastInserted = pids(inserted);
                history.record(start, end > start ? new OwnEdit.Removed(pids(deleted), removedText) : null,
                        lastInserted, text);
            } catch (IOException | RuntimeException e) {
                problemListener.accept(DiskFull.causes(e)
                        ? "The disk is full: your edit could not be saved; the note shows what is saved."
                                + " Free some space and type on."
                        : "Your edit could not be saved (" + e.getMessage() + "); the note shows what is saved.");
                resyncFromReplica(fb);
            } finally {
                editing = null;
            }
        }
        SwingUtilities.invokeLater(this::updateActions);
    }

    /** After a failed save: the area takes whatever the replica holds. */
    private void resyncFromReplica(DocumentFilter.FilterBypass fb) throws BadLocationException {
        unshown.clear();
        show(List.of(TextDiff.between(text(), replica.text())), new ThroughBypass(fb));
    }

    /** Undoes {@code step}: deletes its atoms still in the text, types its removed text back. */
    private void revert(OwnEdit step) {
        int caret = -1;
        try {
            List<int[]> ranges = AliveRanges.of(replica, step.inserted());
            for (int i = ranges.size() - 1; i >= 0; i--) {
                int[] r = ranges.get(i);
                document.remove(r[0], r[1] - r[0]);
                caret = r[0];
            }
            for (OwnEdit.Removed removed : step.removed()) {
                int at = placeOf(removed.pids());
                document.insertString(at, removed.text(), null);
                history.retyped(removed.pids(), lastInserted);
                caret = at + removed.text().length();
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("undo outside the text: the area is out of step", e);
        }
        if (caret >= 0) {
            placeCaret(caret, caret);
        }
    }

    /** Where text with these (deleted) pids stood: the first of their places. */
    private int placeOf(List<Pid> pids) {
        int at = Integer.MAX_VALUE;
        for (Pid pid : pids) {
            at = Math.min(at, replica.utf16After(pid));
        }
        return Math.min(at, document.getLength());
    }

    private static List<Pid> pids(List<LocalOp> ops) {
        List<Pid> pids = new ArrayList<>(ops.size());
        for (LocalOp op : ops) {
            if (op instanceof LocalOp.Insert insert) {
                pids.add(insert.atom().pid());
            } else if (op instanceof LocalOp.Delete delete) {
                pids.add(delete.pid());
            }
        }
        return pids;
    }

    // ---- carets, keys, helpers -----------------------------------------------------------------

    private void caretMoved() {
        if (!placingCaret && !showing && editing == null) {
            history.caretAt(area.getCaretPosition());
        }
        ownCaretTimer.restart();
    }

    private void reportOwnCaret() {
        if (closed) {
            return;
        }
        Pid after;
        synchronized (replica) {
            showUnshown();
            after = replica.pidBeforeUtf16(Surrogates.wholeCharStart(document, area.getCaretPosition()));
        }
        // text shown around the caret moves it in offsets, not in pids: nothing new to tell
        if (!reportedCaret || !Objects.equals(after, lastReportedCaret)) {
            reportedCaret = true;
            lastReportedCaret = after;
            ownCaretListener.accept(after);
        }
    }

    private void bindKeys() {
        int menu = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        area.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu), "weft.undo");
        area.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu | InputEvent.SHIFT_DOWN_MASK), "weft.redo");
        area.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_Y, menu), "weft.redo");
        area.getActionMap().put("weft.undo", undoAction);
        area.getActionMap().put("weft.redo", redoAction);
    }

    private void updateActions() {
        if (!closed) {
            undoAction.setEnabled(history.canUndo());
            redoAction.setEnabled(history.canRedo());
        }
    }

    private String text() {
        try {
            return document.getText(0, document.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("not on the event dispatch thread");
        }
    }

    /** How {@link #show} changes the area: through the document, or inside the filter through its bypass. */
    private interface Mutation {
        void remove(int offset, int length) throws BadLocationException;

        void insert(int offset, String text) throws BadLocationException;
    }

    private final class ToDocument implements Mutation {
        @Override
        public void remove(int offset, int length) throws BadLocationException {
            document.remove(offset, length);
        }

        @Override
        public void insert(int offset, String text) throws BadLocationException {
            document.insertString(offset, text, null);
        }
    }

    private record ThroughBypass(DocumentFilter.FilterBypass fb) implements Mutation {
        @Override
        public void remove(int offset, int length) throws BadLocationException {
            fb.remove(offset, length);
        }

        @Override
        public void insert(int offset, String text) throws BadLocationException {
            fb.insertString(offset, text, null);
        }
    }

    private final class HistoryAction extends AbstractAction {
        private final Runnable run;

        HistoryAction(String name, Runnable run) {
            super(name);
            this.run = run;
            setEnabled(false);
        }

        @Override
        public void actionPerformed(ActionEvent e) {
            run.run();
        }
    }
}
