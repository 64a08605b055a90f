package dev.weft.ui.settings;

/** Where the main window was and how big, in screen coordinates. */
public record WindowBox(int x, int y, int width, int height, boolean maximized) {
}
