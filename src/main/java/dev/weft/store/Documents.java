package dev.weft.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents, their unique names and the sync index ({@code (sync time, document)} plus the
 * document's own time in its record, so that a change moves it to the end of the index).
 */
final class Documents {
    private final Tables t;

    Documents(Tables tables) {
        this.t = tables;
    }

    /** The document, unless unknown or deleted forever. */
    Optional<DocumentRecord> get(UUID id) {
        return raw(id).filter(record -> !record.purged());
    }

    /** The document's record, a purged one's tombstone included. */
    Optional<DocumentRecord> raw(UUID id) {
        byte[] bytes = t.documents.get(Keys.document(id));
        return bytes == null ? Optional.empty() : Optional.of(DocumentRecord.decode(bytes));
    }

    /** Whether the document was deleted forever. */
    boolean purged(UUID id) {
        return raw(id).map(DocumentRecord::purged).orElse(false);
    }

    /** Every document in the trash (not purged) with the time of its trash (or, if unknown, of its last change). */
    Map<UUID, Long> trashTimes() {
        Map<UUID, Long> out = new LinkedHashMap<>();
        for (var e : t.documents.entrySet()) {
            DocumentRecord r = DocumentRecord.decode(e.getValue());
            if (r.trashed() && !r.purged()) {
                out.put(Keys.documentAt(e.getKey(), 0), trashTime(r));
            }
        }
        return out;
    }

    static long trashTime(DocumentRecord r) {
        return r.trash().at() != 0 ? r.trash().at() : r.syncTime();
    }

    /** Stores {@code now} for {@code id} and moves its sync index entry from {@code before}'s time. */
    void put(UUID id, DocumentRecord before, DocumentRecord now) {
        t.documents.put(Keys.document(id), now.encode());
        if (before != null) {
            t.syncIndex.remove(Keys.sync(before.syncTime(), id));
        }
        t.syncIndex.add(Keys.sync(now.syncTime(), id));
    }

    /**
     * The name {@code id} gets when it asks for {@code wanted}: {@code wanted} itself if no other
     * document out of the trash holds it (compared by {@link NameKey}), else the first free of
     * {@code wanted (2)}, {@code wanted (3)}, … (docs/protocol.md §4).
     */
    String freeName(UUID id, String wanted) {
        byte[] self = Keys.document(id);
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? wanted : wanted + " (" + n + ")";
            byte[] holder = t.names.get(NameKey.of(candidate));
            if (holder == null || Arrays.equals(holder, self)) {
                return candidate;
            }
        }
    }

    /** The document out of the trash that holds {@code name} (compared by {@link NameKey}), if any. */
    Optional<UUID> nameHolder(String name) {
        byte[] holder = t.names.get(NameKey.of(name));
        return holder == null ? Optional.empty() : Optional.of(Keys.documentAt(holder, 0));
    }

    /** A document out of the trash whose name starts with {@code prefix} (compared by {@link NameKey}), if any. */
    Optional<UUID> nameUnder(String prefix) {
        String key = NameKey.of(prefix);
        String next = t.names.ceilingKey(key);
        return next == null || !next.startsWith(key) ? Optional.empty()
                : Optional.of(Keys.documentAt(t.names.get(next), 0));
    }

    void holdName(UUID id, String name) {
        t.names.put(NameKey.of(name), Keys.document(id));
    }

    void releaseName(UUID id, String name) {
        String key = NameKey.of(name);
        byte[] holder = t.names.get(key);
        if (holder != null && Arrays.equals(holder, Keys.document(id))) {
            t.names.remove(key);
        }
    }

    /** Up to {@code limit} documents changed after {@code since}, oldest first: O(answer · log n). */
    List<SyncEntry> changedSince(long since, int limit) {
        List<SyncEntry> out = new ArrayList<>();
        if (since < 0 || since == Long.MAX_VALUE || limit <= 0) {
            return out;
        }
        for (byte[] key : t.syncIndex.tailSet(Keys.syncAfter(since), true)) {
            out.add(new SyncEntry(Keys.timeAt(key, 0), Keys.documentAt(key, Keys.TIME)));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }
}
