package dev.weft.ui.preview;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown to the body of an HTML page, as Swing's HTML pane can show it: raw HTML in a note is
 * escaped (it is text the user typed, and Swing's HTML 3.2 would choke on most of it), images show as
 * their description (the pane would fetch a remote one on the event thread), and task list boxes are
 * drawn as ☐ and ☑ because the pane's form controls cannot be styled. Thread-safe.
 */
public final class MarkdownHtml {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), TaskListItemsExtension.create(), AutolinkExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    // the first renderer added for a node type wins: ours go before the extensions'
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .nodeRendererFactory(TaskBox::new)
            .nodeRendererFactory(ImageAsText::new)
            .extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof TableBlock) {
                    attributes.put("cellspacing", "0");
                }
            })
            .build();

    public String render(String markdown) {
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

    private static final class ImageAsText implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.tag("span", java.util.Map.of("class", "image"));
            html.text("[image: ");
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.text("]");
            html.tag("/span");
        }
    }
}
