package dev.weft.ui;

import dev.weft.vault.text.TextDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Two texts' difference as the History panel shows it: the runs of text that are in both, only in
 * the older one (removed since) and only in the newer one (added since), in reading order. By line,
 * then word, then character inside the changed lines ({@link TextDiff#diffByLine}).
 */
final class HistoryDiff {
    enum Kind {
        SAME, REMOVED, ADDED
    }

    record Segment(Kind kind, String text) {
    }

    private HistoryDiff() {
    }

    /** The runs that turn {@code older} into {@code newer}; a removal comes before the text that replaces it. */
    static List<Segment> between(String older, String newer) {
        List<Segment> out = new ArrayList<>();
        int read = 0; // in older
        int written = 0; // length of newer's text so far
        for (TextDiff.Edit e : TextDiff.diffByLine(older, newer)) {
            int same = e.offset() - written;
            add(out, Kind.SAME, older.substring(read, read + same));
            read += same;
            add(out, Kind.REMOVED, older.substring(read, read + e.deleteLength()));
            read += e.deleteLength();
            add(out, Kind.ADDED, e.insert());
            written = e.offset() + e.insert().length();
        }
        add(out, Kind.SAME, older.substring(read));
        return out;
    }

    private static void add(List<Segment> out, Kind kind, String text) {
        if (!text.isEmpty()) {
            out.add(new Segment(kind, text));
        }
    }
}
