package dev.weft.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.weft.ui.preview.PreviewStyle;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import javax.swing.UIManager;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.Theme;

/**
 * The app's look: FlatLaf light or dark with Weft's defaults ({@code dev/weft/ui/themes/*.properties}),
 * the editor's matching RSyntaxTextArea theme, and the preview's CSS made from the same colours.
 * Event thread only.
 */
final class Looks {
    private static final String DEFAULTS = "dev.weft.ui.themes";
    private static final String RSTA_THEMES = "/org/fife/ui/rsyntaxtextarea/themes/";
    private static boolean registered;

    private Looks() {
    }

    static void install(boolean dark) {
        if (!registered) {
            FlatLaf.registerCustomDefaultsSource(DEFAULTS);
            registered = true;
        }
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches every open window to the other theme. */
    static void switchTo(boolean dark) {
        if (dark == FlatLaf.isLafDark()) {
            return;
        }
        install(dark);
        FlatLaf.updateUI();
    }

    static boolean dark() {
        return FlatLaf.isLafDark();
    }

    /** Colours the editor for the current theme, then sets its font (a theme would reset it). */
    static void styleEditor(RSyntaxTextArea area, Font font) {
        String name = dark() ? "dark.xml" : "idea.xml";
        try (InputStream in = RSyntaxTextArea.class.getResourceAsStream(RSTA_THEMES + name)) {
            Theme.load(in).apply(area);
        } catch (IOException | RuntimeException e) {
            // a theme RSyntaxTextArea ships cannot be missing; if it is, its own colours stay
        }
        area.setFont(font);
        area.setMargin(new java.awt.Insets(12, 16, 12, 16));
        area.setCurrentLineHighlightColor(dark() ? new Color(0x2d, 0x30, 0x34) : new Color(0xf3, 0xf6, 0xfb));
    }

    /** The background of text to read (the preview, a version's text): whiter than the window's. */
    static Color paper() {
        return dark() ? new Color(0x23, 0x25, 0x27) : Color.WHITE;
    }

    static PreviewStyle previewStyle(String codeFont) {
        boolean dark = dark();
        Color text = UIManager.getColor("TextPane.foreground");
        Color background = paper();
        Color link = dark ? new Color(0x6c, 0xa8, 0xf7) : new Color(0x1f, 0x5f, 0xc6);
        Color subtle = dark ? new Color(0x9a, 0xa0, 0xa6) : new Color(0x6a, 0x73, 0x7d);
        Color code = dark ? new Color(0x2e, 0x31, 0x35) : new Color(0xf3, 0xf4, 0xf6);
        Color border = dark ? new Color(0x45, 0x49, 0x4e) : new Color(0xd8, 0xdc, 0xe0);
        Font body = UIManager.getFont("defaultFont");
        int points = body == null ? 13 : Math.max(11, Math.round(body.getSize2D()));
        // a logical family: Swing's HTML pane cannot find bold and italic faces of some physical ones
        return new PreviewStyle(text == null ? Color.BLACK : text, background, link, subtle, code, border,
                Font.SANS_SERIF, points, codeFont);
    }
}
