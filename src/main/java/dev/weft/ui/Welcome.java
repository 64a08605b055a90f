package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The note a new vault starts with: what Weft is, in Markdown that shows off the preview. One per
 * account at most: a device that joins an account (connects at its first run, or is paired already)
 * gets the account's notes instead, else every new device uploaded one more ({@code Welcome to Weft (2)}).
 * A device that started alone and joins later from the Sync menu sets an unchanged welcome note aside
 * ({@link #untouched}, {@code Vault.discard}) and takes it back only if the account has none.
 */
final class Welcome {
    static final String NAME = "Welcome to Weft";

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
        return Optional.of(vault.create(NAME, text()));
    }

    /**
     * The welcome note as this device made it, if the vault holds one never synced whose name and
     * text are unchanged: what a device that joins an account leaves out. Blocks.
     */
    static Optional<UUID> untouched(Vault vault) throws IOException {
        String original = text();
        for (NoteInfo note : vault.notes()) {
            if (!note.trashed() && note.name().equals(NAME) && vault.syncTime(note.id()) == 0
                    && vault.withReplica(note.id(), NoteReplica::text).equals(original)) {
                return Optional.of(note.id());
            }
        }
        return Optional.empty();
    }

    /**
     * After the first sync of a device that set its welcome note aside: the account had no welcome
     * note (none came, not even in the trash), so this device's comes back. Blocks.
     */
    static Optional<NoteInfo> ifTheAccountHasNone(Vault vault) throws IOException {
        if (vault.notes().stream().anyMatch(n -> n.name().equals(NAME))) {
            return Optional.empty();
        }
        return Optional.of(vault.create(NAME, text()));
    }

    static String text() throws IOException {
        try (InputStream in = Welcome.class.getResourceAsStream("welcome.md")) {
            if (in == null) {
                throw new IOException("welcome.md is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
