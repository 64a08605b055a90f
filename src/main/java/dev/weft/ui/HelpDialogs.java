package dev.weft.ui;

import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.swing.Action;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;

/**
 * The Help menu's windows: the keyboard shortcuts, read from the key bindings the window really
 * has (every {@code weft.} binding of the given components, so the sheet cannot drift from the
 * keys), and About, with the version from the jar's manifest.
 */
final class HelpDialogs {
    /** One shortcut: where it works, the command's name and the key as this platform writes it. */
    record Shortcut(String where, String command, String key) {
    }

    /** A component whose {@code weft.} bindings go on the sheet, and what to call it there. */
    record Bound(String where, JComponent component, int condition) {
    }

    private HelpDialogs() {
    }

    /**
     * The sheet's rows: each component's {@code weft.} bindings, then the menu items' keys not
     * already listed (Cut, Copy, Paste: the text components' own keys, shown in the Edit menu).
     */
    static List<Shortcut> shortcuts(List<Bound> bound, javax.swing.JMenuBar menus) {
        List<Shortcut> rows = new ArrayList<>();
        for (Bound b : bound) {
            InputMap keys = b.component().getInputMap(b.condition());
            KeyStroke[] strokes = keys.keys();
            if (strokes == null) {
                continue;
            }
            List<Shortcut> here = new ArrayList<>();
            for (KeyStroke stroke : strokes) {
                Action action = keys.get(stroke) instanceof String name && name.startsWith("weft.")
                        ? b.component().getActionMap().get(name) : null;
                if (action != null) {
                    here.add(new Shortcut(b.where(), String.valueOf(action.getValue(Action.NAME)), keyText(stroke)));
                }
            }
            here.sort(Comparator.comparing(Shortcut::command).thenComparing(Shortcut::key));
            rows.addAll(here);
        }
        List<Shortcut> fromMenus = new ArrayList<>();
        for (int m = 0; m < menus.getMenuCount(); m++) {
            javax.swing.JMenu menu = menus.getMenu(m);
            for (int i = 0; i < menu.getItemCount(); i++) {
                javax.swing.JMenuItem item = menu.getItem(i);
                if (item != null && item.getAccelerator() != null) {
                    Shortcut row = new Shortcut(bound.get(0).where(), item.getText(), keyText(item.getAccelerator()));
                    if (rows.stream().noneMatch(r -> r.command().equals(row.command()) && r.key().equals(row.key()))) {
                        fromMenus.add(row);
                    }
                }
            }
        }
        List<Shortcut> window = new ArrayList<>(rows.stream().filter(r -> r.where().equals(bound.get(0).where())).toList());
        window.addAll(fromMenus);
        window.sort(Comparator.comparing(Shortcut::command).thenComparing(Shortcut::key));
        rows.removeIf(r -> r.where().equals(bound.get(0).where()));
        window.addAll(rows);
        return window;
    }

    static String keyText(KeyStroke stroke) {
        String modifiers = InputEvent.getModifiersExText(stroke.getModifiers());
        String key = KeyEvent.getKeyText(stroke.getKeyCode());
        return modifiers.isEmpty() ? key : modifiers + "+" + key;
    }

    static void showShortcuts(javax.swing.JFrame owner, List<Bound> bound) {
        RowsModel<Shortcut> model = new RowsModel<>(List.of("Where", "Command", "Keys"), (row, column) -> switch (column) {
            case 0 -> row.where();
            case 1 -> row.command();
            default -> row.key();
        });
        model.show(shortcuts(bound, owner.getJMenuBar()));
        JTable table = new JTable(model);
        table.setName("shortcuts.table");
        table.setShowGrid(false);
        table.setFillsViewportHeight(true);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(520, 400));
        JDialog dialog = new JDialog(owner, "Keyboard Shortcuts", JDialog.ModalityType.MODELESS);
        dialog.setName("shortcuts");
        Dialogs.frame(dialog, scroll, Dialogs.button("shortcuts.close", "Close", dialog::dispose));
        dialog.setVisible(true);
    }

    static String version() {
        String version = HelpDialogs.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }

    static void showAbout(Window owner) {
        JOptionPane.showMessageDialog(owner, "<html><b>Weft</b> " + version()
                + "<br><br>Local-first Markdown notes that sync.<br>Java " + System.getProperty("java.version")
                + "</html>", "About Weft", JOptionPane.INFORMATION_MESSAGE);
    }
}
