package dev.weft.ui;

import dev.weft.ui.attach.ImagePaths;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.Icon;
import javax.swing.UIManager;

/** The tree's mark of an attachment: a small framed picture for an image, a folded page for another file. */
final class AttachmentIcon implements Icon {
    static final AttachmentIcon IMAGE = new AttachmentIcon(true);
    static final AttachmentIcon FILE = new AttachmentIcon(false);

    private final boolean image;

    private AttachmentIcon(boolean image) {
        this.image = image;
    }

    static Icon of(String path) {
        return ImagePaths.isImageName(path) ? IMAGE : FILE;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color ink = UIManager.getColor("Label.disabledForeground");
            g2.setColor(ink == null ? Color.GRAY : ink);
            g2.setStroke(new BasicStroke(1.2f));
            g2.translate(x, y);
            if (image) {
                g2.drawRoundRect(1, 3, 14, 10, 2, 2);
                Path2D hills = new Path2D.Float();
                hills.moveTo(2.5, 12);
                hills.lineTo(6.5, 7.5);
                hills.lineTo(9, 10);
                hills.lineTo(10.5, 8.5);
                hills.lineTo(14, 12);
                hills.closePath();
                g2.fill(hills);
                g2.fillOval(10, 4, 3, 3);
            } else {
                Path2D page = new Path2D.Float();
                page.moveTo(3, 1.5);
                page.lineTo(9.5, 1.5);
                page.lineTo(13, 5);
                page.lineTo(13, 14.5);
                page.lineTo(3, 14.5);
                page.closePath();
                g2.draw(page);
                g2.drawLine(9, 2, 9, 5);
                g2.drawLine(9, 5, 12, 5);
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return 16;
    }

    @Override
    public int getIconHeight() {
        return 16;
    }
}
