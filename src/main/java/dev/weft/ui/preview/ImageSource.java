package dev.weft.ui.preview;

import java.util.Optional;

/** What the preview shows for an image of the note. Called on the render thread. */
public interface ImageSource {
    /** Shows every image as its description, as text (no note to resolve against). */
    ImageSource NONE = (target, embed) -> Optional.empty();

    /**
     * The picture or the message for an image link ({@code embed}: Obsidian's {@code ![[target]]},
     * else Markdown's {@code ![](target)}); empty shows the description as text.
     */
    Optional<Shown> find(String target, boolean embed);

    /** What stands where the image is. */
    sealed interface Shown {
    }

    /** A decoded picture, found by the pane under {@code src}. */
    record Picture(String src) implements Shown {
    }

    /** A one-line note in place of the image ("image not found: …"). */
    record Missing(String message) implements Shown {
    }
}
