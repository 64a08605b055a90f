package dev.weft.ui;

import dev.weft.ui.notes.TreeItem;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JPopupMenu;
import javax.swing.JTree;
import javax.swing.KeyStroke;

/**
 * The note tree's own commands: Delete and F2 on the tree's focused bindings (over JTree's own F2,
 * and never the open note when a folder is selected), and its right-click menu. All act on the
 * row selected in the tree.
 */
final class TreeCommands {
    private final JTree tree;
    private final NoteList list;
    private final JPopupMenu menu = new JPopupMenu();
    private final Action rename;
    private final Action trash;
    private final Action reveal;

    TreeCommands(NoteList list, NoteActions notes) {
        this.list = list;
        this.tree = list.tree();
        Action create = action("New Note Here…", notes::createIn);
        rename = action("Rename or Move…", notes::rename);
        trash = action("Move to Trash", notes::trash);
        reveal = action("Reveal in File Manager", notes::reveal);
        for (Action action : new Action[] {create, rename, trash, reveal}) {
            menu.add(action).setName("tree." + action.getValue(Action.NAME));
        }
        menu.setName("tree.menu");
        tree.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "weft.tree.trash");
        tree.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0), "weft.tree.rename");
        // the keys' own actions: the menu's are disabled while it shows no row
        tree.getActionMap().put("weft.tree.trash", action("Move to Trash", notes::trash));
        tree.getActionMap().put("weft.tree.rename", action("Rename or Move…", notes::rename));
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }
        });
    }

    /** Selects the row under the mouse (none off the rows) and shows the menu for it. */
    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int row = tree.getClosestRowForLocation(e.getX(), e.getY());
        Rectangle bounds = row < 0 ? null : tree.getRowBounds(row);
        if (bounds != null && e.getY() >= bounds.y && e.getY() < bounds.y + bounds.height) {
            tree.setSelectionRow(row);
        } else {
            tree.clearSelection();
        }
        tree.requestFocusInWindow();
        boolean chosen = list.item() != null;
        rename.setEnabled(chosen);
        trash.setEnabled(chosen);
        reveal.setEnabled(chosen && FileReveal.supported());
        menu.show(tree, e.getX(), e.getY());
    }

    JPopupMenu menu() {
        return menu;
    }

    private Action action(String name, Consumer<TreeItem> run) {
        return new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.accept(list.item());
            }
        };
    }
}
