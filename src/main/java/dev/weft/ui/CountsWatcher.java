package dev.weft.ui;

import dev.weft.ui.notes.TextCounts;
import java.util.function.Consumer;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.Document;
import javax.swing.text.JTextComponent;

/**
 * Counts the words and characters of the editor's note, or of its selection when there is one,
 * 150 ms after the text or the selection stops changing, and hands the line to the status bar.
 */
final class CountsWatcher {
    private static final int QUIET_MILLIS = 150;

    private final JTextComponent editor;
    private final Consumer<String> show;
    private final Timer quiet;
    /** The line shows a selection's counts: a caret move that drops the selection counts again. */
    private boolean selectionShown;
    private final DocumentListener changed = new DocumentListener() {
        @Override
        public void insertUpdate(DocumentEvent e) {
            later();
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            later();
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
        }
    };

    CountsWatcher(JTextComponent editor, Consumer<String> show) {
        this.editor = editor;
        this.show = show;
        this.quiet = new Timer(QUIET_MILLIS, e -> count());
        quiet.setRepeats(false);
        editor.getDocument().addDocumentListener(changed);
        editor.addPropertyChangeListener("document", e -> {
            if (e.getOldValue() instanceof Document old) {
                old.removeDocumentListener(changed);
            }
            if (e.getNewValue() instanceof Document now) {
                now.addDocumentListener(changed);
            }
            later();
        });
        editor.addCaretListener(e -> {
            if (e.getDot() != e.getMark() || quiet.isRunning() || selectionShown) {
                later();
            }
        });
        count();
    }

    void stop() {
        quiet.stop();
    }

    private void later() {
        quiet.restart();
    }

    private void count() {
        if (!editor.isEnabled()) {
            show.accept("");
            return;
        }
        String selected = editor.getSelectedText();
        selectionShown = selected != null && !selected.isEmpty();
        show.accept(selectionShown ? "Selected: " + TextCounts.of(selected).describe()
                : TextCounts.of(editor.getText()).describe());
    }
}
