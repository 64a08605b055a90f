package dev.weft.ui.text;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.font.TextLayout;
import java.util.Map;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * A renderer label's text with emoji, drawn as one text layout with the emoji in {@link EmojiFont}:
 * a label has one font, and Java 17 cannot draw a colour emoji font. The label keeps its text (for
 * accessibility and tests); its own painting of it is made transparent and the layout drawn over.
 * One per renderer, event thread only.
 */
final class EmojiLabelText {
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private TextLayout layout;

    /** Called once the renderer has its text and font for this cell. */
    void update(JLabel label) {
        String text = label.getText();
        layout = text != null && !text.isEmpty() && label.getFont() != null && EmojiFont.needed(text, label.getFont())
                ? new TextLayout(EmojiFont.attributed(text, label.getFont()).getIterator(),
                        label.getFontMetrics(label.getFont()).getFontRenderContext())
                : null;
    }

    boolean active() {
        return layout != null;
    }

    /** The label's preferred size with the layout's width in place of the plain text's. */
    Dimension adjust(JLabel label, Dimension size) {
        if (layout != null && size != null) {
            size.width += (int) Math.ceil(layout.getAdvance()) - label.getFontMetrics(label.getFont()).stringWidth(label.getText());
            size.height = Math.max(size.height, (int) Math.ceil(layout.getAscent() + layout.getDescent()));
        }
        return size;
    }

    /** Paints the label through {@code paint} with its text invisible, then the layout where the text goes. */
    void paint(JLabel label, Graphics g, java.util.function.Consumer<Graphics> paint) {
        Color foreground = label.getForeground();
        label.setForeground(INVISIBLE);
        try {
            paint.accept(g);
        } finally {
            label.setForeground(foreground);
        }
        FontMetrics metrics = label.getFontMetrics(label.getFont());
        Insets in = label.getInsets();
        Rectangle view = new Rectangle(in.left, in.top, label.getWidth() - in.left - in.right,
                label.getHeight() - in.top - in.bottom);
        Rectangle icon = new Rectangle();
        Rectangle text = new Rectangle();
        SwingUtilities.layoutCompoundLabel(label, metrics, label.getText(), label.getIcon(), label.getVerticalAlignment(),
                label.getHorizontalAlignment(), label.getVerticalTextPosition(), label.getHorizontalTextPosition(),
                view, icon, text, label.getIconTextGap());
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            if (Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints") instanceof Map<?, ?> hints) {
                g2.addRenderingHints(hints);
            } else {
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            }
            g2.setColor(foreground);
            layout.draw(g2, text.x, text.y + metrics.getAscent());
        } finally {
            g2.dispose();
        }
    }
}
