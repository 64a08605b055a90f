package dev.weft.ui.preview;

import dev.weft.ui.text.EmojiFont;
import dev.weft.ui.text.EmojiHtml;
import java.awt.Font;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.AttributeSet;
import javax.swing.text.DefaultCaret;
import javax.swing.text.Document;
import javax.swing.text.Element;
import javax.swing.text.StyleConstants;
import javax.swing.text.View;
import javax.swing.text.ViewFactory;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;

/**
 * The rendered note, read-only: {@link #render} renders off the event thread and shows only the
 * newest result, keeping the scroll position. Images are read from the vault's files, decoded on the
 * render thread and drawn fitted to the pane's width ({@link FittedImageView}); nothing is loaded from
 * the network. Emoji are drawn with the bundled {@link EmojiFont}
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
    private final DecodedImages decoded = new DecodedImages(); // the render thread's
    private Path vault;
    private String shownHtml = "";
    private Map<String, BufferedImage> shownPictures = Map.of();
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

    /** The vault whose files the notes' images are read from (none: images show as text). */
    public void showImagesFrom(Path folder) {
        vault = folder;
    }

    /** Renders {@code text} in the background and shows it when done, unless a newer one came. */
    public void render(String text) {
        render(text, null);
    }

    /**
     * As {@link #render(String)}, with the images of the note {@code noteName} (its name path: links
     * are relative to its folder) decoded from the vault's files on the render thread.
     */
    public void render(String text, String noteName) {
        long mine = ++generation;
        Path folder = vault;
        background.execute(() -> {
            NoteImages images = folder == null || noteName == null ? null : new NoteImages(folder, noteName, decoded);
            ImageSource source = images == null ? ImageSource.NONE : images;
            String body = EmojiHtml.wrap(text.length() > MAX_CHARS
                    ? markdown.render(text.substring(0, MAX_CHARS), source)
                            + "<p class=\"image\">(The preview shows the first " + MAX_CHARS + " characters.)</p>"
                    : markdown.render(text, source), BODY_FONT);
            Map<String, BufferedImage> pictures = images == null ? Map.of() : images.pictures();
            decoded.finish();
            SwingUtilities.invokeLater(() -> {
                if (mine == generation) {
                    shownPictures = pictures;
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
        ViewFactory views = new HTMLEditorKit.HTMLFactory() {
            @Override
            public View create(Element element) {
                // an image is drawn from the pictures decoded with the HTML, never loaded by the pane
                return element.getAttributes().getAttribute(StyleConstants.NameAttribute) == HTML.Tag.IMG
                        ? new FittedImageView(element, src -> shownPictures.get(src)) : super.create(element);
            }
        };
        HTMLEditorKit kit = new HTMLEditorKit() {
            @Override
            public StyleSheet getStyleSheet() {
                return sheet;
            }

            @Override
            public ViewFactory getViewFactory() {
                return views;
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
