package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The note a new vault starts with: what Weft is, in Markdown that shows off the preview. One per
 * account at most: a device that joins an account (connects at its first run, or is paired already)
 * gets the account's notes instead, else every new device uploaded one more ({@code Welcome to Weft (2)}).
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

    static String text() throws IOException {
        try (InputStream in = Welcome.class.getResourceAsStream("welcome.md")) {
            if (in == null) {
                throw new IOException("welcome.md is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
