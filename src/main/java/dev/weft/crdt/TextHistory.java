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
        // inserts as time << 8 | site (sites are u8, times below 2^55), deletes as times; each sorted
        long[] ins = new long[size];
        long[] del = new long[size];
        int ni = 0;
        int nd = 0;
        for (int k = 0; k < size; k++) {
            if (deleted[k] == UNKNOWN) {
                continue;
            }
            if (inserted[k] != NEVER) {
                ins[ni++] = inserted[k] << 8 | (sites[k] & 0xFF);
            }
            if (deleted[k] != ALIVE) {
                del[nd++] = deleted[k];
            }
        }
        Arrays.sort(ins, 0, ni);
        Arrays.sort(del, 0, nd);
        List<Version> versions = new ArrayList<>();
        int i = 0;
        int d = 0;
        while (i < ni || d < nd) {
            long from = Math.min(i < ni ? ins[i] >>> 8 : Long.MAX_VALUE, d < nd ? del[d] : Long.MAX_VALUE);
            long to = from;
            TreeSet<Integer> authors = new TreeSet<>();
            int insertedHere = 0;
            int deletedHere = 0;
            while (true) {
                long nextInsert = i < ni ? ins[i] >>> 8 : Long.MAX_VALUE;
                long nextDelete = d < nd ? del[d] : Long.MAX_VALUE;
                long next = Math.min(nextInsert, nextDelete);
                if (next == Long.MAX_VALUE || next - to >= SESSION_GAP) {
                    break;
                }
                to = next;
                if (nextInsert <= nextDelete) {
                    authors.add((int) (ins[i++] & 0xFF));
                    insertedHere++;
                } else {
                    d++;
                    deletedHere++;
                }
            }
            versions.add(new Version(versions.size() + 1, from, to, new ArrayList<>(authors), insertedHere, deletedHere));
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
