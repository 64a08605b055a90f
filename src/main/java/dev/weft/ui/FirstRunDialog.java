package dev.weft.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.UIManager;

/**
 * The first start: asks only where the notes live (proposing {@code ~/Weft}); connecting to a
 * server or hosting one can be chosen here too, and happen once the window is open.
 */
final class FirstRunDialog {
    /** What to do once the vault is open. */
    enum Then {
        NOTHING, CONNECT, HOST
    }

    record Choice(Path vault, Then then) {
    }

    private FirstRunDialog() {
    }

    /** Empty if the user closed the dialog. */
    static Optional<Choice> ask(Path proposed) {
        JDialog dialog = new JDialog((java.awt.Frame) null, "Welcome to Weft", true);
        dialog.setName("firstRun");
        JLabel title = new JLabel("Welcome to Weft");
        title.setFont(UIManager.getFont("h2.font") != null ? UIManager.getFont("h2.font")
                : title.getFont().deriveFont(Font.BOLD, 20f));
        JLabel text = new JLabel("<html>Your notes are Markdown files in a folder on this computer.<br>"
                + "Where should Weft keep them?</html>");
        JTextField folder = new JTextField(proposed.toString(), 30);
        folder.setName("firstRun.folder");
        JButton browse = Dialogs.button("firstRun.browse", "Choose…", () -> SettingsDialog.chooseFolder(dialog, folder));
        JPanel folderRow = new JPanel(new BorderLayout(8, 0));
        folderRow.add(folder, BorderLayout.CENTER);
        folderRow.add(browse, BorderLayout.EAST);

        Choice[] answer = new Choice[1];
        java.util.function.Consumer<Then> finish = then -> SettingsDialog.folder(folder.getText()).ifPresent(path -> {
            answer[0] = new Choice(path.toAbsolutePath(), then);
            dialog.dispose();
        });
        JButton connect = Dialogs.button("firstRun.connect", "Connect to a Server…", () -> finish.accept(Then.CONNECT));
        JButton host = Dialogs.button("firstRun.host", "Host a Server Here…", () -> finish.accept(Then.HOST));
        for (JButton link : new JButton[] {connect, host}) {
            link.putClientProperty("JButton.buttonType", "borderless");
            link.setForeground(UIManager.getColor("Component.linkColor"));
        }
        JLabel syncHint = new JLabel("Sync with other devices (optional, also in the Sync menu):");
        syncHint.setEnabled(false);
        JPanel syncRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        syncRow.add(connect);
        syncRow.add(host);

        JPanel body = new JPanel();
        body.setLayout(new javax.swing.BoxLayout(body, javax.swing.BoxLayout.Y_AXIS));
        for (javax.swing.JComponent part : new javax.swing.JComponent[] {title, text, folderRow, syncHint, syncRow}) {
            part.setAlignmentX(0f);
            body.add(part);
            body.add(javax.swing.Box.createVerticalStrut(10));
        }
        body.setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 6));
        JButton start = Dialogs.button("firstRun.start", "Start Writing", () -> finish.accept(Then.NOTHING));
        dialog.getRootPane().setDefaultButton(start);
        Dialogs.frame(dialog, body, start);
        dialog.setVisible(true);
        return Optional.ofNullable(answer[0]);
    }
}
