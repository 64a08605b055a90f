package dev.weft.ui.preview;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import javax.swing.text.AttributeSet;
import javax.swing.text.Element;
import javax.swing.text.FlowView;
import javax.swing.text.Position;
import javax.swing.text.View;
import javax.swing.text.html.HTML;

/**
 * An {@code <img>} of the preview, drawn from a picture already decoded off the event thread (so the
 * pane never loads anything itself), at its own size or the embed's {@code width}, made smaller to fit
 * the width its paragraph flows in: it follows the pane's width when that changes.
 */
final class FittedImageView extends View {
    private final Function<String, BufferedImage> pictures;

    FittedImageView(Element element, Function<String, BufferedImage> pictures) {
        super(element);
        this.pictures = pictures;
    }

    private BufferedImage picture() {
        Object src = getElement().getAttributes().getAttribute(HTML.Attribute.SRC);
        return src == null ? null : pictures.apply(src.toString());
    }

    /** Width and height as shown: asked for or natural, scaled down to the flow's width. */
    int[] size() {
        BufferedImage image = picture();
        if (image == null) {
            return new int[] {0, 0};
        }
        AttributeSet attributes = getElement().getAttributes();
        int width = number(attributes.getAttribute(HTML.Attribute.WIDTH));
        int height = number(attributes.getAttribute(HTML.Attribute.HEIGHT));
        if (width <= 0) {
            width = image.getWidth();
            height = image.getHeight();
        } else if (height <= 0) {
            height = (int) Math.round((double) width * image.getHeight() / image.getWidth());
        }
        int room = room();
        if (room > 0 && width > room) {
            height = (int) Math.round((double) height * room / width);
            width = room;
        }
        return new int[] {Math.max(1, width), Math.max(1, height)};
    }

    /** The width the paragraph lays its rows out in (none before its first layout). */
    private int room() {
        for (View v = getParent(); v != null; v = v.getParent()) {
            if (v instanceof FlowView flow) {
                int span = flow.getViewCount() > 0 ? flow.getFlowSpan(0) : Integer.MAX_VALUE;
                return span >= Integer.MAX_VALUE / 2 ? -1 : span;
            }
        }
        return -1;
    }

    private static int number(Object value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public float getPreferredSpan(int axis) {
        return size()[axis == X_AXIS ? 0 : 1];
    }

    @Override
    public float getMinimumSpan(int axis) {
        // the pane may be made narrower than the picture: it shrinks to fit
        return axis == X_AXIS ? Math.min(16, getPreferredSpan(axis)) : getPreferredSpan(axis);
    }

    @Override
    public float getAlignment(int axis) {
        return axis == Y_AXIS ? 1 : super.getAlignment(axis);
    }

    @Override
    public void paint(Graphics g, Shape allocation) {
        BufferedImage image = picture();
        if (image == null) {
            return;
        }
        Rectangle box = allocation.getBounds();
        int[] size = size();
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.drawImage(image, box.x, box.y, Math.min(size[0], box.width), Math.min(size[1], box.height), null);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public Shape modelToView(int pos, Shape a, Position.Bias b) {
        Rectangle r = a.getBounds();
        if (pos == getEndOffset()) {
            r.x += r.width;
        }
        r.width = 0;
        return r;
    }

    @Override
    public int viewToModel(float x, float y, Shape a, Position.Bias[] bias) {
        Rectangle box = a.getBounds();
        if (x < box.x + box.width / 2f) {
            bias[0] = Position.Bias.Forward;
            return getStartOffset();
        }
        bias[0] = Position.Bias.Backward;
        return getEndOffset();
    }
}
