/**
 * The desktop app's remembered settings: what they are ({@link dev.weft.ui.settings.Settings}), the
 * small properties file in the user's config folder that holds them (written atomically), and the
 * operating system's light or dark preference for the "follow the system" theme.
 *
 * <p>Plain Java: no Swing, no vault, no sync engine.
 */
package dev.weft.ui.settings;
