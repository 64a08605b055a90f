package dev.weft.ui.editor;

import dev.weft.ui.text.Emoji;
import java.nio.CharBuffer;
import org.fife.ui.rsyntaxtextarea.AbstractTokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.modes.MarkdownTokenMaker;

/**
 * RSyntaxTextArea's Markdown tokens with each run of emoji cut out as a token of its own, so that
 * {@link NoteTextArea} can draw and measure it with the emoji font: a token has one font.
 */
public final class EmojiTokenMaker extends MarkdownTokenMaker {
    /** The syntax style of notes, registered with RSyntaxTextArea's default token maker factory. */
    private static final String STYLE = "text/x-weft-markdown";

    static {
        ((AbstractTokenMakerFactory) TokenMakerFactory.getDefaultInstance())
                .putMapping(STYLE, EmojiTokenMaker.class.getName(), EmojiTokenMaker.class.getClassLoader());
    }

    /** The style key, registered once this class is loaded. */
    static String style() {
        return STYLE;
    }

    @Override
    public void addToken(char[] array, int start, int end, int tokenType, int startOffset, boolean hyperlink) {
        // Markdown's end token of a line such as "- * Pattern" ends past the array: nothing to look into there
        CharBuffer text = end >= start && end < array.length ? CharBuffer.wrap(array, start, end - start + 1) : null;
        if (text == null || !Emoji.mayContain(text)) {
            super.addToken(array, start, end, tokenType, startOffset, hyperlink);
            return;
        }
        for (Emoji.Run run : Emoji.runs(text)) {
            super.addToken(array, start + run.start(), start + run.end() - 1, tokenType,
                    startOffset + run.start(), hyperlink);
        }
    }
}
