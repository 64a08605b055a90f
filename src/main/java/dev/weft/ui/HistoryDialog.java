package dev.weft.ui;

import dev.weft.client.NoteHistory;
import dev.weft.client.NoteHistory.AuthorSpan;
import dev.weft.client.NoteHistory.HistoryVersion;
import dev.weft.client.NoteHistory.VersionText;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Window;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/**
 * Ctrl+Shift+H: the open note's versions (number, local time, devices, code points inserted and
 * deleted), the chosen version's text tinted by who wrote each part (the device on hover), its
 * difference from the note's text now, and Restore This Version. Everything the server is asked
 * for is read off the event thread; when it cannot be reached the panel says so in one line.
 */
final class HistoryDialog {
    static final String NOT_CONNECTED = "History needs the server: not connected";

    /** The note in the editor, as the panel sees it; event thread only. */
    interface OpenText {
        /** The note's text now; null when another note is in the editor. */
        String text();

        /** Makes the note's text {@code text} as the user's own edits; false if the note is no longer open. */
        boolean restore(HistoryVersion version, String text);
    }

    private final JDialog dialog;
    private final NoteHistory history;
    private final String note;
    private final OpenText open;
    private final Font font;
    private final JLabel status = new JLabel(" ");
    private final ZoneId zone = ZoneId.systemDefault();
    private final RowsModel<HistoryVersion> versions = new RowsModel<>(List.of("#", "When", "Devices", "Changes"),
            (v, column) -> switch (column) {
                case 0 -> v.number();
                case 1 -> HistoryRows.when(v, zone);
                case 2 -> HistoryRows.devices(v);
                default -> HistoryRows.changes(v);
            });
    private final JTable table = new JTable(versions);
    private final AuthoredPane text = new AuthoredPane();
    private final JTextPane diff = new JTextPane();
    private final JPanel legend = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 2));
    private final JLabel diffCaption = new JLabel(" ");
    private final JButton restore;
    /** The last request made: an older one's answer is dropped. */
    private int request;
    private HistoryVersion chosen;
    private VersionText chosenText;

    HistoryDialog(Window owner, NoteHistory history, String note, Font font, OpenText open) {
        this.history = history;
        this.note = note;
        this.open = open;
        this.font = font;
        dialog = new JDialog(owner, "History of “" + note + "”", JDialog.ModalityType.MODELESS);
        dialog.setName("history");
        status.setName("history.status");
        table.setName("history.versions");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setShowGrid(false);
        int[] widths = {28, 190, 120, 72};
        for (int c = 0; c < widths.length; c++) {
            table.getColumnModel().getColumn(c).setPreferredWidth(widths[c]);
        }
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                int row = table.getSelectedRow();
                if (row >= 0) {
                    choose(versions.row(row));
                }
            }
        });
        for (JTextPane pane : List.of(text, diff)) {
            pane.setEditable(false);
            pane.setMargin(new java.awt.Insets(10, 12, 10, 12));
            pane.setBackground(Looks.paper());
        }
        text.setName("history.text");
        diff.setName("history.diff");
        legend.setName("history.legend");
        diffCaption.setName("history.diffCaption");
        restore = Dialogs.button("history.restore", "Restore This Version", this::restoreChosen);
        restore.setToolTipText("Makes the note's text this version's, as your own edits: they sync, and Undo takes them back");
        restore.setEnabled(false);
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(status, BorderLayout.NORTH);
        body.add(split(), BorderLayout.CENTER);
        Dialogs.frame(dialog, body, restore, Dialogs.button("history.close", "Close", dialog::dispose));
        // back from the editor: the difference is against the note's text as it is now
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowActivated(WindowEvent e) {
                if (chosenText != null) {
                    showDiff(chosen, chosenText);
                }
            }

            @Override
            public void windowClosed(WindowEvent e) {
                UIManager.removePropertyChangeListener(themeChanged);
            }
        });
        UIManager.addPropertyChangeListener(themeChanged);
    }

    /** The tints are the theme's: another theme paints the version again. */
    private final java.beans.PropertyChangeListener themeChanged = e -> {
        if (!"lookAndFeel".equals(e.getPropertyName())) {
            return;
        }
        text.setBackground(Looks.paper());
        diff.setBackground(Looks.paper());
        if (chosenText != null) {
            showAuthors(chosenText);
            showDiff(chosen, chosenText);
        }
    };

    void show() {
        dialog.setVisible(true);
        loadVersions();
    }

    void close() {
        dialog.dispose();
    }

    private JSplitPane split() {
        JScrollPane list = new JScrollPane(table);
        list.setPreferredSize(new Dimension(430, 440));
        JPanel textTab = new JPanel(new BorderLayout());
        textTab.add(legend, BorderLayout.NORTH);
        textTab.add(new JScrollPane(text), BorderLayout.CENTER);
        JPanel diffTab = new JPanel(new BorderLayout());
        diffCaption.setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
        diffTab.add(diffCaption, BorderLayout.NORTH);
        diffTab.add(new JScrollPane(diff), BorderLayout.CENTER);
        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("history.tabs");
        tabs.addTab("Text and Authors", textTab);
        tabs.addTab("Changes Since", diffTab);
        tabs.setPreferredSize(new Dimension(560, 440));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, list, tabs);
        split.setResizeWeight(0.4);
        split.setContinuousLayout(true);
        split.setBorder(null);
        return split;
    }

    private void loadVersions() {
        int mine = ++request;
        status.setText("Reading the history of “" + note + "”…");
        new SwingWorker<List<HistoryVersion>, Void>() {
            @Override
            protected List<HistoryVersion> doInBackground() throws IOException {
                return history.versions(note);
            }

            @Override
            protected void done() {
                if (mine != request) {
                    return;
                }
                try {
                    List<HistoryVersion> all = get();
                    versions.show(HistoryRows.newestFirst(all));
                    if (all.isEmpty()) {
                        status.setText("No history yet: the server holds no versions of “" + note + "”");
                    } else {
                        status.setText(all.size() + (all.size() == 1 ? " version" : " versions") + " of “" + note + "”");
                        table.setRowSelectionInterval(0, 0);
                    }
                } catch (ExecutionException e) {
                    failed(e.getCause());
                } catch (InterruptedException | CancellationException e) {
                    // the dialog went away
                }
            }
        }.execute();
    }

    private void choose(HistoryVersion version) {
        int mine = ++request;
        chosen = null;
        chosenText = null;
        restore.setEnabled(false);
        status.setText("Version " + version.number() + ": reading its text…");
        String now = open.text();
        new SwingWorker<Shown, Void>() {
            @Override
            protected Shown doInBackground() throws IOException {
                VersionText at = history.textAt(note, version.to());
                return new Shown(at, now == null ? null : HistoryDiff.between(at.text(), now));
            }

            @Override
            protected void done() {
                if (mine != request) {
                    return;
                }
                try {
                    Shown shown = get();
                    chosen = version;
                    chosenText = shown.text();
                    status.setText("Version " + version.number() + " · " + HistoryRows.when(version, zone)
                            + " · " + HistoryRows.devices(version) + " · " + HistoryRows.changes(version));
                    showAuthors(shown.text());
                    showDiff(version, shown.diff());
                    restore.setEnabled(true);
                } catch (ExecutionException e) {
                    failed(e.getCause());
                } catch (InterruptedException | CancellationException e) {
                    // the dialog went away
                }
            }
        }.execute();
    }

    private void restoreChosen() {
        if (chosenText == null) {
            return;
        }
        if (!open.restore(chosen, chosenText.text())) {
            status.setText("“" + note + "” is no longer open in the editor: open it to restore this version");
            return;
        }
        showDiff(chosen, chosenText);
    }

    private void failed(Throwable cause) {
        status.setText(cause instanceof IOException ? NOT_CONNECTED : "Could not read the history: " + Jobs.describe(cause));
        status.setToolTipText(cause.getMessage());
    }

    // ---- who wrote what ------------------------------------------------------------------------

    private void showAuthors(VersionText version) {
        AuthorTints tints = new AuthorTints(Looks.dark());
        StyledDocument doc = new DefaultStyledDocument();
        String all = version.text();
        int at = 0;
        try {
            for (AuthorSpan span : version.authors()) {
                int start = Math.max(at, Math.min(span.start(), all.length()));
                int end = Math.max(start, Math.min(span.end(), all.length()));
                doc.insertString(doc.getLength(), all.substring(at, start), plain());
                SimpleAttributeSet tinted = plain();
                StyleConstants.setBackground(tinted, tints.of(span.device()));
                doc.insertString(doc.getLength(), all.substring(start, end), tinted);
                at = end;
            }
            doc.insertString(doc.getLength(), all.substring(at), plain());
        } catch (BadLocationException e) {
            throw new IllegalStateException("appending at the end", e);
        }
        text.show(doc, version.authors());
        legend.removeAll();
        JLabel who = new JLabel("Written on:");
        who.setForeground(UIManager.getColor("Label.disabledForeground"));
        legend.add(who);
        tints.all().forEach((device, tint) -> {
            JLabel label = new JLabel(device, new Swatch(tint), JLabel.LEADING);
            label.setName("history.author." + device);
            legend.add(label);
        });
        legend.revalidate();
        legend.repaint();
    }

    /** The version's text, telling on hover which device wrote the character under the mouse. */
    private static final class AuthoredPane extends JTextPane {
        private List<AuthorSpan> spans = List.of();

        AuthoredPane() {
            setToolTipText(""); // registers with the tooltip manager
        }

        void show(StyledDocument doc, List<AuthorSpan> authors) {
            spans = authors;
            setDocument(doc);
            setCaretPosition(0);
        }

        @Override
        public String getToolTipText(MouseEvent e) {
            int at = viewToModel2D(e.getPoint());
            String device = deviceAt(at);
            return device == null ? null : "Written on " + device;
        }

        String deviceAt(int offset) {
            for (AuthorSpan span : spans) {
                if (offset >= span.start() && offset < span.end()) {
                    return span.device();
                }
            }
            return null;
        }
    }

    private record Swatch(Color color) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            g.setColor(color);
            g.fillRoundRect(x, y, getIconWidth(), getIconHeight(), 4, 4);
            g.setColor(UIManager.getColor("Component.borderColor"));
            g.drawRoundRect(x, y, getIconWidth() - 1, getIconHeight() - 1, 4, 4);
        }

        @Override
        public int getIconWidth() {
            return 14;
        }

        @Override
        public int getIconHeight() {
            return 14;
        }
    }

    // ---- the difference from now ---------------------------------------------------------------

    private void showDiff(HistoryVersion version, VersionText at) {
        String now = open.text();
        showDiff(version, now == null ? null : HistoryDiff.between(at.text(), now));
    }

    /** {@code segments} null: the note is not in the editor, so there is no "now" to compare with. */
    private void showDiff(HistoryVersion version, List<HistoryDiff.Segment> segments) {
        if (segments == null) {
            diff.setDocument(new DefaultStyledDocument());
            diffCaption.setText("Open “" + note + "” in the editor to compare this version with it.");
            return;
        }
        boolean dark = Looks.dark();
        StyledDocument doc = new DefaultStyledDocument();
        SimpleAttributeSet removed = plain();
        StyleConstants.setBackground(removed, new Color(dark ? 0x6b2b2b : 0xffd4d1));
        StyleConstants.setStrikeThrough(removed, true);
        SimpleAttributeSet added = plain();
        StyleConstants.setBackground(added, new Color(dark ? 0x1f5230 : 0xc9f0d3));
        boolean same = true;
        try {
            for (HistoryDiff.Segment s : segments) {
                same &= s.kind() == HistoryDiff.Kind.SAME;
                doc.insertString(doc.getLength(), s.text(), switch (s.kind()) {
                    case SAME -> plain();
                    case REMOVED -> removed;
                    case ADDED -> added;
                });
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("appending at the end", e);
        }
        diff.setDocument(doc);
        diff.setCaretPosition(0);
        diffCaption.setText(same ? "The note's text now is this version's."
                : "<html>From version " + version.number() + " to the note now: <span style='background:"
                        + hex(StyleConstants.getBackground(removed)) + "'><s>&nbsp;removed&nbsp;</s></span> "
                        + "<span style='background:" + hex(StyleConstants.getBackground(added)) + "'>&nbsp;added&nbsp;</span></html>");
    }

    private static String hex(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }

    /** The editor's font in the theme's text colour. */
    private SimpleAttributeSet plain() {
        SimpleAttributeSet a = new SimpleAttributeSet();
        StyleConstants.setFontFamily(a, font.getFamily());
        StyleConstants.setFontSize(a, font.getSize());
        Color fg = UIManager.getColor("TextPane.foreground");
        if (fg != null) {
            StyleConstants.setForeground(a, fg);
        }
        return a;
    }

    private record Shown(VersionText text, List<HistoryDiff.Segment> diff) {
    }
}
