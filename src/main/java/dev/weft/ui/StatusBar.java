package dev.weft.ui;

import dev.weft.client.SyncState;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.Collection;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.Timer;
import javax.swing.UIManager;

/**
 * The line at the bottom of the window: a message on the left (what just happened, or what went
 * wrong), and on the right who else is in this note, the pending changes, and the connection, with
 * "n of m notes" and a bar while a sync moves many notes (a first sync, a big upload). Event thread only.
 */
final class StatusBar {
    private static final int MESSAGE_MILLIS = 8_000;

    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel message = new JLabel(" ");
    private final JLabel counts = new JLabel();
    private final JLabel peers = new JLabel();
    private final JLabel pending = new JLabel();
    private final JLabel connection = new JLabel();
    private final JButton held = new JButton();
    private Runnable onHeld = () -> { };
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText = new JLabel();
    private final JProgressBar busy = new JProgressBar();
    private final Timer clear = new Timer(MESSAGE_MILLIS, e -> message.setText(" "));

    StatusBar() {
        message.setName("status.message");
        counts.setName("status.counts");
        peers.setName("status.peers");
        pending.setName("status.pending");
        connection.setName("status.connection");
        progress.setName("status.progress");
        progress.setVisible(false);
        progress.setPreferredSize(new Dimension(120, 10));
        progressText.setName("status.progressText");
        progressText.setVisible(false);
        busy.setName("status.busy");
        busy.setIndeterminate(true);
        busy.setVisible(false);
        busy.setPreferredSize(new Dimension(80, 10));
        clear.setRepeats(false);
        held.setName("status.held");
        held.setVisible(false);
        held.putClientProperty("JButton.buttonType", "toolBarButton");
        held.addActionListener(e -> onHeld.run());
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 14, 0)); // hgap also ends the row
        right.setOpaque(false);
        right.add(held);
        right.add(busy);
        right.add(counts);
        right.add(peers);
        right.add(pending);
        right.add(progressText);
        right.add(progress);
        right.add(connection);
        panel.add(message, BorderLayout.CENTER);
        panel.add(right, BorderLayout.EAST);
        panel.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(3, 10, 3, 12)));
        showState(SyncState.UNPAIRED);
        showPeers(java.util.List.of());
    }

    JPanel component() {
        return panel;
    }

    void info(String text) {
        message.setForeground(UIManager.getColor("Label.foreground"));
        message.setText(text);
        clear.restart();
    }

    void problem(String text) {
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        message.setText(text);
        message.setToolTipText(text);
        clear.restart();
    }

    /** Something slow is under way (a huge note opening): says what, with a moving bar, until {@link #idle}. */
    void busy(String what) {
        info(what);
        clear.stop();
        busy.setVisible(true);
    }

    void idle() {
        if (busy.isVisible()) {
            busy.setVisible(false);
            message.setText(" ");
        }
    }

    void showState(SyncState state) {
        connection.setText(switch (state) {
            case UNPAIRED -> "Not connected";
            case OFFLINE -> "Offline";
            case CONNECTING -> "Connecting…";
            case SYNCING -> "Syncing…";
            case SYNCED -> "Synced";
            case REFUSED -> "Refused: connect again";
            case SERVER_DISK_FULL -> "Server disk full";
        });
        connection.setToolTipText(switch (state) {
            case UNPAIRED -> "Notes stay on this computer. Use Sync › Connect to server… to sync them.";
            case OFFLINE -> "The server cannot be reached; changes are kept and sent when it can.";
            case REFUSED -> "The server no longer accepts this device. Get a new link and connect again.";
            case SERVER_DISK_FULL -> "The server's disk is full: changes are kept here and sent once it has space.";
            default -> null;
        });
        if (state != SyncState.SYNCING) {
            progress.setVisible(false);
            progressText.setVisible(false);
        }
    }

    /**
     * Notes synced of notes to sync, pulls and uploads (SyncListener#progress); hidden once all are
     * done, and for one note (another program saving a note would make it blink at every save).
     */
    void showProgress(int done, int total) {
        boolean moving = total > 1 && done < total;
        progress.setVisible(moving);
        progress.setMaximum(Math.max(1, total));
        progress.setValue(done);
        progressText.setVisible(moving);
        progressText.setText(done + " of " + total + " notes");
    }

    /** The open note's (or the selection's) words and characters; empty with no note open. */
    void showCounts(String line) {
        counts.setText(line);
    }

    void showPending(int notes) {
        pending.setText(notes == 0 ? "" : notes == 1 ? "1 note to send" : notes + " notes to send");
    }

    void showPeers(Collection<String> names) {
        peers.setVisible(!names.isEmpty());
        peers.setText(names.isEmpty() ? "" : "Here too: " + String.join(", ", names));
    }

    /**
     * Keeps offering the decision on notes the vault holds back ({@code notes} of them; 0 hides it)
     * until the user makes it: a "Decide later" is never the last word.
     */
    void showHeld(int notes, Runnable decide) {
        held.setVisible(notes > 0);
        held.setText(notes == 1 ? "1 note held back: decide…" : notes + " notes held back: decide…");
        held.setToolTipText("Notes deleted or erased outside Weft at once: nothing of them is sent until you decide");
        onHeld = decide;
    }
}
