package dev.weft.server;

import java.util.Optional;

/** {@code Range: bytes=A-B} of a chunk download (docs/protocol.md §11): one range, the forms RFC 9110 allows. */
record FileRanges(long from, long to) {
    /**
     * The range {@code header} asks of {@code size} bytes: empty for none or for a form this server
     * does not serve (several ranges), which is answered whole; {@code null}-free.
     *
     * @throws IllegalArgumentException if the range starts past the end (answered {@code 416})
     */
    static Optional<FileRanges> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) { // the last b bytes
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    throw new IllegalArgumentException("an empty suffix range");
                }
                return Optional.of(new FileRanges(Math.max(0, size - suffix), size - 1));
            }
            long from = Long.parseLong(a);
            long to = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (from < 0 || from >= size || to < from) {
                throw new IllegalArgumentException("range " + spec + " outside the " + size + " bytes");
            }
            return Optional.of(new FileRanges(from, to));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long length() {
        return to - from + 1;
    }
}
