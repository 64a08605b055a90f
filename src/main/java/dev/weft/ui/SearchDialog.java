package dev.weft.ui;

import dev.weft.ui.notes.NoteSearch;
import dev.weft.ui.notes.SearchHit;
import dev.weft.vault.Vault;
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
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;

/**
 * Ctrl+Shift+F: finds a text in every note, off the event thread, showing matches as they come
 * (note, line, the line around the match); Enter or a double click opens the note with the match
 * selected. A new search cancels the one running.
 */
final class SearchDialog {
    private final JDialog dialog;
    private final JTextField query = new JTextField(34);
    private final JProgressBar progress = new JProgressBar();
    private final JLabel summary = new JLabel(" ");
    private final RowsModel<SearchHit> hits = new RowsModel<>(List.of("Note", "Line", "Text"),
            (hit, column) -> switch (column) {
                case 0 -> hit.name();
                case 1 -> hit.line();
                default -> hit.snippet();
            });
    private final JTable table = new JTable(hits);
    private final NoteSearch search;
    private SwingWorker<List<SearchHit>, List<SearchHit>> running;

    SearchDialog(Window owner, Vault vault, Consumer<SearchHit> open) {
        this.search = new NoteSearch(vault);
        dialog = new JDialog(owner, "Search All Notes", JDialog.ModalityType.MODELESS);
        dialog.setName("search");
        query.setName("search.query");
        query.putClientProperty("JTextField.placeholderText", "Text to find in every note");
        query.addActionListener(e -> start());
        table.setName("search.results");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setShowGrid(false);
        table.getColumnModel().getColumn(0).setPreferredWidth(170);
        table.getColumnModel().getColumn(1).setPreferredWidth(46);
        table.getColumnModel().getColumn(2).setPreferredWidth(420);
        Runnable openSelected = () -> {
            int row = table.getSelectedRow();
            if (row >= 0) {
                open.accept(hits.row(table.convertRowIndexToModel(row)));
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
        progress.setName("search.progress");
        progress.setVisible(false);
        summary.setName("search.summary");
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.add(query, BorderLayout.CENTER);
        top.add(Dialogs.button("search.go", "Search", this::start), BorderLayout.EAST);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(680, 340));
        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        bottom.add(summary, BorderLayout.CENTER);
        bottom.add(progress, BorderLayout.EAST);
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(top, BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        body.add(bottom, BorderLayout.SOUTH);
        Dialogs.frame(dialog, body);
    }

    void show(String initial) {
        if (!initial.isEmpty()) {
            query.setText(initial);
        }
        dialog.setVisible(true);
        query.requestFocusInWindow();
        query.selectAll();
    }

    private void start() {
        if (running != null) {
            running.cancel(false);
        }
        String text = query.getText();
        hits.show(List.of());
        if (text.isBlank()) {
            summary.setText(" ");
            return;
        }
        progress.setVisible(true);
        progress.setIndeterminate(true);
        summary.setText("Searching…");
        SwingWorker<List<SearchHit>, List<SearchHit>> worker = new SwingWorker<>() {
            @Override
            protected List<SearchHit> doInBackground() throws Exception {
                int[] published = {0};
                return search.find(text, this::isCancelled, (done, total, soFar) -> {
                    setProgress(total == 0 ? 100 : done * 100 / total);
                    if (soFar.size() != published[0]) {
                        published[0] = soFar.size();
                        publish(List.copyOf(soFar));
                    }
                });
            }

            @Override
            protected void process(List<List<SearchHit>> chunks) {
                if (running == this) {
                    progress.setIndeterminate(false);
                    progress.setValue(getProgress());
                    hits.show(chunks.get(chunks.size() - 1));
                }
            }

            @Override
            protected void done() {
                if (running != this || isCancelled()) {
                    return;
                }
                progress.setVisible(false);
                try {
                    List<SearchHit> found = get();
                    hits.show(found);
                    long notes = found.stream().map(SearchHit::note).distinct().count();
                    summary.setText(found.isEmpty() ? "No note contains “" + text + "”"
                            : found.size() + (found.size() == 1 ? " match" : " matches") + " in " + notes
                                    + (notes == 1 ? " note" : " notes")
                                    + (found.size() >= NoteSearch.MAX_HITS ? " (stopped at " + NoteSearch.MAX_HITS + ")" : ""));
                    if (!found.isEmpty()) {
                        table.setRowSelectionInterval(0, 0);
                    }
                } catch (ExecutionException e) {
                    summary.setText("The search failed: " + Jobs.describe(e.getCause()));
                } catch (InterruptedException | CancellationException e) {
                    summary.setText(" ");
                }
            }
        };
        running = worker;
        worker.execute();
    }
}
