package dev.weft.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a {@code 41} that would pass the frame limit into {@code 43}s and a last {@code 41}, and
 * joins them again (docs/protocol.md §10). Pure: no network.
 */
public final class HistoryTextParts {
    /** Type, document, at, number_of_authors, number_of_code_points. */
    private static final int FIXED_BYTES = 1 + 16 + 8 + 8 + 8;
    /** The smallest limit a text can be split for: a part holds one author of the longest name and one code point. */
    public static final int MIN_PART_BYTES = FIXED_BYTES + 8 + SessionPeer.MAX_DEVICE_NAME_BYTES + 1 + 4;

    private HistoryTextParts() {
    }

    /**
     * {@code text} as messages of at most {@code maxBytes} each: {@code 43}s, in order, then a
     * {@code 41} with the rest; just the {@code 41} when it fits.
     */
    public static List<Message> split(HistoryText text, int maxBytes) {
        if (maxBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("a part limit of " + maxBytes + " bytes, below " + MIN_PART_BYTES);
        }
        List<Message> parts = new ArrayList<>();
        List<HistoryText.Author> authors = new ArrayList<>();
        int partStart = 0; // UTF-16 offset in text.text() where the part being built starts
        int size = FIXED_BYTES;
        int at = 0;
        String s = text.text();
        for (HistoryText.Author author : text.authors()) {
            int spanCost = 8 + author.device().getBytes(StandardCharsets.UTF_8).length + 1;
            int inPart = 0; // code points of this author in the part being built
            for (int k = 0; k < author.codePoints(); k++) {
                int cp = s.codePointAt(at);
                int need = utf8Length(cp) + (inPart == 0 ? spanCost : 0);
                if (size + need > maxBytes) {
                    if (inPart > 0) {
                        authors.add(new HistoryText.Author(inPart, author.device()));
                    }
                    parts.add(new HistoryTextPart(new HistoryText(text.documentId(), text.at(), authors,
                            s.substring(partStart, at))));
                    authors = new ArrayList<>();
                    partStart = at;
                    size = FIXED_BYTES;
                    inPart = 0;
                    need = utf8Length(cp) + spanCost;
                }
                size += need;
                inPart++;
                at += Character.charCount(cp);
            }
            authors.add(new HistoryText.Author(inPart, author.device()));
        }
        parts.add(new HistoryText(text.documentId(), text.at(), authors, s.substring(partStart)));
        return parts;
    }

    /** Joins the parts that arrive, in order, into the text the last one ends. */
    public static final class Joiner {
        private final List<HistoryText.Author> authors = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private HistoryText first;

        /**
         * Takes the next part ({@code 43} or the ending {@code 41}); answers the whole text once a
         * {@code 41} ends it.
         *
         * @throws IllegalArgumentException for a part of another document or time than the one before
         */
        public Optional<HistoryText> add(Message m) {
            HistoryText part = m instanceof HistoryTextPart p ? p.part() : (HistoryText) m;
            if (first == null) {
                first = part;
            } else if (!first.documentId().equals(part.documentId()) || first.at() != part.at()) {
                throw new IllegalArgumentException("a history text part of another document or time");
            }
            authors.addAll(part.authors());
            text.append(part.text());
            if (m instanceof HistoryTextPart) {
                return Optional.empty();
            }
            HistoryText whole = new HistoryText(first.documentId(), first.at(), authors, text.toString());
            first = null;
            authors.clear();
            text.setLength(0);
            return Optional.of(whole);
        }
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
