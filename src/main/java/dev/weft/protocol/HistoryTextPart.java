package dev.weft.protocol;

import java.util.List;
import java.util.UUID;

/**
 * {@code 43 history_text_part} (extension): one part of a text too big for one {@code 41}, with its
 * authors; more parts follow, and a {@code 41} of the same document and time ends them
 * (docs/protocol.md §10, {@link HistoryTextParts}).
 *
 * @param part the part, as a {@code 41} body of its own (authors covering its code points)
 */
public record HistoryTextPart(HistoryText part) implements Message {
    public static final int TYPE = 43;

    public HistoryTextPart {
        Fields.present(part, "part");
        if (part.text().isEmpty()) {
            throw new IllegalArgumentException("a history text part of no code points");
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}
