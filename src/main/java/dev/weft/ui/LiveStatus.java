package dev.weft.ui;

import dev.weft.client.SyncListener;
import dev.weft.client.SyncState;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.VaultListener;
import java.util.List;
import java.util.UUID;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Carries what the vault and the sync client report (on their own threads) to the window: the note
 * list, problems, the connection state and first-sync progress, and the count of notes with changes
 * not yet on the server (recounted on the worker thread a moment after the events stop).
 */
final class LiveStatus {
    private static final int RECOUNT_MILLIS = 400;
    /** Acknowledgements trim the pending set without an event: a paired window recounts this often. */
    private static final int POLL_MILLIS = 3_000;

    private final MainWindow window;
    private final Timer recount;
    private final Timer poll;
    private final VaultListener vaultListener = new VaultListener() {
        @Override
        public void notesChanged() {
            List<NoteInfo> notes = window.workspace.vault().notes();
            SwingUtilities.invokeLater(() -> {
                window.namesChanged(notes);
                recount();
            });
        }

        @Override
        public void pendingWork(UUID id) {
            SwingUtilities.invokeLater(LiveStatus.this::recount);
        }

        @Override
        public void problem(String message) {
            SwingUtilities.invokeLater(() -> window.status.problem(message));
        }
    };
    private final SyncListener syncListener = new SyncListener() {
        @Override
        public void stateChanged(SyncState state) {
            SwingUtilities.invokeLater(() -> {
                window.status.showState(state);
                if (state == SyncState.SYNCED) {
                    window.openNote.synced();
                }
                recount();
            });
        }

        @Override
        public void progress(int done, int total) {
            SwingUtilities.invokeLater(() -> window.status.showProgress(done, total));
        }

        @Override
        public void problem(String message) {
            SwingUtilities.invokeLater(() -> window.status.problem(message));
        }
    };

    LiveStatus(MainWindow window) {
        this.window = window;
        this.recount = new Timer(RECOUNT_MILLIS, e -> countPending());
        recount.setRepeats(false);
        this.poll = new Timer(POLL_MILLIS, e -> {
            if (window.workspace.vault().device().isPaired()) {
                countPending();
            }
        });
    }

    void start() {
        window.workspace.vault().addListener(vaultListener);
        window.workspace.sync().ifPresent(sync -> {
            sync.addListener(syncListener);
            window.status.showState(sync.state());
        });
        window.list.show(window.workspace.vault().notes());
        countPending();
        poll.start();
    }

    void stop() {
        recount.stop();
        poll.stop();
        window.workspace.vault().removeListener(vaultListener);
        window.workspace.sync().ifPresent(sync -> sync.removeListener(syncListener));
    }

    private void recount() {
        recount.restart();
    }

    private void countPending() {
        // a vault that was never paired has nowhere to send its notes: nothing is "to send"
        window.jobs.run("Could not count the changes to send", () -> window.workspace.vault().device().isPaired()
                ? window.workspace.vault().withPendingOps().size() : 0, window.status::showPending);
    }
}
