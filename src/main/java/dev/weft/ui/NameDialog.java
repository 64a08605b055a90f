package dev.weft.ui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Component;
import java.util.Optional;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;

/** Asks for a note or folder name, a path like {@code Work/Plans}. */
final class NameDialog {
    private NameDialog() {
    }

    /** The name typed, all of {@code initial} selected at first; empty if cancelled or left blank. */
    static Optional<String> ask(Component owner, String title, String prompt, String initial) {
        return show(owner, title, prompt, initial, "Use / for folders, as in Work/Plans.", false)
                .filter(name -> !name.isEmpty());
    }

    /**
     * A new note's name: only the part after {@code initial}'s folder is selected at first (with
     * nothing after it, the caret waits there), and a blank name is an answer too, "" (or just the
     * folder, {@code Work/}). Empty if cancelled.
     */
    static Optional<String> askOrBlank(Component owner, String title, String prompt, String initial, String hint) {
        return show(owner, title, prompt, initial, hint, true);
    }

    private static Optional<String> show(Component owner, String title, String prompt, String initial, String hint,
            boolean nameOnly) {
        JTextField field = new JTextField(initial, 32);
        field.setName("name.field");
        if (nameOnly) {
            // FlatLaf would select all of it when the field first gets the focus
            field.putClientProperty(FlatClientProperties.SELECT_ALL_ON_FOCUS_POLICY,
                    FlatClientProperties.SELECT_ALL_ON_FOCUS_POLICY_NEVER);
        }
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(prompt), BorderLayout.NORTH);
        panel.add(field, BorderLayout.CENTER);
        JLabel hintLabel = new JLabel(hint);
        hintLabel.setEnabled(false);
        panel.add(hintLabel, BorderLayout.SOUTH);
        JOptionPane pane = new JOptionPane(panel, JOptionPane.PLAIN_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
            @Override
            public void selectInitialValue() {
                // the option pane calls this once its dialog is shown: the name, selected, takes the typing
                field.requestFocusInWindow();
                if (nameOnly) {
                    field.select(initial.lastIndexOf('/') + 1, initial.length());
                } else {
                    field.selectAll();
                }
            }
        };
        field.addActionListener(e -> pane.setValue(JOptionPane.OK_OPTION));
        // the first answer counts: the dialog resets the pane's value when its "shown" event comes late
        boolean[] ok = {false};
        pane.addPropertyChangeListener(JOptionPane.VALUE_PROPERTY, e -> {
            if (Integer.valueOf(JOptionPane.OK_OPTION).equals(e.getNewValue())) {
                ok[0] = true;
            }
        });
        JDialog dialog = pane.createDialog(owner, title);
        dialog.setVisible(true);
        dialog.dispose();
        return ok[0] ? Optional.of(field.getText().strip()) : Optional.empty();
    }
}
