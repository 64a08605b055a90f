package dev.weft.ui;

import java.awt.Component;
import javax.swing.JDialog;
import javax.swing.JOptionPane;

/** A yes-or-cancel question whose safe answer, Cancel, is the default (Enter, Escape). */
final class ConfirmDialog {
    private ConfirmDialog() {
    }

    static boolean ask(Component owner, String title, String question, String yes) {
        Object[] options = {yes, "Cancel"};
        JOptionPane pane = new JOptionPane(question, JOptionPane.WARNING_MESSAGE, JOptionPane.OK_CANCEL_OPTION,
                null, options, options[1]);
        JDialog dialog = pane.createDialog(owner, title);
        dialog.setName("confirm");
        dialog.setVisible(true);
        dialog.dispose();
        return yes.equals(pane.getValue());
    }
}
