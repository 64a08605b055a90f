package dev.weft.ui;

import dev.weft.client.NoteHistory.HistoryVersion;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the History panel writes a version: newest first, its local time span, devices and size. Pure. */
final class HistoryRows {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private HistoryRows() {
    }

    /** The versions as the list shows them: the newest on top. */
    static List<HistoryVersion> newestFirst(List<HistoryVersion> oldestFirst) {
        List<HistoryVersion> rows = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** "2026-12-07 21:30–21:44", one time when the session took less than a minute, both days across midnight. */
    static String when(HistoryVersion v, ZoneId zone) {
        ZonedDateTime from = v.from().atZone(zone);
        ZonedDateTime to = v.to().atZone(zone);
        String start = DAY_TIME.format(from);
        if (TIME.format(from).equals(TIME.format(to)) && from.toLocalDate().equals(to.toLocalDate())) {
            return start;
        }
        return start + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME : DAY_TIME).format(to);
    }

    static String devices(HistoryVersion v) {
        return v.devices().isEmpty() ? "unknown device" : String.join(", ", v.devices());
    }

    /** "+12 −3": code points inserted and deleted in the version. */
    static String changes(HistoryVersion v) {
        return "+" + v.inserted() + " −" + v.deleted();
    }
}
