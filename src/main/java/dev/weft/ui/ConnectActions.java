package dev.weft.ui;

import dev.weft.client.SyncClient;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

/**
 * "Connect to server…" (pair with a link from another computer, then sync) and "Host a server on
 * this computer" (run the server here, pair with it, show the link for other devices). The slow
 * parts run in a {@code SwingWorker}; a failure is a sentence in the dialog.
 */
final class ConnectActions {
    private static final String HOSTING_STARTS = wrapped("Starting the server on this computer…");
    private static final String HOSTING = wrapped("This computer now hosts your notes. On another device, choose "
            + "<b>Connect to Server…</b> and paste this link. It pairs one device within 15 minutes; "
            + "<b>New Link</b> makes another.");

    private final MainWindow window;

    ConnectActions(MainWindow window) {
        this.window = window;
    }

    void connect() {
        Connector connector = window.workspace.connector().orElseThrow();
        SyncClient sync = window.workspace.sync().orElseThrow();
        JDialog dialog = new JDialog(window.frame, "Connect to Server", JDialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("connect");
        JTextField link = new JTextField(40);
        link.setName("connect.link");
        link.putClientProperty("JTextField.placeholderText", "weft://…");
        JTextField name = new JTextField(20);
        name.setName("connect.name");
        window.jobs.run("Could not tell this computer's name", DeviceName::guess, guessed -> {
            if (name.getText().isEmpty()) {
                name.setText(guessed);
            }
        });
        JLabel message = new JLabel(wrapped("Paste the link the server shows: the pair: line of weft --server,"
                + " or Host a Server on the computer that hosts."));
        message.setName("connect.message");
        JProgressBar busy = new JProgressBar();
        busy.setIndeterminate(true);
        busy.setVisible(false);
        JPanel fields = new JPanel(new GridLayout(0, 1, 0, 4));
        fields.add(new JLabel("Pairing link:"));
        fields.add(link);
        fields.add(new JLabel("This device's name:"));
        fields.add(name);
        JPanel body = new JPanel(new BorderLayout(0, 10));
        body.add(fields, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.add(message, BorderLayout.CENTER);
        south.add(busy, BorderLayout.SOUTH);
        body.add(south, BorderLayout.SOUTH);
        JButton go = Dialogs.button("connect.go", "Connect", null);
        JButton cancel = Dialogs.button("connect.cancel", "Cancel", dialog::dispose);
        go.addActionListener(e -> {
            if (!link.isEditable()) { // paired under another name, which the dialog shows: Close
                dialog.dispose();
                return;
            }
            go.setEnabled(false);
            busy.setVisible(true);
            message.setText("Pairing…");
            String linkText = link.getText().strip();
            String device = name.getText().isBlank() ? "device" : name.getText().strip();
            new SwingWorker<String, Void>() {
                @Override
                protected String doInBackground() throws ConnectFailure, IOException {
                    JoiningWelcome welcome = JoiningWelcome.before(window);
                    String given = connector.pair(linkText, device);
                    try {
                        welcome.setAside();
                    } catch (IOException | RuntimeException e) { // then it syncs as any note: no reason to stop
                        SwingUtilities.invokeLater(() -> window.status.problem(
                                "Could not set the welcome note aside: " + Jobs.describe(e)));
                    }
                    welcome.afterFirstSync(sync);
                    sync.start();
                    return given;
                }

                @Override
                protected void done() {
                    busy.setVisible(false);
                    go.setEnabled(true);
                    try {
                        String given = get();
                        window.status.info("Paired with the server as " + given + "; syncing");
                        if (given.equals(device)) {
                            dialog.dispose();
                            return;
                        }
                        // the name was taken: the dialog stays to say which one this device got
                        name.setText(given);
                        name.setEditable(false);
                        link.setEditable(false);
                        cancel.setVisible(false);
                        go.setText("Close");
                        message.setText(wrapped(pairedAs(device, given)));
                        dialog.pack();
                    } catch (ExecutionException failure) {
                        message.setText(wrapped(Jobs.describe(failure.getCause())));
                        dialog.pack();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }.execute();
        });
        dialog.getRootPane().setDefaultButton(go);
        Dialogs.frame(dialog, body, cancel, go);
        dialog.setVisible(true);
    }

    /** What the dialog says when the server paired this device under another name than the one asked. */
    static String pairedAs(String asked, String given) {
        return "Paired and syncing. Another device is already named " + html(asked) + ", so this one is <b>"
                + html(given) + "</b> on the server: others see it under that name.";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A label text that wraps at a readable width, so a packed dialog is not one long line. */
    private static String wrapped(String text) {
        return "<html><div style='width: 380px'>" + text + "</div></html>";
    }

    void host() {
        Connector connector = window.workspace.connector().orElseThrow();
        SyncClient sync = window.workspace.sync().orElseThrow();
        JDialog dialog = new JDialog(window.frame, "Host a Server", JDialog.ModalityType.MODELESS);
        dialog.setName("host");
        JLabel message = new JLabel(HOSTING_STARTS);
        message.setName("host.message");
        JProgressBar busy = new JProgressBar();
        busy.setIndeterminate(true);
        JTextField link = new JTextField(46);
        link.setName("host.link");
        link.setEditable(false);
        JButton copy = Dialogs.button("host.copy", "Copy Link", () -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(link.getText()), null));
        copy.setEnabled(false);
        JPanel linkRow = new JPanel(new BorderLayout(8, 0));
        linkRow.add(link, BorderLayout.CENTER);
        linkRow.add(copy, BorderLayout.EAST);
        JPanel body = new JPanel(new BorderLayout(0, 10));
        body.add(message, BorderLayout.NORTH);
        body.add(linkRow, BorderLayout.CENTER);
        body.add(busy, BorderLayout.SOUTH);
        JButton another = Dialogs.button("host.again", "New Link", null);
        another.setEnabled(false);
        Runnable start = () -> {
            another.setEnabled(false);
            busy.setVisible(true);
            new SwingWorker<String, Void>() {
                @Override
                protected String doInBackground() throws ConnectFailure {
                    String shared = connector.host(DeviceName.guess());
                    sync.start();
                    return shared;
                }

                @Override
                protected void done() {
                    busy.setVisible(false);
                    another.setEnabled(true);
                    try {
                        link.setText(get());
                        link.setCaretPosition(link.getText().length());
                        link.moveCaretPosition(0); // all selected, its start in view
                        copy.setEnabled(true);
                        message.setText(HOSTING);
                        window.settings.update(s -> s.withHosting(true));
                    } catch (ExecutionException failure) {
                        message.setText(wrapped(Jobs.describe(failure.getCause())));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    dialog.pack();
                }
            }.execute();
        };
        another.addActionListener(e -> start.run());
        Dialogs.frame(dialog, body, another, Dialogs.button("host.close", "Close", dialog::dispose));
        dialog.setVisible(true);
        start.run();
    }
}
