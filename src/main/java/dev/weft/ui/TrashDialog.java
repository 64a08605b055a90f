package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

/** The notes in the trash, and Restore. Their text was kept; restoring brings the note back to the list. */
final class TrashDialog {
    private final JDialog dialog;
    private final JList<NoteInfo> list;

    TrashDialog(Window owner, Vault vault, Consumer<UUID> restore) {
        dialog = new JDialog(owner, "Trash", JDialog.ModalityType.MODELESS);
        dialog.setName("trash");
        DefaultListModel<NoteInfo> model = new DefaultListModel<>();
        vault.notes().stream().filter(NoteInfo::trashed).forEach(model::addElement);
        list = new JList<>(model);
        list.setName("trash.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer((l, note, index, selected, focus) -> new dev.weft.ui.text.EmojiListCellRenderer()
                .getListCellRendererComponent(l, note.name(), index, selected, focus));
        JButton restoreButton = Dialogs.button("trash.restore", "Restore", () -> {
            NoteInfo note = list.getSelectedValue();
            if (note != null) {
                model.removeElement(note);
                restore.accept(note.id());
            }
        });
        restoreButton.setEnabled(false);
        list.addListSelectionListener(e -> restoreButton.setEnabled(list.getSelectedValue() != null));
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    restoreButton.doClick();
                }
            }
        });
        if (model.isEmpty()) {
            list.setEnabled(false);
            list.setToolTipText("The trash is empty");
        }
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(380, 260));
        Dialogs.frame(dialog, scroll, restoreButton, Dialogs.button("trash.close", "Close", dialog::dispose));
    }

    void show() {
        dialog.setVisible(true);
    }
}
