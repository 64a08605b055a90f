package dev.weft.ui.settings;

/**
 * Everything the desktop app remembers between runs.
 *
 * @param preferences what the settings dialog changes
 * @param layout how the window was left
 * @param hosting whether this computer hosts the sync server (started again on the next launch)
 * @param attachmentsShown whether the note tree lists the vault's other files (View › Show Attachments)
 */
public record Settings(Preferences preferences, Layout layout, boolean hosting, boolean attachmentsShown) {
    /** The editor font used until the user picks another: present on every JDK. */
    public static final String DEFAULT_FONT = "Monospaced";
    public static final int DEFAULT_FONT_SIZE = 14;

    /** What a first run starts from. */
    public static Settings defaults() {
        return new Settings(new Preferences(Theme.SYSTEM, DEFAULT_FONT, DEFAULT_FONT_SIZE, null),
                new Layout(null, 240, -1, true, null), false);
    }

    /** With the tree listing notes only. */
    public Settings(Preferences preferences, Layout layout, boolean hosting) {
        this(preferences, layout, hosting, false);
    }

    public Settings withPreferences(Preferences changed) {
        return new Settings(changed, layout, hosting, attachmentsShown);
    }

    public Settings withLayout(Layout changed) {
        return new Settings(preferences, changed, hosting, attachmentsShown);
    }

    public Settings withHosting(boolean on) {
        return new Settings(preferences, layout, on, attachmentsShown);
    }

    public Settings withAttachmentsShown(boolean shown) {
        return new Settings(preferences, layout, hosting, shown);
    }
}
