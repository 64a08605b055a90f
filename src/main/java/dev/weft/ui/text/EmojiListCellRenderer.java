package dev.weft.ui.text;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Graphics;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/** A list's usual cell renderer, with a label's emoji drawn in {@link EmojiFont} ({@link EmojiLabelText}). */
public final class EmojiListCellRenderer extends DefaultListCellRenderer {
    private final EmojiLabelText emoji = new EmojiLabelText();

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
            boolean hasFocus) {
        super.getListCellRendererComponent(list, value, index, selected, hasFocus);
        emoji.update(this);
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        return emoji.adjust(this, super.getPreferredSize());
    }

    @Override
    public void paint(Graphics g) {
        if (emoji.active()) {
            emoji.paint(this, g, super::paint);
        } else {
            super.paint(g);
        }
    }
}
