package dev.weft.crdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A document's atoms in pid order as a server keeps them for its history (issue 16 §3): each with
 * its code point (also once deleted), its author (the site of its pid's last pair), its insert
 * time and its delete time. Answers the document's versions and its text as of any time; pure.
 *
 * <p>Times are sync times (µs). An insert time of {@link #NEVER} marks a delete that arrived before
 * any insert (never text); a delete time of {@link #ALIVE} an atom not deleted, of
 * {@link #UNKNOWN} one deleted when the server kept no delete times (its character is lost).
 */
public final class TextHistory {
    public static final long NEVER = 0;
    public static final long ALIVE = 0;
    public static final long UNKNOWN = 1;
    /** A gap of this many µs or more between two changes starts a new version. */
    public static final long SESSION_GAP = 5L * 60 * 1_000_000;

    private final int size;
    private final int[] codePoints;
    private final int[] sites;
    private final long[] inserted;
    private final long[] deleted;

    private TextHistory(int size, int[] codePoints, int[] sites, long[] inserted, long[] deleted) {
        this.size = size;
        this.codePoints = codePoints;
        this.sites = sites;
        this.inserted = inserted;
        this.deleted = deleted;
    }

    /** One editing session: changes with no gap of {@link #SESSION_GAP} or more, oldest first. */
    public record Version(int number, long from, long to, List<Integer> sites, int inserted, int deleted) {
        public Version {
            sites = List.copyOf(sites);
        }
    }

    /** Characters {@code [start, end)} (UTF-16 offsets) were typed on the device of {@code site}. */
    public record Span(int start, int end, int site) {
    }

    /** The text as of a time and who wrote it: spans in order, covering it. */
    public record Text(String text, List<Span> spans) {
        public Text {
            spans = List.copyOf(spans);
        }
    }

    /** Collects atoms in pid order. */
    public static final class Builder {
        private int size;
        private int[] codePoints = new int[16];
        private int[] sites = new int[16];
        private long[] inserted = new long[16];
        private long[] deleted = new long[16];

        /** @param codePoint the character, or {@link AtomVisitor#TOMBSTONE} if not known */
        public Builder add(int codePoint, int site, long insertTime, long deleteTime) {
            if (size == codePoints.length) {
                int n = 2 * size;
                codePoints = Arrays.copyOf(codePoints, n);
                sites = Arrays.copyOf(sites, n);
                inserted = Arrays.copyOf(inserted, n);
                deleted = Arrays.copyOf(deleted, n);
            }
            codePoints[size] = codePoint;
            sites[size] = site;
            inserted[size] = insertTime;
            deleted[size] = deleteTime;
            size++;
            return this;
        }

        public TextHistory build() {
            return new TextHistory(size, codePoints, sites, inserted, deleted);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    /** Whether atom {@code k} ever was text: inserted, and with its character known. */
    private boolean wasText(int k) {
        return inserted[k] != NEVER && codePoints[k] != AtomVisitor.TOMBSTONE && deleted[k] != UNKNOWN;
    }

    /**
     * The versions: every insert and every delete with a known time is a change at its time (an
     * atom whose delete time is {@link #UNKNOWN}, forgotten, is no change at all); changes
     * sorted by time fall into one version until a gap of {@link #SESSION_GAP} or more. A version's
     * sites are the authors of what it inserted (a delete does not say who made it).
     */
    public List<Version> versions() {
        int events = 0;
        for (int k = 0; k < size; k++) {
            if (inserted[k] != NEVER && deleted[k] != UNKNOWN) {
                events++;
            }
            if (deleted[k] != ALIVE && deleted[k] != UNKNOWN) {
                events++;
            }
        }
        // (time, index): index k for the insert of atom k, size + k for its delete
        long[] times = new long[events];
        int[] which = new int[events];
        int n = 0;
        for (int k = 0; k < size; k++) {
            if (inserted[k] != NEVER && deleted[k] != UNKNOWN) {
                times[n] = inserted[k];
                which[n++] = k;
            }
            if (deleted[k] != ALIVE && deleted[k] != UNKNOWN) {
                times[n] = deleted[k];
                which[n++] = size + k;
            }
        }
        Integer[] order = new Integer[events];
        for (int i = 0; i < events; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        List<Version> versions = new ArrayList<>();
        int i = 0;
        while (i < events) {
            long from = times[order[i]];
            long to = from;
            TreeSet<Integer> authors = new TreeSet<>();
            int ins = 0;
            int del = 0;
            while (i < events && times[order[i]] - to < SESSION_GAP) {
                int w = which[order[i]];
                to = times[order[i]];
                if (w < size) {
                    ins++;
                    authors.add(sites[w]);
                } else {
                    del++;
                }
                i++;
            }
            versions.add(new Version(versions.size() + 1, from, to, new ArrayList<>(authors), ins, del));
        }
        return versions;
    }

    /** The text as of {@code time}: atoms inserted at or before it and not deleted by then. */
    public Text textAt(long time) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        int spanStart = 0;
        int spanSite = -1;
        for (int k = 0; k < size; k++) {
            if (!wasText(k) || inserted[k] > time || (deleted[k] != ALIVE && deleted[k] <= time)) {
                continue;
            }
            if (sites[k] != spanSite) {
                if (text.length() > spanStart) {
                    spans.add(new Span(spanStart, text.length(), spanSite));
                }
                spanStart = text.length();
                spanSite = sites[k];
            }
            text.appendCodePoint(codePoints[k]);
        }
        if (text.length() > spanStart) {
            spans.add(new Span(spanStart, text.length(), spanSite));
        }
        return new Text(text.toString(), spans);
    }
}
