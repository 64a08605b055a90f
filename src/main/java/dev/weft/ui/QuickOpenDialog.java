package dev.weft.ui;

import dev.weft.ui.notes.QuickMatch;
import dev.weft.ui.text.EmojiListCellRenderer;
import dev.weft.vault.NoteInfo;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.swing.JDialog;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/** Ctrl+P: type part of a note's name (or its letters in order), Enter opens the best match. */
final class QuickOpenDialog {
    private static final int SHOWN = 50;

    private QuickOpenDialog() {
    }

    static Optional<UUID> ask(Window owner, List<NoteInfo> notes) {
        JDialog dialog = new JDialog(owner, "Open Note", JDialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("quickOpen");
        JTextField query = new JTextField(30);
        query.setName("quickOpen.query");
        query.putClientProperty("JTextField.placeholderText", "Note name");
        JList<NoteInfo> matches = new JList<>();
        matches.setName("quickOpen.list");
        matches.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        matches.setCellRenderer((l, note, index, selected, focus) -> new EmojiListCellRenderer()
                .getListCellRendererComponent(l, note.name(), index, selected, focus));
        UUID[] chosen = new UUID[1];
        Runnable choose = () -> {
            NoteInfo note = matches.getSelectedValue();
            if (note != null) {
                chosen[0] = note.id();
                dialog.dispose();
            }
        };
        Runnable refresh = () -> {
            List<NoteInfo> ranked = QuickMatch.rank(notes, query.getText(), SHOWN);
            matches.setListData(ranked.toArray(NoteInfo[]::new));
            if (!ranked.isEmpty()) {
                matches.setSelectedIndex(0);
            }
        };
        query.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                refresh.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                refresh.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        query.addActionListener(e -> choose.run());
        query.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                int step = e.getKeyCode() == KeyEvent.VK_DOWN ? 1 : e.getKeyCode() == KeyEvent.VK_UP ? -1 : 0;
                if (step != 0 && matches.getModel().getSize() > 0) {
                    int next = Math.floorMod(matches.getSelectedIndex() + step, matches.getModel().getSize());
                    matches.setSelectedIndex(next);
                    matches.ensureIndexIsVisible(next);
                    e.consume();
                }
            }
        });
        matches.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    choose.run();
                }
            }
        });
        refresh.run();
        JScrollPane scroll = new JScrollPane(matches);
        scroll.setPreferredSize(new Dimension(460, 280));
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(query, BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        Dialogs.frame(dialog, body);
        dialog.setVisible(true);
        return Optional.ofNullable(chosen[0]);
    }
}
