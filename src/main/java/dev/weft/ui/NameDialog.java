package dev.weft.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.Optional;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;

/** Asks for a note or folder name, a path like {@code Work/Plans}; empty if cancelled or left blank. */
final class NameDialog {
    private NameDialog() {
    }

    static Optional<String> ask(Component owner, String title, String prompt, String initial) {
        JTextField field = new JTextField(initial, 32);
        field.setName("name.field");
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(prompt), BorderLayout.NORTH);
        panel.add(field, BorderLayout.CENTER);
        JLabel hint = new JLabel("Use / for folders, as in Work/Plans.");
        hint.setEnabled(false);
        panel.add(hint, BorderLayout.SOUTH);
        JOptionPane pane = new JOptionPane(panel, JOptionPane.PLAIN_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
            @Override
            public void selectInitialValue() {
                // the option pane calls this once its dialog is shown: the name, selected, takes the typing
                field.requestFocusInWindow();
                field.selectAll();
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
        String name = field.getText().strip();
        return ok[0] && !name.isEmpty() ? Optional.of(name) : Optional.empty();
    }
}
