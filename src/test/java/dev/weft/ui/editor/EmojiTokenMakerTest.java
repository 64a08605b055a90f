package dev.weft.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class EmojiTokenMakerTest {
    /** Markdown's end token of "- * Pattern" reached past the line's array: erasing the "A" threw (found restoring a version). */
    @Test
    void erasingTheWordAfterAListItemsStarIsTokenized() throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            NoteTextArea area = new NoteTextArea();
            area.setText("- *The Mythical Man-Month*\n- *A Pattern Language*\n");
            try {
                area.getDocument().remove(30, 1);
            } catch (javax.swing.text.BadLocationException e) {
                throw new IllegalStateException(e);
            }
            text.set(area.getText());
        });
        assertThat(text.get()).isEqualTo("- *The Mythical Man-Month*\n- * Pattern Language*\n");
    }
}
