package dev.weft.ui.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the settings dialog changes.
 *
 * @param theme light, dark or following the system
 * @param fontFamily the editor's font
 * @param fontSize the editor's font size in points, 8..48
 * @param vault the vault folder opened without {@code --vault}; null until the first run chose one
 */
public record Preferences(Theme theme, String fontFamily, int fontSize, Path vault) {
    public static final int MIN_FONT_SIZE = 8;
    public static final int MAX_FONT_SIZE = 48;

    public Preferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(fontFamily, "fontFamily");
        fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, fontSize));
    }

    public Preferences withVault(Path folder) {
        return new Preferences(theme, fontFamily, fontSize, folder);
    }
}
