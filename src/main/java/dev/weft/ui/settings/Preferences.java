package dev.weft.ui.settings;

import dev.weft.ui.attach.AttachmentFolder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the settings dialog changes.
 *
 * @param theme light, dark or following the system
 * @param fontFamily the editor's font
 * @param fontSize the editor's font size in points, 8..48
 * @param vault the vault folder opened without {@code --vault}; null until the first run chose one
 * @param attachmentFolder where pasted and dropped files go ({@link AttachmentFolder}: {@code ./attachments}
 *     beside the note by default)
 */
public record Preferences(Theme theme, String fontFamily, int fontSize, Path vault, String attachmentFolder) {
    public static final int MIN_FONT_SIZE = 8;
    public static final int MAX_FONT_SIZE = 48;

    public Preferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(fontFamily, "fontFamily");
        fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, fontSize));
        attachmentFolder = attachmentFolder == null || attachmentFolder.isBlank() ? AttachmentFolder.DEFAULT
                : attachmentFolder.strip();
    }

    /** With attachments in the default folder. */
    public Preferences(Theme theme, String fontFamily, int fontSize, Path vault) {
        this(theme, fontFamily, fontSize, vault, AttachmentFolder.DEFAULT);
    }

    public Preferences withVault(Path folder) {
        return new Preferences(theme, fontFamily, fontSize, folder, attachmentFolder);
    }
}
