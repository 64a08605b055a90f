package dev.weft.ui;

import dev.weft.ui.TrashRows.Row;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The trash: every note in it with when, by which device and its folder, a search, several rows
 * chosen at once; Restore (the rows chosen), Restore Batch (everything trashed with them in one
 * action or one sync), Delete Forever and Empty Trash (the server removes the text and its history).
 * While open it follows the vault: a sync that trashes, restores or deletes notes forever shows at
 * once, and the rows chosen stay chosen.
 */
final class TrashDialog {
    static final String PURGE_WARNING = "Their text and history are removed from the server and from every device."
            + " This cannot be undone.";

    private final JDialog dialog;
    private final Vault vault;
    private final String thisDevice;
    private final JTable table;
    private final JTextField search = new JTextField(24);
    private final ZoneId zone = ZoneId.systemDefault();
    private final RowsModel<Row> model = new RowsModel<>(List.of("Note", "Folder", "Trashed", "By", "Batch"),
            (r, column) -> switch (column) {
                case 0 -> r.deleting() ? r.title() + " (deleting forever at the next sync)" : r.title();
                case 1 -> r.folder();
                case 2 -> r.when(zone);
                case 3 -> r.device();
                default -> r.batch() == 0 ? "" : String.format("%04x", r.batch() & 0xFFFF);
            });
    private List<Row> all = List.of();
    private final VaultListener news = new VaultListener() {
        @Override
        public void notesChanged() {
            SwingUtilities.invokeLater(() -> {
                if (dialog.isDisplayable()) {
                    reload();
                }
            });
        }
    };

    /** {@code restore} and {@code purge} get the notes chosen; each runs off the event thread and says when done. */
    TrashDialog(Window owner, Vault vault, String thisDevice, Consumer<List<UUID>> restore, Consumer<List<UUID>> purge) {
        this.vault = vault;
        this.thisDevice = thisDevice;
        dialog = new JDialog(owner, "Trash", JDialog.ModalityType.MODELESS);
        dialog.setName("trash");
        table = new JTable(model);
        table.setName("trash.table");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoCreateRowSorter(false);
        int[] widths = {200, 110, 130, 110, 60};
        for (int c = 0; c < widths.length; c++) {
            table.getColumnModel().getColumn(c).setPreferredWidth(widths[c]);
        }
        search.setName("trash.search");
        search.putClientProperty("JTextField.placeholderText", "Search the trash");
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filter();
            }
        });
        JButton restoreButton = Dialogs.button("trash.restore", "Restore", () -> act(restore, chosen()));
        JButton batchButton = Dialogs.button("trash.restoreBatch", "Restore Batch",
                () -> act(restore, TrashRows.sameBatch(all, chosenRows())));
        batchButton.setToolTipText("Restore everything trashed together with the chosen notes (one action or one sync)");
        JButton purgeButton = Dialogs.button("trash.purge", "Delete Forever…", () -> {
            List<UUID> ids = chosen();
            if (confirmPurge(ids.size())) {
                act(purge, ids);
            }
        });
        JButton emptyButton = Dialogs.button("trash.empty", "Empty Trash…", () -> {
            List<UUID> ids = all.stream().map(Row::id).toList();
            if (!ids.isEmpty() && confirmPurge(ids.size())) {
                act(purge, ids);
            }
        });
        table.getSelectionModel().addListSelectionListener(e -> {
            boolean any = table.getSelectedRowCount() > 0;
            restoreButton.setEnabled(any);
            batchButton.setEnabled(any);
            purgeButton.setEnabled(any);
        });
        restoreButton.setEnabled(false);
        batchButton.setEnabled(false);
        purgeButton.setEnabled(false);
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(search, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(680, 300));
        body.add(scroll, BorderLayout.CENTER);
        reload();
        vault.addListener(news);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                vault.removeListener(news);
            }
        });
        Dialogs.frame(dialog, body, restoreButton, batchButton, purgeButton, emptyButton,
                Dialogs.button("trash.close", "Close", dialog::dispose));
    }

    void show() {
        dialog.setVisible(true);
    }

    /** Reads the trash again (after a restore or purge, or news from the server), keeping the rows chosen. */
    void reload() {
        Set<UUID> chosen = new HashSet<>(chosen());
        all = TrashRows.of(vault.notes(), vault.trashInfo(), thisDevice);
        filter();
        for (int i = 0; i < model.rows().size(); i++) {
            if (chosen.contains(model.row(i).id())) {
                table.addRowSelectionInterval(i, i);
            }
        }
    }

    private boolean confirmPurge(int count) {
        String notes = count == 1 ? "this note" : count + " notes";
        return ConfirmDialog.ask(dialog, "Delete Forever", "Delete " + notes + " forever? " + PURGE_WARNING,
                "Delete Forever");
    }

    private void act(Consumer<List<UUID>> action, List<UUID> ids) {
        if (!ids.isEmpty()) {
            action.accept(ids);
        }
    }

    private void filter() {
        String query = search.getText();
        model.show(all.stream().filter(r -> r.matches(query)).toList());
    }

    private List<Row> chosenRows() {
        List<Row> rows = new ArrayList<>();
        for (int i : table.getSelectedRows()) {
            rows.add(model.row(i));
        }
        return rows;
    }

    private List<UUID> chosen() {
        return chosenRows().stream().map(Row::id).toList();
    }
}
