package dev.weft.ui.preview;

import dev.weft.ui.text.EmojiFont;
import dev.weft.ui.text.EmojiHtml;
import java.awt.Font;
import java.awt.Point;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.AttributeSet;
import javax.swing.text.DefaultCaret;
import javax.swing.text.Document;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;

/**
 * The rendered note, read-only: {@link #render} renders off the event thread and shows only the
 * newest result, keeping the scroll position. Emoji are drawn with the bundled {@link EmojiFont}
 * ({@link EmojiHtml}). Event thread only.
 */
public final class PreviewPane {
    /** A longer note shows this much in the preview: Swing's HTML pane lays out on the event thread. */
    static final int MAX_CHARS = 200_000;

    /** What the preview's text is drawn in, as far as emoji go (a logical font: it falls back). */
    private static final Font BODY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final MarkdownHtml markdown = new MarkdownHtml();
    private final JEditorPane pane = new JEditorPane();
    private final JScrollPane scroll = new JScrollPane(pane);
    private final Executor background;
    private String shownHtml = "";
    private long generation;

    public PreviewPane(Executor background, Consumer<String> openLink) {
        this.background = background;
        pane.setName("preview");
        pane.setEditable(false);
        pane.setContentType("text/html");
        ((DefaultCaret) pane.getCaret()).setUpdatePolicy(DefaultCaret.NEVER_UPDATE);
        pane.addHyperlinkListener(e -> {
            if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED) {
                String href = e.getURL() != null ? e.getURL().toString() : e.getDescription(); // relative: a note's
                if (href != null) {
                    openLink.accept(href);
                }
            }
        });
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
    }

    public JScrollPane component() {
        return scroll;
    }

    /** The HTML pane itself (tests read its text). */
    public JEditorPane pane() {
        return pane;
    }

    /** Renders {@code text} in the background and shows it when done, unless a newer one came. */
    public void render(String text) {
        long mine = ++generation;
        background.execute(() -> {
            String body = EmojiHtml.wrap(text.length() > MAX_CHARS
                    ? markdown.render(text.substring(0, MAX_CHARS))
                            + "<p class=\"image\">(The preview shows the first " + MAX_CHARS + " characters.)</p>"
                    : markdown.render(text), BODY_FONT);
            SwingUtilities.invokeLater(() -> {
                if (mine == generation) {
                    show("<html><body>" + body + "</body></html>");
                }
            });
        });
    }

    public void restyle(PreviewStyle style) {
        StyleSheet sheet = new StyleSheet();
        sheet.addStyleSheet(new HTMLEditorKit().getStyleSheet()); // Swing's defaults (strong, em…), shared: never changed
        sheet.addRule(style.css());
        sheet.addRule(EmojiHtml.CSS);
        HTMLEditorKit kit = new HTMLEditorKit() {
            @Override
            public StyleSheet getStyleSheet() {
                return sheet;
            }

            @Override
            public Document createDefaultDocument() {
                // as HTMLEditorKit's, with the document's own sheet one that turns the emoji font's ligatures on
                StyleSheet own = new EmojiStyleSheet();
                own.addStyleSheet(sheet);
                HTMLDocument doc = new HTMLDocument(own);
                doc.setParser(getParser());
                doc.setAsynchronousLoadPriority(4);
                doc.setTokenThreshold(100);
                return doc;
            }
        };
        pane.setEditorKit(kit);
        pane.setBackground(style.background());
        show(shownHtml);
    }

    private void show(String html) {
        shownHtml = html;
        Point at = scroll.getViewport().getViewPosition();
        pane.setText(html);
        SwingUtilities.invokeLater(() -> scroll.getViewport().setViewPosition(at));
    }

    /** Swing's style sheet, with ligatures on in the emoji font: flags and skin tones are ligatures. */
    private static final class EmojiStyleSheet extends StyleSheet {
        @Override
        public Font getFont(AttributeSet a) {
            return EmojiFont.withLigatures(super.getFont(a));
        }
    }
}
