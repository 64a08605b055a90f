package dev.weft.ui;

import dev.weft.vault.HeldChange;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * Asks what to do with the notes the vault held back (docs/vault.md, "Mass deletes and erasures"),
 * of one kind: send the change to every device, or restore the files here. Closing it decides
 * nothing: the notes stay held, and nothing of them is sent.
 */
final class HeldChangesDialog {
    /** What the user chose. */
    enum Choice { ALLOW, RESTORE, LATER }

    private final JDialog dialog;
    private Choice choice = Choice.LATER;

    HeldChangesDialog(Window owner, HeldChange.Kind kind, List<String> names) {
        int n = names.size();
        boolean deleted = kind == HeldChange.Kind.DELETED;
        dialog = new JDialog(owner, deleted ? "Notes deleted outside Weft" : "Notes erased outside Weft",
                JDialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("held");
        String what = deleted
                ? n + " notes' files were deleted or moved out of the vault folder at once."
                : n + " notes' files were emptied or mostly erased at once by another program.";
        String why = deleted
                ? "Weft has not trashed them anywhere: they stay on your other devices until you decide."
                : "Weft has not erased their text anywhere: it keeps it until you decide.";
        JLabel message = new JLabel("<html><b>" + what + "</b><br>" + why + "</html>");
        message.setName("held.message");
        JList<String> list = new JList<>(names.toArray(String[]::new));
        list.setName("held.list");
        list.setCellRenderer((l, name, index, selected, focus) -> new dev.weft.ui.text.EmojiListCellRenderer()
                .getListCellRendererComponent(l, name, index, selected, focus));
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(480, 220));
        JPanel body = new JPanel(new BorderLayout(0, 10));
        body.add(message, BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        JButton allow = Dialogs.button("held.allow", deleted ? "Move " + n + " notes to the trash on every device"
                : "Erase the text of " + n + " notes on every device", () -> choose(Choice.ALLOW));
        JButton restore = Dialogs.button("held.restore", "Restore the files here", () -> choose(Choice.RESTORE));
        JButton later = Dialogs.button("held.later", "Decide later", () -> choose(Choice.LATER));
        Dialogs.frame(dialog, body, allow, restore, later);
        dialog.getRootPane().setDefaultButton(restore); // the safe answer
    }

    private void choose(Choice chosen) {
        choice = chosen;
        dialog.dispose();
    }

    /** Shows the dialog until the user answers (Escape or closing it: later). */
    Choice ask() {
        dialog.setVisible(true);
        return choice;
    }
}
