package dev.weft.ui.preview;

import dev.weft.ui.attach.ImagePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Finds Obsidian's image embeds {@code ![[name.png]]} and {@code ![[name.png|300]]} in the parsed
 * text (CommonMark leaves them as text; code spans and blocks are not text, so they stay as typed).
 * An embed of anything but an image (a note, a PDF) stays text.
 */
final class Embeds implements PostProcessor {
    private static final Pattern EMBED = Pattern.compile("!\\[\\[([^\\[\\]|]+)(?:\\|([^\\[\\]]*))?]]");
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,5})(?:\\s*x\\s*(\\d{1,5}))?\\s*");

    @Override
    public Node process(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (text.getLiteral().contains("![[")) {
                    texts.add(text);
                }
            }
        });
        texts.forEach(Embeds::split);
        return document;
    }

    private static void split(Text text) {
        String literal = text.getLiteral();
        Matcher m = EMBED.matcher(literal);
        int done = 0;
        Node last = text;
        while (m.find()) {
            String target = m.group(1).strip();
            if (!ImagePaths.isImageName(target)) {
                continue;
            }
            int width = 0;
            int height = 0;
            Matcher size = m.group(2) == null ? null : SIZE.matcher(m.group(2));
            if (size != null && size.matches()) {
                width = Integer.parseInt(size.group(1));
                height = size.group(2) == null ? 0 : Integer.parseInt(size.group(2));
            }
            if (m.start() > done) {
                last = after(last, new Text(literal.substring(done, m.start())));
            }
            last = after(last, new Embed(target, m.group(), width, height));
            done = m.end();
        }
        if (done == 0) {
            return;
        }
        if (done < literal.length()) {
            after(last, new Text(literal.substring(done)));
        }
        text.unlink();
    }

    private static Node after(Node anchor, Node node) {
        anchor.insertAfter(node);
        return node;
    }
}
