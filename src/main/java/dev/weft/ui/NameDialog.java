package dev.weft.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;

/** Asks for a note or folder name, a path like {@code Work/Plans}; empty if cancelled or left blank. */
final class NameDialog {
    private NameDialog() {
    }

    static Optional<String> ask(Component owner, String title, String prompt, String initial) {
        JTextField field = new JTextField(initial, 32);
        field.setName("name.field");
        field.addAncestorListener(new AncestorListener() {
            @Override
            public void ancestorAdded(AncestorEvent event) {
                field.requestFocusInWindow();
                field.selectAll();
            }

            @Override
            public void ancestorRemoved(AncestorEvent event) {
            }

            @Override
            public void ancestorMoved(AncestorEvent event) {
            }
        });
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(prompt), BorderLayout.NORTH);
        panel.add(field, BorderLayout.CENTER);
        JLabel hint = new JLabel("Use / for folders, as in Work/Plans.");
        hint.setEnabled(false);
        panel.add(hint, BorderLayout.SOUTH);
        int answer = JOptionPane.showConfirmDialog(owner, panel, title, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        String name = field.getText().strip();
        return answer == JOptionPane.OK_OPTION && !name.isEmpty() ? Optional.of(name) : Optional.empty();
    }
}
