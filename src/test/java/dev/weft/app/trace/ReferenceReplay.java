package dev.weft.app.trace;

import java.util.List;

/**
 * The obviously-correct reference: applies patches to a {@link StringBuilder}, converting code
 * point positions to UTF-16 offsets. While the text holds no surrogate pair the two agree, so the
 * conversion is free; after that it scans from the start, slow but plainly right.
 */
final class ReferenceReplay {
    private final StringBuilder text;
    private boolean hasSurrogates;

    ReferenceReplay(String start) {
        text = new StringBuilder(start);
        hasSurrogates = hasSurrogates(start);
    }

    /** Replays a trace whose history is a single line (every sequential trace), returning the end text. */
    static String replay(EditingTrace trace) {
        ReferenceReplay replay = new ReferenceReplay(trace.startContent());
        List<Txn> txns = trace.txns();
        for (int i = 0; i < txns.size(); i++) {
            Txn txn = txns.get(i);
            if (!txn.parents().equals(i == 0 ? List.of() : List.of(i - 1))) {
                throw new IllegalArgumentException("txn " + i + " does not follow txn " + (i - 1));
            }
            PatchList patches = txn.patches();
            for (int p = 0; p < patches.size(); p++) {
                replay.apply(patches.position(p), patches.deleteCount(p), patches.insert(p));
            }
        }
        return replay.text();
    }

    void apply(int position, int deleteCount, String insert) {
        int start = offset(0, position);
        int end = offset(start, deleteCount);
        text.replace(start, end, insert);
        hasSurrogates |= hasSurrogates(insert);
    }

    String text() {
        return text.toString();
    }

    private int offset(int from, int codePoints) {
        if (hasSurrogates) {
            return text.offsetByCodePoints(from, codePoints);
        }
        if (from + codePoints > text.length()) {
            throw new IndexOutOfBoundsException(from + codePoints + " > " + text.length());
        }
        return from + codePoints;
    }

    private static boolean hasSurrogates(String s) {
        return s.codePointCount(0, s.length()) != s.length();
    }
}
