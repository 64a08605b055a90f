package dev.weft.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.KeyStroke;

/** The common frame of the window's own dialogs: padding, a row of buttons, Escape closes. */
final class Dialogs {
    private Dialogs() {
    }

    static void frame(JDialog dialog, JComponent body, JButton... buttons) {
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(14, 16, 12, 16));
        content.add(body, BorderLayout.CENTER);
        if (buttons.length > 0) {
            JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
            for (JButton button : buttons) {
                row.add(button);
            }
            content.add(row, BorderLayout.SOUTH);
        }
        dialog.setContentPane(content);
        dialog.getRootPane().registerKeyboardAction(e -> dialog.dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        dialog.pack();
        dialog.setLocationRelativeTo(dialog.getOwner());
    }

    /** A button named for tests; {@code action} may be null when the caller adds its own listener. */
    static JButton button(String name, String text, Runnable action) {
        JButton button = new JButton(text);
        button.setName(name);
        if (action != null) {
            button.addActionListener(e -> action.run());
        }
        return button;
    }
}
