package dev.weft.protocol;

import java.util.List;
import java.util.UUID;

/**
 * {@code 41 history_text} (extension): a document's text as of sync time {@code at} and who wrote
 * it (docs/protocol.md §10).
 *
 * @param documentId the document
 * @param at the sync time asked for
 * @param authors spans of code points in order, covering the text: each typed on one device
 * @param text the text (valid Unicode: no lone surrogates)
 */
public record HistoryText(UUID documentId, long at, List<Author> authors, String text) implements Message {
    public static final int TYPE = 41;

    public HistoryText {
        Fields.present(documentId, "documentId");
        Fields.present(text, "text");
        authors = List.copyOf(authors);
        long covered = 0;
        for (Author a : authors) {
            covered += a.codePoints();
        }
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text with a lone surrogate");
            }
            length++;
        }
        if (covered != length) {
            throw new IllegalArgumentException("authors cover " + covered + " of " + length + " code points");
        }
    }

    /** {@code codePoints} (≥ 1) consecutive code points typed on {@code device}. */
    public record Author(int codePoints, String device) {
        public Author {
            if (codePoints < 1) {
                throw new IllegalArgumentException("an author span of " + codePoints + " code points");
            }
            TextRules.requirePlainText(device, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "device");
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}
