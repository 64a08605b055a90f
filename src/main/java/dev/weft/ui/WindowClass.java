package dev.weft.ui;

import java.awt.Toolkit;
import java.lang.reflect.Field;

/**
 * Names the windows' X11 class {@code weft} (WM_CLASS), the desktop entry's {@code StartupWMClass},
 * so docks group the window with its launcher and show its icon. AWT takes the class from the main
 * class ({@code dev-weft-app-Main}) and has no API for it: this sets XToolkit's private field, which
 * needs {@code --add-opens java.desktop/sun.awt.X11=ALL-UNNAMED} (the jar's manifest and the
 * launcher's Java options give it). Elsewhere, or without it, the windows keep AWT's class.
 */
final class WindowClass {
    static final String NAME = "weft";
    private static final System.Logger LOG = System.getLogger(WindowClass.class.getName());

    private WindowClass() {
    }

    /** Sets the class of the windows made from now on; call before the first window. */
    static void install() {
        Toolkit toolkit = Toolkit.getDefaultToolkit(); // XToolkit sets its class name once, when made
        if (!toolkit.getClass().getName().equals("sun.awt.X11.XToolkit")) {
            return;
        }
        try {
            Field name = toolkit.getClass().getDeclaredField("awtAppClassName");
            name.setAccessible(true);
            name.set(null, NAME);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "the window class stays AWT's", e);
        }
    }
}
