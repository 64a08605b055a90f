package dev.weft.ui;

import dev.weft.vault.HeldChange;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.swing.SwingUtilities;

/**
 * Shows {@link HeldChangesDialog} when the vault holds back a mass delete or erasure (at open, or
 * when the watcher sees one), one kind at a time, and carries out the answer on the worker thread.
 * Notes the user put off ("Decide later") are not asked about again by a dialog in this window until
 * more are held, but the status bar keeps offering the decision while any note is held.
 */
final class HeldPrompt {
    private final MainWindow window;
    private final Set<UUID> putOff = new HashSet<>();
    private boolean asking;
    private final VaultListener listener = new VaultListener() {
        @Override
        public void heldChanged() {
            SwingUtilities.invokeLater(HeldPrompt.this::check);
        }
    };

    HeldPrompt(MainWindow window) {
        this.window = window;
    }

    void start() {
        window.workspace.vault().addListener(listener);
        check();
    }

    void stop() {
        window.workspace.vault().removeListener(listener);
    }

    private void check() {
        Vault vault = window.workspace.vault();
        window.jobs.run("Could not read the held changes", vault::heldChanges, this::ask);
    }

    /** The status bar's offer: asks again about everything held, put off or not. */
    private void decideNow() {
        putOff.clear();
        check();
    }

    private void ask(List<HeldChange> held) {
        if (!window.frame.isDisplayable()) {
            return;
        }
        window.status.showHeld(held.size(), this::decideNow);
        if (asking) {
            return;
        }
        for (HeldChange.Kind kind : HeldChange.Kind.values()) {
            List<HeldChange> ofKind = held.stream().filter(h -> h.kind() == kind).toList();
            if (ofKind.isEmpty() || ofKind.stream().allMatch(h -> putOff.contains(h.id()))) {
                continue;
            }
            asking = true;
            HeldChangesDialog.Choice choice;
            try {
                choice = new HeldChangesDialog(window.frame, kind, ofKind.stream().map(HeldChange::name).toList()).ask();
            } finally {
                asking = false;
            }
            Vault vault = window.workspace.vault();
            switch (choice) {
                case ALLOW -> window.jobs.run("Could not send the held changes", () -> {
                    vault.allowHeld(kind);
                    return null;
                }, done -> window.status.info(ofKind.size() + (kind == HeldChange.Kind.DELETED
                        ? " notes moved to the trash on every device" : " notes' erased text sent to every device")));
                case RESTORE -> window.jobs.run("Could not restore the files", () -> {
                    vault.restoreHeld(kind);
                    return null;
                }, done -> window.status.info(ofKind.size() + " notes' files restored"));
                case LATER -> ofKind.forEach(h -> putOff.add(h.id()));
            }
            check(); // the other kind, or what changed meanwhile
            return;
        }
    }
}
