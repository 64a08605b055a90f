package dev.weft.ui.settings;

/**
 * Everything the desktop app remembers between runs.
 *
 * @param preferences what the settings dialog changes
 * @param layout how the window was left
 * @param hosting whether this computer hosts the sync server (started again on the next launch)
 */
public record Settings(Preferences preferences, Layout layout, boolean hosting) {
    /** The editor font used until the user picks another: present on every JDK. */
    public static final String DEFAULT_FONT = "Monospaced";
    public static final int DEFAULT_FONT_SIZE = 14;

    /** What a first run starts from. */
    public static Settings defaults() {
        return new Settings(new Preferences(Theme.SYSTEM, DEFAULT_FONT, DEFAULT_FONT_SIZE, null),
                new Layout(null, 240, -1, true, null), false);
    }

    public Settings withPreferences(Preferences changed) {
        return new Settings(changed, layout, hosting);
    }

    public Settings withLayout(Layout changed) {
        return new Settings(preferences, changed, hosting);
    }

    public Settings withHosting(boolean on) {
        return new Settings(preferences, layout, on);
    }
}
