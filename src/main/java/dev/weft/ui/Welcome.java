package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The note a new vault starts with: what Weft is, in Markdown that shows off the preview. */
final class Welcome {
    static final String NAME = "Welcome to Weft";

    private Welcome() {
    }

    /** Creates the welcome note if the vault has no notes at all (not even in the trash). Blocks. */
    static Optional<NoteInfo> addTo(Vault vault) throws IOException {
        if (!vault.notes().isEmpty()) {
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
