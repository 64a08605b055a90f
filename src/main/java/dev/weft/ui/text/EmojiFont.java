package dev.weft.ui.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.text.AttributedString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monochrome Noto Emoji font (SIL OFL 1.1, {@code dev/weft/ui/fonts/}) bundled in the jar, drawn
 * in the text's own colour. Java 17 draws no colour emoji font (a fontconfig fallback to Noto Color
 * Emoji leaves a blank) and a text font has few emoji, so emoji are drawn with this one instead.
 * It is registered under its family name {@value #FAMILY} for HTML panes. Its fonts have ligatures
 * on: flags and skin tones are ligatures, which Java's text layout applies only when asked.
 * Thread-safe.
 */
public final class EmojiFont {
    public static final String FAMILY = "Noto Emoji";
    private static final String RESOURCE = "/dev/weft/ui/fonts/NotoEmoji-Regular.ttf";
    private static final Font BASE = load();
    private static final Map<Long, Font> SIZED = new ConcurrentHashMap<>();

    private EmojiFont() {
    }

    /** Whether the bundled font loaded (it is in the jar; false only in a broken build). */
    public static boolean available() {
        return BASE != null;
    }

    /** The emoji font at the size and style of {@code text}, or {@code text} if it did not load. */
    public static Font like(Font text) {
        if (BASE == null) {
            return text;
        }
        long key = ((long) Float.floatToIntBits(text.getSize2D()) << 8) | text.getStyle();
        return SIZED.computeIfAbsent(key, k -> withLigatures(BASE.deriveFont(text.getStyle(), text.getSize2D())));
    }

    /** {@code font} with ligatures on if it is the emoji font, as an HTML pane's style sheet made it. */
    public static Font withLigatures(Font font) {
        return FAMILY.equals(font.getFamily()) && !font.hasLayoutAttributes()
                ? font.deriveFont(Map.of(TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON)) : font;
    }

    /** Whether {@code cluster} is drawn with the emoji font rather than with {@code text}. */
    public static boolean draws(CharSequence cluster, Font text) {
        if (BASE == null || cluster.length() == 0) {
            return false;
        }
        int first = Character.codePointAt(cluster, 0);
        return switch (Emoji.kind(cluster)) {
            case EMOJI -> BASE.canDisplay(first);
            case TEXT_STYLE_EMOJI -> !text.canDisplay(first) && BASE.canDisplay(first);
            case TEXT -> false;
        };
    }

    /** {@code text} with the emoji font on its emoji and {@code font} on the rest, for a TextLayout. */
    public static AttributedString attributed(String text, Font font) {
        AttributedString attributed = new AttributedString(text);
        attributed.addAttribute(TextAttribute.FONT, font);
        for (Emoji.Run run : Emoji.runs(text)) {
            if (run.emoji()) {
                for (int at = run.start(); at < run.end(); ) {
                    int end = Graphemes.next(text, at);
                    if (draws(text.subSequence(at, end), font)) {
                        attributed.addAttribute(TextAttribute.FONT, like(font), at, end);
                    }
                    at = end;
                }
            }
        }
        return attributed;
    }

    /** Whether {@code text} has a cluster drawn with the emoji font. */
    public static boolean needed(String text, Font font) {
        if (!Emoji.mayContain(text)) {
            return false;
        }
        for (Emoji.Run run : Emoji.runs(text)) {
            for (int at = run.start(); run.emoji() && at < run.end(); ) {
                int end = Graphemes.next(text, at);
                if (draws(text.subSequence(at, end), font)) {
                    return true;
                }
                at = end;
            }
        }
        return false;
    }

    private static Font load() {
        try (InputStream in = EmojiFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException | FontFormatException e) {
            return null;
        }
    }
}
