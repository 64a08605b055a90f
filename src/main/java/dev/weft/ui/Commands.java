package dev.weft.ui;

import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ActionMap;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JRootPane;
import javax.swing.KeyStroke;
import javax.swing.text.DefaultEditorKit;
import org.fife.ui.rtextarea.RTextArea;

/**
 * Every user command of the main window as a named {@link Action}, with its key, bound to the
 * menus and the keyboard from this one place. The editor's own bindings for the same keys (its
 * undo, for one) are replaced, so a key does the same thing wherever the focus is.
 */
final class Commands {
    private static final int MENU = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();

    private final List<Action> all;
    private final JMenuBar bar = new JMenuBar();

    Commands(MainWindow window, NoteActions notes, ConnectActions connect) {
        Action newNote = action("New Note…", key(KeyEvent.VK_N, 0), notes::create);
        Action quickOpen = action("Open Note…", key(KeyEvent.VK_P, 0), notes::quickOpen);
        Action rename = action("Rename or Move…", KeyStroke.getKeyStroke(KeyEvent.VK_F2, 0), notes::rename);
        Action trash = action("Move to Trash", null, notes::trash);
        // Delete and F2 in the tree act on its selection; in the editor Delete edits text
        new TreeCommands(window.list, notes);
        Action showTrash = action("Trash…", null, notes::showTrash);
        Action history = action("History…", key(KeyEvent.VK_H, InputEvent.SHIFT_DOWN_MASK), notes::history);
        Action settings = action("Settings…", key(KeyEvent.VK_COMMA, 0), notes::settings);
        Action quit = action("Quit", key(KeyEvent.VK_Q, 0), window::close);
        Action undo = named(window.openNote.undoAction(), "Undo", key(KeyEvent.VK_Z, 0));
        Action redo = named(window.openNote.redoAction(), "Redo", key(KeyEvent.VK_Z, InputEvent.SHIFT_DOWN_MASK));
        Action find = action("Find and Replace…", key(KeyEvent.VK_F, 0), window.findBar::open);
        Action search = action("Search All Notes…", key(KeyEvent.VK_F, InputEvent.SHIFT_DOWN_MASK), notes::search);
        Action filter = action("Filter Notes", key(KeyEvent.VK_L, 0), () -> {
            window.list.filterField().requestFocusInWindow();
            window.list.filterField().selectAll();
        });
        Action preview = action("Show Preview", key(KeyEvent.VK_E, 0),
                () -> window.setPreviewVisible(!window.previewVisible()));
        Action pair = action("Connect to Server…", null, connect::connect);
        Action host = action("Host a Server on This Computer…", null, connect::host);
        boolean canConnect = window.workspace.connector().isPresent() && window.workspace.sync().isPresent();
        pair.setEnabled(canConnect);
        host.setEnabled(canConnect);
        all = List.of(newNote, quickOpen, rename, trash, showTrash, history, settings, quit, undo, redo, find, search, filter,
                preview, pair, host);

        bar.add(menu("File", KeyEvent.VK_F, newNote, quickOpen, null, rename, trash, showTrash, history, null, settings, null, quit));
        // TextActions act on the focused text field or editor; the keys are the components' own
        Action cut = named(new DefaultEditorKit.CutAction(), "Cut", key(KeyEvent.VK_X, 0));
        Action copy = named(new DefaultEditorKit.CopyAction(), "Copy", key(KeyEvent.VK_C, 0));
        Action paste = named(new DefaultEditorKit.PasteAction(), "Paste", key(KeyEvent.VK_V, 0));
        bar.add(menu("Edit", KeyEvent.VK_E, undo, redo, null, cut, copy, paste, null, find, search));
        window.area.setPopupMenu(popup(undo, redo, null, cut, copy, paste));
        JMenu view = menu("View", KeyEvent.VK_V, filter);
        javax.swing.JCheckBoxMenuItem previewItem = new javax.swing.JCheckBoxMenuItem(preview);
        previewItem.setName("menu.preview");
        view.add(previewItem);
        javax.swing.JCheckBoxMenuItem attachmentsItem = new javax.swing.JCheckBoxMenuItem(
                action("Show Attachments", null, () -> window.attachments.setShown(!window.attachments.shown())));
        attachmentsItem.setName("menu.attachments");
        view.add(attachmentsItem);
        view.addMenuListener(new javax.swing.event.MenuListener() {
            @Override
            public void menuSelected(javax.swing.event.MenuEvent e) {
                previewItem.setSelected(window.previewVisible());
                attachmentsItem.setSelected(window.attachments.shown());
            }

            @Override
            public void menuDeselected(javax.swing.event.MenuEvent e) {
            }

            @Override
            public void menuCanceled(javax.swing.event.MenuEvent e) {
            }
        });
        bar.add(view);
        bar.add(menu("Sync", KeyEvent.VK_S, pair, host));
        Action shortcuts = action("Keyboard Shortcuts", null, () -> HelpDialogs.showShortcuts(window.frame, List.of(
                new HelpDialogs.Bound("Window", window.frame.getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW),
                new HelpDialogs.Bound("Note list", window.list.tree(), JComponent.WHEN_FOCUSED))));
        bar.add(menu("Help", KeyEvent.VK_H, shortcuts, action("About Weft", null, () -> HelpDialogs.showAbout(window.frame))));
    }

    JMenuBar menuBar() {
        return bar;
    }

    /**
     * Binds every command's key in the whole window, and in the editor over its own binding for
     * that key. Redo also answers the other platforms' habit, Ctrl+Y.
     */
    void bindKeys(JRootPane root, RTextArea editor) {
        InputMap window = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        InputMap inEditor = editor.getInputMap(JComponent.WHEN_FOCUSED);
        ActionMap rootActions = root.getActionMap();
        ActionMap editorActions = editor.getActionMap();
        for (Action action : all) {
            KeyStroke key = (KeyStroke) action.getValue(Action.ACCELERATOR_KEY);
            if (key == null) {
                continue;
            }
            String name = "weft." + action.getValue(Action.NAME);
            window.put(key, name);
            inEditor.put(key, name);
            rootActions.put(name, action);
            editorActions.put(name, action);
            if (action.getValue(Action.NAME).equals("Redo")) {
                window.put(key(KeyEvent.VK_Y, 0), name);
                inEditor.put(key(KeyEvent.VK_Y, 0), name);
            }
        }
    }

    /** How a menu shortcut with {@code letter} reads on this platform ("Ctrl+N", "⌘N"). */
    static String shortcutText(String letter) {
        return (MENU == InputEvent.META_DOWN_MASK ? "⌘" : "Ctrl+") + letter;
    }

    private static KeyStroke key(int code, int extra) {
        return KeyStroke.getKeyStroke(code, MENU | extra);
    }

    private static Action action(String name, KeyStroke key, Runnable run) {
        Action action = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
        action.putValue(Action.ACCELERATOR_KEY, key);
        return action;
    }

    private static Action named(Action action, String name, KeyStroke key) {
        action.putValue(Action.NAME, name);
        action.putValue(Action.ACCELERATOR_KEY, key);
        return action;
    }

    /** The editor's right-click menu: these actions, so its Undo is the binding's (own edits only). */
    private static JPopupMenu popup(Action... actions) {
        JPopupMenu popup = new JPopupMenu();
        for (Action action : actions) {
            if (action == null) {
                popup.addSeparator();
            } else {
                popup.add(action).setName("popup." + action.getValue(Action.NAME));
            }
        }
        return popup;
    }

    private static JMenu menu(String name, int mnemonic, Action... actions) {
        JMenu menu = new JMenu(name);
        menu.setMnemonic(mnemonic);
        for (Action action : actions) {
            if (action == null) {
                menu.addSeparator();
            } else {
                JMenuItem item = menu.add(action);
                item.setName("menu." + action.getValue(Action.NAME));
            }
        }
        return menu;
    }
}
