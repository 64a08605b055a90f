package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.WelcomeNote;
import java.io.IOException;
import java.util.Optional;

/**
 * The first run's welcome note ({@link WelcomeNote}): only in a new vault that is not going to join an
 * account, else every new device uploaded one more ({@code Welcome to Weft (2)}). A device that started
 * alone and joins later from the Sync menu gives way to the account's ({@link JoiningWelcome}).
 */
final class Welcome {
    private Welcome() {
    }

    /**
     * Creates the welcome note in a vault that has no notes at all (not even in the trash), is not
     * paired, and is not about to connect to a server ({@code then}, the first run's choice). Blocks.
     */
    static Optional<NoteInfo> addTo(Vault vault, FirstRunDialog.Then then) throws IOException {
        if (then == FirstRunDialog.Then.CONNECT || vault.device().isPaired() || !vault.notes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WelcomeNote.create(vault));
    }
}
