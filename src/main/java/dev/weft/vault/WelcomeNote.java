package dev.weft.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The note a new vault starts with: what Weft is, in Markdown that shows off the preview. One per
 * account at most (issue 13): a vault that began alone and then joins an account, from the window's
 * Sync menu or {@code weft sync --pair}, gives way to the account's welcome note if its own is
 * unchanged and never sent ({@link #broughtAlong}, then {@link #setAside} once paired), and takes its
 * own back only if the account has none ({@link #ifTheAccountHasNone} after the first sync). An edited
 * welcome note is the user's: it syncs as any note.
 */
public final class WelcomeNote {
    public static final String NAME = "Welcome to Weft";

    private WelcomeNote() {
    }

    /** Makes the welcome note. Blocks. */
    public static NoteInfo create(Vault vault) throws IOException {
        return vault.create(NAME, text());
    }

    /** Before pairing: the {@link #untouched} welcome note of a vault not paired yet, the one it would bring along. Blocks. */
    public static Optional<UUID> broughtAlong(Vault vault) throws IOException {
        return vault.device().isPaired() ? Optional.empty() : untouched(vault);
    }

    /**
     * The welcome note as this device made it, if the vault holds one never synced whose name and
     * text are unchanged: what a device that joins an account leaves out. Blocks.
     */
    public static Optional<UUID> untouched(Vault vault) throws IOException {
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
     * Once paired, before the first sync: discards the welcome note {@link #broughtAlong} if it is
     * still unchanged and never sent. Blocks.
     */
    public static void setAside(Vault vault, UUID broughtAlong) throws IOException {
        if (untouched(vault).equals(Optional.of(broughtAlong))) {
            vault.discard(broughtAlong);
        }
    }

    /**
     * After the first sync of a device that set its welcome note aside: the account had no welcome
     * note (none came, not even in the trash), so this device's comes back. Blocks.
     */
    public static Optional<NoteInfo> ifTheAccountHasNone(Vault vault) throws IOException {
        if (vault.notes().stream().anyMatch(n -> n.name().equals(NAME))) {
            return Optional.empty();
        }
        return Optional.of(create(vault));
    }

    public static String text() throws IOException {
        try (InputStream in = WelcomeNote.class.getResourceAsStream("welcome.md")) {
            if (in == null) {
                throw new IOException("welcome.md is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
