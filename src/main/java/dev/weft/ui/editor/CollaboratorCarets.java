package dev.weft.ui.editor;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.swing.text.BadLocationException;
import javax.swing.text.Highlighter;
import javax.swing.text.JTextComponent;
import org.fife.ui.rtextarea.RTextArea;

/**
 * Collaborators' carets in a text area: a bar in each one's colour with a small flag on top, and
 * the device's name as the tool tip over it. Positions are Swing highlights, so they move with
 * the text between updates. EDT only.
 */
final class CollaboratorCarets {
    /** Distinct on light and dark themes; a site keeps its colour on every device. */
    private static final Color[] PALETTE = {
        new Color(0xE5, 0x39, 0x35), new Color(0x1E, 0x88, 0xE5), new Color(0x43, 0xA0, 0x47),
        new Color(0x8E, 0x24, 0xAA), new Color(0xFB, 0x8C, 0x00), new Color(0x00, 0xAC, 0xC1),
        new Color(0xD8, 0x1B, 0x60), new Color(0x6D, 0x4C, 0x41),
    };
    private static final int BAR_WIDTH = 2;
    private static final int FLAG = 6;

    private record Shown(String name, Object tag) {
    }

    private final RTextArea area;
    private final Map<Integer, Shown> shown = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    CollaboratorCarets(RTextArea area) {
        this.area = area;
        area.setToolTipSupplier((textArea, event) -> nameAt(event));
    }

    static Color colourOf(int site) {
        return PALETTE[Math.floorMod(site, PALETTE.length)];
    }

    /** Who is in the note: drops the carets of those who left. */
    void present(Map<Integer, String> peers) {
        names.clear();
        names.putAll(peers);
        for (Iterator<Map.Entry<Integer, Shown>> it = shown.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Shown> e = it.next();
            if (!peers.containsKey(e.getKey())) {
                area.getHighlighter().removeHighlight(e.getValue().tag());
                it.remove();
            }
        }
        area.repaint();
    }

    /** Draws {@code site}'s caret at {@code offset}. */
    void show(int site, int offset) {
        int at = Math.max(0, Math.min(offset, area.getDocument().getLength()));
        Highlighter highlighter = area.getHighlighter();
        String name = names.getOrDefault(site, "device " + site);
        try {
            Shown old = shown.get(site);
            if (old != null) {
                highlighter.changeHighlight(old.tag(), at, at);
                shown.put(site, new Shown(name, old.tag()));
            } else {
                shown.put(site, new Shown(name, highlighter.addHighlight(at, at, new Painter(colourOf(site)))));
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("offset " + at + " checked against the document", e);
        }
        area.repaint();
    }

    /** Offset of each caret now shown, by site (for tests and the status bar). */
    Map<Integer, Integer> offsets() {
        Map<Integer, Integer> offsets = new HashMap<>();
        for (Map.Entry<Integer, Shown> e : shown.entrySet()) {
            offsets.put(e.getKey(), highlightOf(e.getValue().tag()).getStartOffset());
        }
        return offsets;
    }

    void clear() {
        shown.values().forEach(s -> area.getHighlighter().removeHighlight(s.tag()));
        shown.clear();
        area.setToolTipSupplier(null);
    }

    private String nameAt(MouseEvent event) {
        for (Shown s : shown.values()) {
            Rectangle r = caretBounds(area, highlightOf(s.tag()).getStartOffset());
            if (r != null) {
                r.grow(FLAG, 0);
                r.y -= FLAG / 2;
                r.height += FLAG / 2;
                if (r.contains(event.getPoint())) {
                    return s.name();
                }
            }
        }
        return null;
    }

    private Highlighter.Highlight highlightOf(Object tag) {
        return (Highlighter.Highlight) tag;
    }

    private static Rectangle caretBounds(JTextComponent c, int offset) {
        try {
            Rectangle2D r = c.modelToView2D(offset);
            return r == null ? null : r.getBounds();
        } catch (BadLocationException e) {
            return null;
        }
    }

    /** Paints one caret: a bar the line's height and a flag at its top. */
    private record Painter(Color colour) implements Highlighter.HighlightPainter {
        @Override
        public void paint(Graphics g, int p0, int p1, Shape bounds, JTextComponent c) {
            Rectangle r = caretBounds(c, p0);
            if (r == null) {
                return;
            }
            g.setColor(colour);
            g.fillRect(r.x, r.y, BAR_WIDTH, r.height);
            g.fillRect(r.x, r.y, FLAG, FLAG / 2 + 1);
        }
    }
}
