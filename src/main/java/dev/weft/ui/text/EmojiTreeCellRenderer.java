package dev.weft.ui.text;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Graphics;
import javax.swing.JTree;
import javax.swing.tree.DefaultTreeCellRenderer;

/** The tree's usual cell renderer, with a label's emoji drawn in {@link EmojiFont} ({@link EmojiLabelText}). */
public final class EmojiTreeCellRenderer extends DefaultTreeCellRenderer {
    private final EmojiLabelText emoji = new EmojiLabelText();

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
            boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
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
