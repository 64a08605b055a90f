package dev.weft.ui;

import com.formdev.flatlaf.FlatLaf;
import dev.weft.ui.notes.NoteIndex;
import dev.weft.ui.notes.NoteMatch;
import dev.weft.ui.notes.NoteSearch;
import dev.weft.ui.notes.SearchQuery;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * Ctrl+Shift+F: searches every note as you type (150 ms after the typing stops, or at Enter), off
 * the event thread over the {@link NoteIndex}, a newer search cancelling the one running. One row
 * per note: its name, its match count, the first match's line with the matches marked; Enter or a
 * double click opens the note with that match selected; Down goes from the field to the rows.
 */
final class SearchDialog {
    private static final int QUIET_MILLIS = 150;

    private final JDialog dialog;
    private final JTextField query = new JTextField(34);
    private final JLabel summary = new JLabel(" ");
    private final RowsModel<NoteMatch> rows = new RowsModel<>(List.of("Note", "Matches", "Text"),
            (match, column) -> switch (column) {
                case 0 -> match.name();
                case 1 -> Integer.toString(match.count());
                default -> SnippetHtml.of(match, FlatLaf.isLafDark() ? "#6b5a1e" : "#fff0a0");
            });
    private final JTable table = new JTable(rows);
    private final NoteIndex index;
    private final Timer quiet = new Timer(QUIET_MILLIS, e -> start());
    private final Consumer<NoteMatch> open;
    private SwingWorker<NoteSearch.Results, Void> running;
    private boolean openFirst;

    SearchDialog(Window owner, NoteIndex index, Consumer<NoteMatch> open) {
        this.index = index;
        this.open = open;
        dialog = new JDialog(owner, "Search All Notes", JDialog.ModalityType.MODELESS);
        dialog.setName("search");
        quiet.setRepeats(false);
        query.setName("search.query");
        query.putClientProperty("JTextField.placeholderText", "Words, \"a phrase\", tag:name, path:folder");
        query.putClientProperty("JTextField.showClearButton", true);
        query.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                openFirst = false;
                quiet.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                openFirst = false;
                quiet.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        query.addActionListener(e -> {
            if (quiet.isRunning() || running != null && !running.isDone()) {
                if (quiet.isRunning()) {
                    start();
                }
                openFirst = true; // Enter before the results: open the first once they come
            } else if (rows.getRowCount() > 0) {
                open.accept(rows.row(Math.max(0, table.getSelectedRow())));
            }
        });
        query.registerKeyboardAction(e -> {
            if (rows.getRowCount() > 0) {
                table.requestFocusInWindow();
                table.setRowSelectionInterval(0, 0);
            }
        }, KeyStroke.getKeyStroke("DOWN"), JComponent.WHEN_FOCUSED);
        table.setName("search.results");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setShowGrid(false);
        table.getColumnModel().getColumn(0).setPreferredWidth(170);
        table.getColumnModel().getColumn(1).setPreferredWidth(60);
        table.getColumnModel().getColumn(2).setPreferredWidth(450);
        Runnable openSelected = () -> {
            int row = table.getSelectedRow();
            if (row >= 0) {
                open.accept(rows.row(table.convertRowIndexToModel(row)));
            }
        };
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected.run();
                }
            }
        });
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke("ENTER"), "open");
        table.getActionMap().put("open", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openSelected.run();
            }
        });
        summary.setName("search.summary");
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(700, 360));
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(query, BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        body.add(summary, BorderLayout.SOUTH);
        Dialogs.frame(dialog, body);
    }

    /** Shows the dialog; a non-empty {@code initial} replaces the query and searches it. */
    void show(String initial) {
        if (!initial.isEmpty()) {
            query.setText(initial);
        }
        dialog.setVisible(true);
        query.requestFocusInWindow();
        query.selectAll();
    }

    private void start() {
        quiet.stop();
        if (running != null) {
            running.cancel(false);
            running = null;
        }
        String text = query.getText();
        SearchQuery parsed = SearchQuery.parse(text);
        if (parsed.isEmpty()) {
            rows.show(List.of());
            summary.setText(" ");
            return;
        }
        SwingWorker<NoteSearch.Results, Void> worker = new SwingWorker<>() {
            @Override
            protected NoteSearch.Results doInBackground() {
                return NoteSearch.run(index.notes(), parsed, this::isCancelled);
            }

            @Override
            protected void done() {
                if (running != this || isCancelled()) {
                    return;
                }
                try {
                    NoteSearch.Results results = get();
                    show(text, results);
                    if (openFirst && results != null && !results.shown().isEmpty()) {
                        open.accept(results.shown().get(0));
                    }
                    openFirst = false;
                } catch (ExecutionException e) {
                    summary.setText("The search failed: " + Jobs.describe(e.getCause()));
                } catch (InterruptedException | CancellationException e) {
                    summary.setText(" ");
                }
                if (!index.ready()) {
                    quiet.restart(); // notes are still being read: look again soon
                }
            }
        };
        running = worker;
        worker.execute();
    }

    private void show(String text, NoteSearch.Results results) {
        if (results == null) {
            return;
        }
        rows.show(results.shown());
        String shown = results.notes() > results.shown().size() ? " (the first " + results.shown().size() + " listed)" : "";
        summary.setText(results.notes() == 0 ? "No note matches “" + text + "”"
                : results.matches() + (results.matches() == 1 ? " match" : " matches") + " in " + results.notes()
                        + (results.notes() == 1 ? " note" : " notes") + shown
                        + (index.ready() ? "" : " — still reading the notes…"));
        if (!results.shown().isEmpty()) {
            table.setRowSelectionInterval(0, 0);
        }
    }
}
