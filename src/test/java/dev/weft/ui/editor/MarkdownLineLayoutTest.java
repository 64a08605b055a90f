package dev.weft.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The editor lays a line with a mid-line {@code #} out as its text: the caret after the line's last
 * character sits where the line's text ends in the editor's font (with 3.6.0's overlapping tokens
 * {@code #groceries} was drawn {@code #ggroceries} and the caret one character off). Needs a display.
 */
class MarkdownLineLayoutTest {
    @ParameterizedTest
    @ValueSource(strings = {"buy #groceries today", "a # b", "text #tag and #other"})
    void theLineEndsWhereItsTextEnds(String line) throws Exception {
        AtomicReference<double[]> measured = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            JFrame frame = new JFrame("layout");
            try {
                NoteTextArea area = new NoteTextArea();
                area.setText("Title\n\n" + line + "\n");
                frame.add(area);
                frame.setSize(900, 300);
                frame.setVisible(true);
                frame.validate();
                int start = "Title\n\n".length();
                Rectangle2D first = area.modelToView2D(start);
                Rectangle2D end = area.modelToView2D(start + line.length());
                FontMetrics metrics = area.getFontMetrics(area.getFont());
                measured.set(new double[] {end.getX() - first.getX(), metrics.stringWidth(line), first.getY(), end.getY()});
            } catch (javax.swing.text.BadLocationException e) {
                throw new IllegalStateException(e);
            } finally {
                frame.dispose();
            }
        });
        double[] m = measured.get();
        assertThat(m[3]).as("one visual line").isEqualTo(m[2]);
        assertThat(m[0]).as("width of '%s'", line).isEqualTo(m[1]);
    }
}
