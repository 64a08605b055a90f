package dev.weft.ui;

import dev.weft.ui.settings.Preferences;
import dev.weft.ui.settings.Theme;
import java.awt.GraphicsEnvironment;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

/** Theme, editor font and size, and the vault folder (used from the next start on). */
final class SettingsDialog {
    private SettingsDialog() {
    }

    static Optional<Preferences> ask(Window owner, Preferences current) {
        JDialog dialog = new JDialog(owner, "Settings", JDialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("settings");
        JComboBox<Theme> theme = new JComboBox<>(Theme.values());
        theme.setName("settings.theme");
        theme.setSelectedItem(current.theme());
        JComboBox<String> font = new JComboBox<>(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        font.setName("settings.font");
        font.setEditable(true);
        font.setSelectedItem(current.fontFamily());
        JSpinner size = new JSpinner(new SpinnerNumberModel(current.fontSize(), Preferences.MIN_FONT_SIZE,
                Preferences.MAX_FONT_SIZE, 1));
        size.setName("settings.size");
        JTextField vault = new JTextField(current.vault() == null ? "" : current.vault().toString(), 28);
        vault.setName("settings.vault");
        JButton browse = Dialogs.button("settings.browse", "Choose…", () -> chooseFolder(dialog, vault));
        JLabel restart = new JLabel("A new vault folder is opened the next time Weft starts.");
        JTextField attachments = new JTextField(current.attachmentFolder(), 28);
        attachments.setName("settings.attachments");
        attachments.setToolTipText("./attachments: beside the note; ./ in the note's folder; Files: from the vault's top");
        restart.setEnabled(false);

        JPanel form = new JPanel(new GridBagLayout());
        row(form, 0, "Theme:", theme, null);
        row(form, 1, "Editor font:", font, null);
        row(form, 2, "Font size:", size, null);
        row(form, 3, "Vault folder:", vault, browse);
        GridBagConstraints note = new GridBagConstraints();
        note.gridx = 1;
        note.gridy = 4;
        note.gridwidth = 2;
        note.anchor = GridBagConstraints.WEST;
        form.add(restart, note);
        row(form, 5, "Attachments folder:", attachments, null);

        Preferences[] answer = new Preferences[1];
        JButton ok = Dialogs.button("settings.ok", "OK", () -> {
            answer[0] = new Preferences((Theme) theme.getSelectedItem(), String.valueOf(font.getSelectedItem()),
                    (Integer) size.getValue(), folder(vault.getText()).orElse(current.vault()), attachments.getText());
            dialog.dispose();
        });
        dialog.getRootPane().setDefaultButton(ok);
        Dialogs.frame(dialog, form, Dialogs.button("settings.cancel", "Cancel", dialog::dispose), ok);
        dialog.setVisible(true);
        return Optional.ofNullable(answer[0]);
    }

    private static void row(JPanel form, int y, String label, JComponent field, JComponent extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(4, 0, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.gridwidth = extra == null ? 2 : 1;
        form.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.insets = new Insets(4, 0, 4, 0);
            form.add(extra, c);
        }
    }

    static void chooseFolder(Window owner, JTextField field) {
        JFileChooser chooser = new JFileChooser(field.getText().isBlank() ? null : field.getText());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Vault folder");
        if (chooser.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION) {
            field.setText(chooser.getSelectedFile().getPath());
        }
    }

    static Optional<Path> folder(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
