package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.TrashInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The rows of the trash view: each note in the trash with when, by which device, its folder and batch. Pure. */
final class TrashRows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /**
     * A note in the trash.
     *
     * @param at when, µs since the epoch (0: not known)
     * @param batch its batch (0: none)
     * @param deleting the user asked to delete it forever; the server has not confirmed yet
     */
    record Row(UUID id, String title, String folder, long at, String device, long batch, boolean deleting) {
        String when(ZoneId zone) {
            return at == 0 ? "" : WHEN.format(Instant.ofEpochSecond(0, at * 1000).atZone(zone));
        }

        /** Whether {@code query} (any case) is in its name, folder or device. */
        boolean matches(String query) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return q.isEmpty() || (folder + "/" + title + "\t" + device).toLowerCase(Locale.ROOT).contains(q);
        }
    }

    private TrashRows() {
    }

    /** The notes in the trash, newest trash first (unknown times last, then by name). */
    static List<Row> of(List<NoteInfo> notes, Map<UUID, TrashInfo> info, String thisDevice) {
        List<Row> rows = new ArrayList<>();
        for (NoteInfo n : notes) {
            if (!n.trashed()) {
                continue;
            }
            TrashInfo t = info.getOrDefault(n.id(), new TrashInfo(0, 0, "", false, false));
            int slash = n.name().lastIndexOf('/');
            String device = t.local() ? thisDevice : t.device();
            rows.add(new Row(n.id(), n.name().substring(slash + 1), slash < 0 ? "" : n.name().substring(0, slash), t.at(),
                    device, t.batch(), t.purgeAsked()));
        }
        rows.sort(Comparator.comparingLong(Row::at).reversed().thenComparing(Row::title, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** Every row in a batch of {@code chosen} (a row of no batch stands for itself). */
    static List<UUID> sameBatch(List<Row> all, List<Row> chosen) {
        Set<Long> batches = new java.util.HashSet<>();
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        for (Row r : chosen) {
            if (r.batch() != 0) {
                batches.add(r.batch());
            }
            ids.add(r.id());
        }
        for (Row r : all) {
            if (batches.contains(r.batch())) {
                ids.add(r.id());
            }
        }
        return List.copyOf(ids);
    }
}
