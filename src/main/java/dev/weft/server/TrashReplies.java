package dev.weft.server;

import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocPurged;
import dev.weft.protocol.SyncDocTrashInfo;
import dev.weft.store.DocumentState;
import dev.weft.store.TrashRecord;
import dev.weft.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The trash messages of one connection's answers (docs/protocol.md §9): none for a peer that did not
 * announce them, which gets the earlier answers byte for byte.
 */
final class TrashReplies {
    private final boolean announced;

    TrashReplies(boolean announced) {
        this.announced = announced;
    }

    boolean announced() {
        return announced;
    }

    /**
     * Whether a device current to {@code since} (unsigned) has not seen the document's last trash:
     * it is in that trash, or an edit took it out, after {@code since}.
     */
    static boolean infoDue(boolean trashed, TrashRecord trash, long since) {
        if (trash.at() == 0) {
            return false;
        }
        return trashed ? Long.compareUnsigned(since, trash.at()) < 0
                : trash.undoneByEdit() && Long.compareUnsigned(since, trash.undoneAt()) < 0;
    }

    /** The {@code 38} for a device current to {@code since}, if due. */
    Optional<Message> info(DocumentState doc, TrashRecord trash, long since, IntFunction<Optional<String>> names) {
        if (!announced || !infoDue(doc.trashed(), trash, since)) {
            return Optional.empty();
        }
        String editedBy = trash.undoneByEdit() ? name(names, trash.editedBy()) : "";
        return Optional.of(new SyncDocTrashInfo(doc.id(), trash.at(), trash.batch(), name(names, trash.by()), editedBy));
    }

    /** The {@code 38} (if due, as this batch leaves the document) and the {@code 34}. */
    List<Message> done(WriteBatch batch, DocumentState doc, long since) {
        List<Message> out = new ArrayList<>(2);
        batch.trashRecord(doc.id()).flatMap(trash -> info(doc, trash, since, batch::deviceName)).ifPresent(out::add);
        out.add(Replies.done(doc));
        return out;
    }

    /** The answer for a document deleted forever at {@code purgedAt}: {@code 39}, or {@code 36} 404 for an older peer. */
    Message gone(UUID document, long purgedAt) {
        return announced ? new SyncDocPurged(document, purgedAt)
                : Replies.error(document, Replies.NOT_FOUND, "no such document");
    }

    private static String name(IntFunction<Optional<String>> names, int site) {
        String name = site == 0 ? "" : names.apply(site).orElse("");
        return name.isEmpty() ? "a device" + (site == 0 ? "" : " of site " + site) : name;
    }
}
