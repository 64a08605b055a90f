package dev.weft.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.swing.text.BadLocationException;
import org.fife.ui.rsyntaxtextarea.RSyntaxDocument;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Markdown token list of a line tiles it: each token starts where the previous one ended and
 * their texts put together are the line. RSyntaxTextArea 3.6.0 emitted overlapping tokens for a
 * mid-line {@code #} (issue 13 §2: {@code #groceries} drawn as {@code #ggroceries}, caret one off).
 */
class MarkdownTokensTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "buy #groceries today", "a # b", "text #tag and #other", "#groceries", "# Heading #tag",
            "x#y", "trailing #", "## two # marks ## here", "**bold** #tag `code #x`", "- [ ] #todo item"})
    void tokensOfALineTileIt(String line) throws BadLocationException {
        assertTiles(line, "before\n" + line + "\nafter", 1);
    }

    @Test
    void typingAHashtagMidLineKeepsTheTokensTiled() throws BadLocationException {
        RSyntaxDocument document = new RSyntaxDocument(SyntaxConstants.SYNTAX_STYLE_MARKDOWN);
        String typed = "buy #groceries today";
        for (int i = 0; i < typed.length(); i++) {
            document.insertString(i, typed.substring(i, i + 1), null);
            List<Token> tokens = tokens(document, 0);
            assertTiled(typed.substring(0, i + 1), tokens);
        }
    }

    private static void assertTiles(String line, String text, int lineIndex) throws BadLocationException {
        RSyntaxDocument document = new RSyntaxDocument(SyntaxConstants.SYNTAX_STYLE_MARKDOWN);
        document.insertString(0, text, null);
        assertTiled(line, tokens(document, lineIndex));
    }

    private static void assertTiled(String line, List<Token> tokens) {
        int lineStart = tokens.isEmpty() ? 0 : tokens.get(0).getOffset();
        int expected = lineStart;
        StringBuilder joined = new StringBuilder();
        for (Token token : tokens) {
            assertThat(token.getOffset())
                    .as("offset of token '%s' in '%s'", token.getLexeme(), line)
                    .isEqualTo(expected);
            expected = token.getOffset() + token.length();
            joined.append(token.getLexeme());
        }
        assertThat(joined.toString()).isEqualTo(line);
    }

    private static List<Token> tokens(RSyntaxDocument document, int line) {
        List<Token> tokens = new ArrayList<>();
        for (Token t = document.getTokenListForLine(line); t != null && t.isPaintable(); t = t.getNextToken()) {
            tokens.add(t);
        }
        return tokens;
    }
}
