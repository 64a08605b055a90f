package dev.weft.ui.preview;

import org.commonmark.node.CustomNode;

/** Obsidian's image embed {@code ![[target|width]]} or {@code ![[target|widthxheight]]} (0: not given). */
final class Embed extends CustomNode {
    final String target;
    final String raw;
    final int width;
    final int height;

    Embed(String target, String raw, int width, int height) {
        this.target = target;
        this.raw = raw;
        this.width = width;
        this.height = height;
    }
}
