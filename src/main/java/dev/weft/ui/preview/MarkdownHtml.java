package dev.weft.ui.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown to the body of an HTML page, as Swing's HTML pane can show it: raw HTML in a note is
 * escaped (it is text the user typed, and Swing's HTML 3.2 would choke on most of it), images are what
 * an {@link ImageSource} finds (Obsidian's {@code ![[embeds]]} too: {@link Embeds}), and task list boxes are
 * drawn as ☐ and ☑ because the pane's form controls cannot be styled. Thread-safe.
 */
public final class MarkdownHtml {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), TaskListItemsExtension.create(), AutolinkExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).postProcessor(new Embeds()).build();

    public String render(String markdown) {
        return render(markdown, ImageSource.NONE);
    }

    /** The note's HTML with its images as {@code images} finds them. */
    public String render(String markdown, ImageSource images) {
        // the first renderer added for a node type wins: ours go before the extensions'
        HtmlRenderer renderer = HtmlRenderer.builder()
                .nodeRendererFactory(TaskBox::new)
                .nodeRendererFactory(context -> new Images(context, images))
                .extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof TableBlock) {
                        attributes.put("cellspacing", "0");
                    }
                })
                .build();
        // Swing's HTML 3.2 knows <s>, not <del>; the note's own text is escaped, so these are ours
        return renderer.render(parser.parse(markdown)).replace("<del>", "<s>").replace("</del>", "</s>");
    }

    private static final class TaskBox implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        TaskBox(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(TaskListItemMarker.class);
        }

        @Override
        public void render(Node node) {
            boolean checked = ((TaskListItemMarker) node).isChecked();
            HtmlWriter html = context.getWriter();
            html.tag("span", java.util.Map.of("class", checked ? "task done" : "task"));
            html.text(checked ? "\u2611 " : "\u2610 ");
            html.tag("/span");
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }

    /**
     * An image as {@link ImageSource} finds it: an {@code <img>} the pane draws from its decoded
     * pictures, a message in its place, or (no source) its description as text.
     */
    private static final class Images implements NodeRenderer {
        private static final Pattern ALT_SIZE = Pattern.compile("\\|\\s*(\\d{1,5})(?:\\s*x\\s*(\\d{1,5}))?\\s*$");

        private final HtmlNodeRendererContext context;
        private final ImageSource images;

        Images(HtmlNodeRendererContext context, ImageSource images) {
            this.context = context;
            this.images = images;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class, Embed.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            boolean embed = node instanceof Embed;
            String target = embed ? ((Embed) node).target : ((Image) node).getDestination();
            Optional<ImageSource.Shown> shown = images.find(target, embed);
            if (shown.isPresent() && shown.get() instanceof ImageSource.Picture picture) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("src", picture.src());
                int width = embed ? ((Embed) node).width : 0;
                int height = embed ? ((Embed) node).height : 0;
                Matcher size = embed ? null : ALT_SIZE.matcher(altText(node));
                if (size != null && size.find()) { // Obsidian's ![alt|300](path)
                    width = Integer.parseInt(size.group(1));
                    height = size.group(2) == null ? 0 : Integer.parseInt(size.group(2));
                }
                if (width > 0) {
                    attributes.put("width", Integer.toString(width));
                }
                if (height > 0) {
                    attributes.put("height", Integer.toString(height));
                }
                html.tag("img", attributes, true);
                return;
            }
            html.tag("span", Map.of("class", "image"));
            if (shown.isPresent() && shown.get() instanceof ImageSource.Missing missing) {
                html.text(missing.message());
            } else if (embed) {
                html.text(((Embed) node).raw);
            } else {
                html.text("[image: ");
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                html.text("]");
            }
            html.tag("/span");
        }

        private static String altText(Node image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            return alt.toString();
        }
    }
}
