package dev.weft.ui.links;

import dev.weft.ui.notes.QuickMatch;
import dev.weft.vault.NoteInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JWindow;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;
import javax.swing.text.JTextComponent;

/**
 * Completion after {@code [[}: while the caret follows an unclosed {@code [[} on its line, a list
 * under it offers the notes that match what follows, ranked as quick open ranks them
 * ({@link QuickMatch}). Up and Down choose, Enter or Tab writes the note's shortest wikilink name
 * and the closing {@code ]]}, Escape closes the list. The list never takes the focus. Event
 * thread only.
 */
public final class LinkCompletion {
    private static final int ROWS = 8;

    private final JTextComponent area;
    private final Supplier<List<NoteInfo>> notes;
    private final DefaultListModel<NoteInfo> model = new DefaultListModel<>();
    private final JList<NoteInfo> list = new JList<>(model);
    private JWindow popup;
    private int queryStart = -1;

    public LinkCompletion(JTextComponent area, Supplier<List<NoteInfo>> notes) {
        this.area = area;
        this.notes = notes;
        list.setName("links.completion");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setFocusable(false);
        list.setVisibleRowCount(ROWS);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                    boolean focus) {
                return super.getListCellRendererComponent(l, ((NoteInfo) value).name(), index, selected, focus);
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (list.locationToIndex(e.getPoint()) >= 0) {
                    list.setSelectedIndex(list.locationToIndex(e.getPoint()));
                    accept();
                }
            }
        });
        area.addCaretListener(e -> SwingUtilities.invokeLater(this::check));
        area.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                hide();
            }
        });
        area.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (!showing()) {
                    return;
                }
                int row = list.getSelectedIndex();
                switch (e.getKeyCode()) {
                    case KeyEvent.VK_DOWN -> list.setSelectedIndex(Math.min(model.size() - 1, row + 1));
                    case KeyEvent.VK_UP -> list.setSelectedIndex(Math.max(0, row - 1));
                    case KeyEvent.VK_ENTER, KeyEvent.VK_TAB -> accept();
                    case KeyEvent.VK_ESCAPE -> hide();
                    default -> {
                        return;
                    }
                }
                list.ensureIndexIsVisible(list.getSelectedIndex());
                e.consume();
            }
        });
    }

    /** Whether the list shows (tests). */
    public boolean showing() {
        return popup != null && popup.isVisible();
    }

    /** The list (tests). */
    public JList<NoteInfo> list() {
        return list;
    }

    private void check() {
        int caret = area.getCaretPosition();
        String query = query(caret);
        if (query == null || !area.isFocusOwner() || !area.isEditable()) {
            hide();
            return;
        }
        List<NoteInfo> found = QuickMatch.rank(notes.get(), query, 50);
        if (found.isEmpty()) {
            hide();
            return;
        }
        model.clear();
        model.addAll(found);
        list.setSelectedIndex(0);
        show(caret);
    }

    /** What follows an unclosed {@code [[} before the caret on its line, or null. */
    private String query(int caret) {
        try {
            int lineStart = Math.max(0, caret - 200);
            String before = area.getDocument().getText(lineStart, caret - lineStart);
            before = before.substring(before.lastIndexOf('\n') + 1);
            int open = before.lastIndexOf("[[");
            if (open < 0) {
                return null;
            }
            String query = before.substring(open + 2);
            if (query.contains("]") || query.contains("|") || query.contains("#") || query.contains("[")) {
                return null;
            }
            queryStart = caret - query.length();
            return query;
        } catch (BadLocationException e) {
            return null;
        }
    }

    private void show(int caret) {
        try {
            if (popup == null) {
                Window owner = SwingUtilities.getWindowAncestor(area);
                popup = new JWindow(owner);
                popup.setFocusableWindowState(false);
                popup.setName("links.completion.popup");
                popup.getContentPane().add(new JScrollPane(list));
            }
            Rectangle2D at = area.modelToView2D(caret);
            Point p = new Point((int) at.getX(), (int) (at.getY() + at.getHeight()));
            SwingUtilities.convertPointToScreen(p, area);
            popup.pack();
            popup.setSize(Math.max(260, popup.getWidth()), popup.getHeight());
            Rectangle r = popup.getBounds();
            popup.setLocation(p.x, p.y);
            if (!popup.isVisible() || !r.getLocation().equals(p)) {
                popup.setVisible(true);
            }
        } catch (BadLocationException e) {
            hide();
        }
    }

    private void hide() {
        if (popup != null) {
            popup.setVisible(false);
        }
    }

    private void accept() {
        NoteInfo chosen = list.getSelectedValue();
        int caret = area.getCaretPosition();
        hide();
        if (chosen == null || queryStart < 0 || queryStart > caret) {
            return;
        }
        List<String> paths = notes.get().stream().filter(n -> !n.trashed()).map(n -> LinkTargets.notePath(n.name())).toList();
        String target = new LinkTargets(paths).wikiTarget(LinkTargets.notePath(chosen.name()), false);
        boolean closed;
        try {
            int length = area.getDocument().getLength();
            closed = area.getDocument().getText(caret, Math.min(2, length - caret)).equals("]]");
        } catch (BadLocationException e) {
            closed = false;
        }
        area.select(queryStart, caret);
        area.replaceSelection(closed ? target : target + "]]");
        area.setCaretPosition(queryStart + target.length() + 2);
    }
}
