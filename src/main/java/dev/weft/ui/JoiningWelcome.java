package dev.weft.ui;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncListener;
import dev.weft.client.SyncState;
import dev.weft.vault.Vault;
import dev.weft.vault.WelcomeNote;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;

/**
 * A vault that began alone ("Start Writing", so it got the welcome note) and joins an account from
 * the Sync menu: {@link WelcomeNote}'s rule, plus the editor, which closes the note set aside and
 * shows the welcome note that stands after the first sync.
 */
final class JoiningWelcome {
    private final MainWindow window;
    private final Optional<UUID> untouched;
    /** Whether the editor showed it when it was set aside: then the welcome note that stands takes its place. */
    private volatile boolean wasOpen;

    private JoiningWelcome(MainWindow window, Optional<UUID> untouched) {
        this.window = window;
        this.untouched = untouched;
    }

    /** Looks before pairing (off the event thread): only a vault not paired yet brings its own welcome note. */
    static JoiningWelcome before(MainWindow window) throws IOException {
        Vault vault = window.workspace.vault();
        return new JoiningWelcome(window, WelcomeNote.broughtAlong(vault));
    }

    /**
     * Once paired, before syncing starts (off the event thread): closes the note in the editor, so
     * nothing is typed into it, and discards it if it is still unchanged.
     */
    void setAside() throws IOException {
        if (untouched.isEmpty()) {
            return;
        }
        UUID id = untouched.get();
        try {
            SwingUtilities.invokeAndWait(() -> {
                if (id.equals(window.openNote.current())) {
                    wasOpen = true;
                    window.openNote.closeNote();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        WelcomeNote.setAside(window.workspace.vault(), id);
    }

    /** The account's welcome note, or this device's made again if the account has none. */
    private Optional<UUID> welcomeNote() throws IOException {
        Vault vault = window.workspace.vault();
        WelcomeNote.ifTheAccountHasNone(vault);
        return vault.notes().stream().filter(n -> !n.trashed() && n.name().equals(WelcomeNote.NAME)).map(n -> n.id())
                .findFirst();
    }

    /**
     * Adds it back after the first sync if the account had none (an empty account, say), and shows the
     * welcome note that stands if the editor showed the one set aside.
     */
    void afterFirstSync(SyncClient sync) {
        if (untouched.isEmpty()) {
            return;
        }
        AtomicBoolean handled = new AtomicBoolean();
        SyncListener listener = new SyncListener() {
            @Override
            public void stateChanged(SyncState state) {
                if (state == SyncState.SYNCED) {
                    synced(sync, this, handled);
                }
            }
        };
        sync.addListener(listener);
        if (sync.state() == SyncState.SYNCED) { // a client already running may have synced before the listener came
            synced(sync, listener, handled);
        }
    }

    private void synced(SyncClient sync, SyncListener listener, AtomicBoolean handled) {
        if (!handled.compareAndSet(false, true)) {
            return;
        }
        sync.removeListener(listener);
        window.jobs.run("Could not add the welcome note", () -> welcomeNote(), standing -> {
            if (wasOpen && window.openNote.current() == null) {
                standing.ifPresent(id -> window.openNote(id, null));
            }
        });
    }
}
