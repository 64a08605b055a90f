package dev.weft.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The bodies of {@code 40}, {@code 41} and {@code 43} (docs/protocol.md §10). */
final class HistoryFields {
    /** from, to, inserted, deleted, number_of_devices. */
    private static final int MIN_VERSION_BYTES = 5 * 8;
    /** code_points, a device name of one byte and its {@code \n}. */
    private static final int MIN_AUTHOR_BYTES = 8 + 2;

    private HistoryFields() {
    }

    static HistoryVersions readVersions(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        int n = r.count(MIN_VERSION_BYTES, "number_of_versions");
        List<HistoryVersions.Version> versions = new ArrayList<>(n);
        long previousTo = 0;
        for (int i = 0; i < n; i++) {
            int at = r.offset();
            long from = r.u64("from");
            long to = r.u64("to");
            int inserted = count(r, "inserted");
            int deleted = count(r, "deleted");
            int devices = r.count(2, "number_of_devices");
            List<String> names = new ArrayList<>(devices);
            for (int d = 0; d < devices; d++) {
                names.add(WireFields.readText(r, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "device"));
            }
            if (Long.compareUnsigned(from, to) > 0 || (i > 0 && Long.compareUnsigned(from, previousTo) <= 0)) {
                throw r.errorAt(at, "version " + (i + 1) + " is out of time order");
            }
            previousTo = to;
            versions.add(new HistoryVersions.Version(from, to, names, inserted, deleted));
        }
        return new HistoryVersions(id, versions);
    }

    static void write(ByteWriter w, HistoryVersions m) {
        w.uuid(m.documentId()).u64(m.versions().size());
        for (HistoryVersions.Version v : m.versions()) {
            w.u64(v.from()).u64(v.to()).u64(v.inserted()).u64(v.deleted()).u64(v.devices().size());
            v.devices().forEach(w::line);
        }
    }

    static HistoryText readText(ByteReader r) throws ProtocolException {
        UUID id = r.uuid("document_id");
        long time = r.u64("at");
        int n = r.count(MIN_AUTHOR_BYTES, "number_of_authors");
        List<HistoryText.Author> authors = new ArrayList<>(n);
        long covered = 0;
        for (int i = 0; i < n; i++) {
            int at = r.offset();
            int codePoints = count(r, "code_points");
            if (codePoints < 1) {
                throw r.errorAt(at, "an author span of no code points");
            }
            covered += codePoints;
            authors.add(new HistoryText.Author(codePoints, WireFields.readText(r, 1, SessionPeer.MAX_DEVICE_NAME_BYTES,
                    "device")));
        }
        int at = r.offset();
        int length = r.count(1, "number_of_code_points");
        if (length != covered) {
            throw r.errorAt(at, "authors cover " + covered + " of " + length + " code points");
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(r.utf8("text"));
        }
        return new HistoryText(id, time, authors, text.toString());
    }

    /** A {@code 43}: a {@code 41} body of at least one code point. */
    static HistoryTextPart readPart(ByteReader r) throws ProtocolException {
        int at = r.offset();
        HistoryText part = readText(r);
        if (part.text().isEmpty()) {
            throw r.errorAt(at, "a history text part of no code points");
        }
        return new HistoryTextPart(part);
    }

    static void write(ByteWriter w, HistoryText m) {
        w.uuid(m.documentId()).u64(m.at()).u64(m.authors().size());
        for (HistoryText.Author a : m.authors()) {
            w.u64(a.codePoints()).line(a.device());
        }
        String text = m.text();
        w.u64(text.codePointCount(0, text.length()));
        text.codePoints().forEach(w::utf8);
    }

    /** A {@code u64} count of code points that fits an int. */
    private static int count(ByteReader r, String field) throws ProtocolException {
        int at = r.offset();
        long n = r.u64(field);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw r.errorAt(at, field + " " + Long.toUnsignedString(n) + " is too large");
        }
        return (int) n;
    }
}
