package dev.weft.ui.settings;

/** The window's colours. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    /** Light or dark as the operating system is set, read when Weft starts. */
    SYSTEM("Follow the system");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
