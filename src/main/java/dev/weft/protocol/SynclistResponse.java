package dev.weft.protocol;

import java.util.List;
import java.util.UUID;

/**
 * {@code 32 synclist_response}: the documents changed after the asked time, oldest first. Also
 * pushed unsolicited when documents change.
 *
 * @param entries one entry per document, at most {@value #MAX_ENTRIES}
 */
public record SynclistResponse(List<Entry> entries) implements Message {
    public static final int TYPE = 32;
    /** Most documents in one answer (docs/protocol.md §4); a full answer means there may be more. */
    public static final int MAX_ENTRIES = 65_536;

    public SynclistResponse {
        entries = Fields.copy(entries, "entries");
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(entries.size() + " entries, more than " + MAX_ENTRIES);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }

    /**
     * One changed document.
     *
     * @param syncTime the document's last change (u64, unsigned)
     * @param documentId the document
     */
    public record Entry(long syncTime, UUID documentId) {
        public Entry {
            Fields.present(documentId, "documentId");
        }
    }
}
