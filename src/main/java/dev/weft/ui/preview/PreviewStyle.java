package dev.weft.ui.preview;

import java.awt.Color;

/**
 * The preview's CSS for the current theme, from the look and feel's colours. Swing's HTML pane knows
 * a CSS 1 subset: no border-radius, no max-width, colours in hex, sizes in px or pt.
 */
public record PreviewStyle(Color text, Color background, Color link, Color subtle, Color codeBackground,
        Color border, String bodyFont, int bodyPoints, String codeFont) {

    public String css() {
        return """
                body { font-family: '%1$s'; font-size: %2$dpt; color: %3$s; background-color: %4$s;
                       margin: 14px 22px 14px 22px; }
                p { margin-top: 0; margin-bottom: 10px; }
                h1 { font-size: %5$dpt; margin-top: 4px; margin-bottom: 10px; }
                h2 { font-size: %6$dpt; margin-top: 16px; margin-bottom: 8px; }
                h3 { font-size: %7$dpt; margin-top: 14px; margin-bottom: 6px; }
                h4, h5, h6 { font-size: %2$dpt; margin-top: 12px; margin-bottom: 6px; }
                a { color: %8$s; text-decoration: none; }
                code { font-family: '%9$s'; font-size: %13$dpt; background-color: %10$s; }
                pre { font-family: '%9$s'; font-size: %13$dpt; background-color: %10$s; padding: 8px 10px 8px 10px;
                      margin-top: 0; margin-bottom: 12px; border: 1px solid %11$s; }
                blockquote { color: %12$s; margin: 0 0 10px 0; padding: 2px 12px 2px 12px;
                             border-left: 3px solid %11$s; }
                ul, ol { margin-top: 0; margin-bottom: 10px; margin-left: 22px; }
                li { margin-bottom: 3px; }
                table { margin-bottom: 12px; }
                th { background-color: %10$s; border-bottom: 2px solid %11$s; padding: 5px 12px 5px 8px; text-align: left; }
                td { border-bottom: 1px solid %11$s; padding: 5px 12px 5px 8px; }
                s { color: %12$s; }
                .task { font-family: 'Dialog'; color: %12$s; }
                .done { color: %8$s; }
                .image { color: %12$s; }
                hr { color: %11$s; }
                """.formatted(bodyFont, bodyPoints, hex(text), hex(background), bodyPoints + 9, bodyPoints + 5,
                bodyPoints + 2, hex(link), codeFont, hex(codeBackground), hex(border), hex(subtle),
                bodyPoints - 1);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
