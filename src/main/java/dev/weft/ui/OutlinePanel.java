package dev.weft.ui;

import dev.weft.ui.notes.Headings;
import dev.weft.ui.notes.Headings.Heading;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.Document;
import javax.swing.text.JTextComponent;

/**
 * The open note's headings, indented by level; the heading of the section holding the caret is
 * selected as the caret moves; a click or Enter on a heading puts the caret there and scrolls to
 * it. Read again 300 ms after the text stops changing. Event thread only.
 */
final class OutlinePanel {
    private static final int QUIET_MILLIS = 300;

    private final JTextComponent editor;
    private final DefaultListModel<Heading> model = new DefaultListModel<>();
    private final JList<Heading> list = new JList<>(model);
    private final JScrollPane scroll = new JScrollPane(list);
    private final Timer quiet = new Timer(QUIET_MILLIS, e -> reread());
    private List<Heading> headings = List.of();
    private boolean following;
    private final DocumentListener changed = new DocumentListener() {
        @Override
        public void insertUpdate(DocumentEvent e) {
            quiet.restart();
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            quiet.restart();
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
        }
    };

    OutlinePanel(JTextComponent editor) {
        this.editor = editor;
        quiet.setRepeats(false);
        list.setName("outline.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                Heading h = (Heading) value;
                super.getListCellRendererComponent(l, h.text().isEmpty() ? "(untitled)" : h.text(), index, selected, focus);
                setBorder(BorderFactory.createEmptyBorder(1, 6 + 14 * (h.level() - 1), 1, 6));
                return this;
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = list.locationToIndex(e.getPoint());
                if (row >= 0 && list.getCellBounds(row, row).contains(e.getPoint())) {
                    jump(row);
                }
            }
        });
        list.registerKeyboardAction(e -> jump(list.getSelectedIndex()), KeyStroke.getKeyStroke("ENTER"),
                JComponent.WHEN_FOCUSED);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        editor.getDocument().addDocumentListener(changed);
        editor.addPropertyChangeListener("document", e -> {
            if (e.getOldValue() instanceof Document old) {
                old.removeDocumentListener(changed);
            }
            if (e.getNewValue() instanceof Document now) {
                now.addDocumentListener(changed);
            }
            reread();
        });
        editor.addCaretListener(e -> follow());
        reread();
    }

    JComponent component() {
        return scroll;
    }

    private void reread() {
        quiet.stop();
        headings = Headings.of(editor.getText());
        following = true;
        try {
            model.clear();
            model.addAll(headings);
        } finally {
            following = false;
        }
        follow();
    }

    /** Selects the section that holds the caret, without moving the caret. */
    private void follow() {
        int at = Headings.sectionAt(headings, editor.getCaretPosition());
        if (at == list.getSelectedIndex()) {
            return;
        }
        following = true;
        try {
            if (at < 0 || at >= model.size()) {
                list.clearSelection();
            } else {
                list.setSelectedIndex(at);
                list.ensureIndexIsVisible(at);
            }
        } finally {
            following = false;
        }
    }

    private void jump(int row) {
        if (following || row < 0 || row >= headings.size()) {
            return;
        }
        int at = Math.min(headings.get(row).start(), editor.getDocument().getLength());
        editor.setCaretPosition(at);
        try {
            java.awt.geom.Rectangle2D where = editor.modelToView2D(at);
            if (where != null) {
                java.awt.Rectangle box = where.getBounds();
                box.height = Math.max(box.height, editor.getVisibleRect().height); // the heading at the top
                editor.scrollRectToVisible(box);
            }
        } catch (javax.swing.text.BadLocationException e) {
            // the text changed under the outline; the caret is placed anyway
        }
        editor.requestFocusInWindow();
    }
}
