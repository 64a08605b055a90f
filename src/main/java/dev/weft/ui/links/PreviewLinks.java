package dev.weft.ui.links;

import java.util.List;
import java.util.Optional;

/**
 * Wikilinks in the preview: before rendering, each {@code [[target#heading|label]]} outside code
 * becomes a Markdown link to {@code #wikilink/TARGET} (no scheme, so the renderer keeps it), which
 * a click hands back as the wikilink it was. Embeds ({@code ![[…]]}) stay as written. Pure.
 */
public final class PreviewLinks {
    private static final String PREFIX = "#wikilink/";

    private PreviewLinks() {
    }

    /** {@code markdown} with its wikilinks as Markdown links. */
    public static String markdown(String markdown) {
        List<Link> links = LinkParser.parse(markdown);
        if (links.isEmpty()) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 32 * links.size());
        int at = 0;
        for (Link link : links) {
            if (link.kind() != Link.Kind.WIKI || link.embed()) {
                continue;
            }
            String target = link.target() + (link.heading().isEmpty() ? "" : "#" + link.heading());
            out.append(markdown, at, link.start()).append('[').append(escape(link.label().isEmpty() ? target : link.label()))
                    .append("](").append(PREFIX).append(LinkRewrite.encode(target)).append(')');
            at = link.end();
        }
        return out.append(markdown, at, markdown.length()).toString();
    }

    /**
     * The link a clicked preview {@code href} stands for: a wikilink's, or a relative Markdown
     * link's; empty for anything else (a web address).
     */
    public static Optional<Link> clicked(String href) {
        if (href.startsWith(PREFIX)) {
            String target = LinkParser.decode(href.substring(PREFIX.length()));
            if (target == null || target.isBlank()) {
                return Optional.empty();
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            return Optional.of(new Link(Link.Kind.WIKI, false, 0, 0, 0, 0, path, hash < 0 ? "" : target.substring(hash + 1), ""));
        }
        List<Link> parsed = LinkParser.parse("[x](" + href + ")");
        return parsed.size() == 1 ? Optional.of(parsed.get(0)) : Optional.empty();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }
}
