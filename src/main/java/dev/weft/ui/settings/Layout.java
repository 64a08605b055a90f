package dev.weft.ui.settings;

import java.util.UUID;

/**
 * How the main window was left.
 *
 * @param window its place and size; null before it was ever closed
 * @param listDivider width of the note list, in pixels
 * @param previewDivider where the editor ends and the preview begins, in pixels
 * @param previewVisible whether the preview was shown
 * @param lastNote the note that was open; null if none
 */
public record Layout(WindowBox window, int listDivider, int previewDivider, boolean previewVisible, UUID lastNote) {
}
