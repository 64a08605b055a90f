package dev.weft.server;

import dev.weft.crdt.TextHistory;
import dev.weft.protocol.HistoryList;
import dev.weft.protocol.HistoryPull;
import dev.weft.protocol.HistoryText;
import dev.weft.protocol.HistoryTextParts;
import dev.weft.protocol.HistoryVersions;
import dev.weft.protocol.Message;
import dev.weft.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers the history requests (docs/protocol.md §10) from the store's deleted text: a document's
 * versions and its text as of a time (in parts when it passes the frame limit), the devices named
 * by the server. Reads only.
 */
final class HistoryReplies {
    /** The author of text written on a device before it was paired (docs/protocol.md §2: site 255). */
    static final String UNPAIRED = "a device before pairing";
    private final Store store;
    private final int maxMessageBytes;

    HistoryReplies(Store store, int maxMessageBytes) {
        this.store = store;
        this.maxMessageBytes = maxMessageBytes;
    }

    List<Message> versions(HistoryList request) {
        UUID doc = request.documentId();
        Optional<TextHistory> history = store.textHistory(doc);
        if (history.isEmpty()) {
            return notFound(doc);
        }
        Names names = new Names(doc);
        List<HistoryVersions.Version> versions = new ArrayList<>();
        for (TextHistory.Version v : history.get().versions()) {
            versions.add(new HistoryVersions.Version(v.from(), v.to(), v.sites().stream().map(names::of).toList(),
                    v.inserted(), v.deleted()));
        }
        return List.of(new HistoryVersions(doc, versions));
    }

    List<Message> text(HistoryPull request) {
        UUID doc = request.documentId();
        Optional<TextHistory> history = store.textHistory(doc);
        if (history.isEmpty()) {
            return notFound(doc);
        }
        TextHistory.Text text = history.get().textAt(request.at());
        Names names = new Names(doc);
        List<HistoryText.Author> authors = new ArrayList<>();
        String s = text.text();
        for (TextHistory.Span span : text.spans()) {
            authors.add(new HistoryText.Author(s.codePointCount(span.start(), span.end()), names.of(span.site())));
        }
        return HistoryTextParts.split(new HistoryText(doc, request.at(), authors, s), maxMessageBytes);
    }

    private static List<Message> notFound(UUID doc) {
        return List.of(Replies.error(doc, Replies.NOT_FOUND, "no such document"));
    }

    /**
     * Device names by site, each looked up once per answer. Text written before pairing (site 255)
     * is the document's creator's: only the device that made a note before its pairing has such text.
     */
    private final class Names {
        private final UUID doc;
        private final Map<Integer, String> bySite = new HashMap<>();

        Names(UUID doc) {
            this.doc = doc;
        }

        String of(int site) {
            return bySite.computeIfAbsent(site, s -> {
                if (s != GlobalSync.UNPAIRED_SITE) {
                    return store.deviceName(s).orElse("device " + s);
                }
                java.util.OptionalInt creator = store.creator(doc);
                return creator.isPresent() ? store.deviceName(creator.getAsInt()).orElse(UNPAIRED) : UNPAIRED;
            });
        }
    }
}
