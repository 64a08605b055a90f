package dev.weft.ui.text;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.font.TextLayout;
import java.util.Map;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultTreeCellRenderer;

/**
 * The tree's usual cell renderer, except that a label with emoji is drawn as one text layout with
 * the emoji in {@link EmojiFont}: a label has one font, and Java 17 cannot draw a colour emoji font.
 * The label keeps its text (for accessibility and tests); the renderer paints it transparent and
 * draws the layout over it.
 */
public final class EmojiTreeCellRenderer extends DefaultTreeCellRenderer {
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private TextLayout emoji;

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
            boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
        String text = getText();
        emoji = text != null && !text.isEmpty() && getFont() != null && EmojiFont.needed(text, getFont())
                ? new TextLayout(EmojiFont.attributed(text, getFont()).getIterator(),
                        tree.getFontMetrics(getFont()).getFontRenderContext())
                : null;
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension size = super.getPreferredSize();
        if (emoji != null && size != null) {
            FontMetrics metrics = getFontMetrics(getFont());
            size.width += (int) Math.ceil(emoji.getAdvance()) - metrics.stringWidth(getText());
            size.height = Math.max(size.height, (int) Math.ceil(emoji.getAscent() + emoji.getDescent()));
        }
        return size;
    }

    @Override
    public void paint(Graphics g) {
        if (emoji == null) {
            super.paint(g);
            return;
        }
        Color foreground = getForeground();
        setForeground(INVISIBLE);
        try {
            super.paint(g);
        } finally {
            setForeground(foreground);
        }
        FontMetrics metrics = getFontMetrics(getFont());
        Rectangle view = new Rectangle(getInsets().left, getInsets().top,
                getWidth() - getInsets().left - getInsets().right, getHeight() - getInsets().top - getInsets().bottom);
        Rectangle icon = new Rectangle();
        Rectangle text = new Rectangle();
        SwingUtilities.layoutCompoundLabel(this, metrics, getText(), getIcon(), getVerticalAlignment(),
                getHorizontalAlignment(), getVerticalTextPosition(), getHorizontalTextPosition(), view, icon, text,
                getText() == null ? 0 : getIconTextGap());
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            if (Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints") instanceof Map<?, ?> hints) {
                g2.addRenderingHints(hints);
            } else {
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            }
            g2.setColor(foreground);
            emoji.draw(g2, text.x, text.y + metrics.getAscent());
        } finally {
            g2.dispose();
        }
    }
}
