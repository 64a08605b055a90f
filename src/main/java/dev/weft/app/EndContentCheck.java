package dev.weft.app;

import java.util.Optional;

/** Compares a replica's text with a trace's {@code endContent} and says where they part. */
final class EndContentCheck {
    private final String expected;

    EndContentCheck(String endContent) {
        this.expected = endContent;
    }

    /** Why {@code actual}, the text of {@code what}, is not {@code endContent}; empty if it is. */
    Optional<String> check(String what, String actual) {
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        int common = 0;
        int limit = Math.min(actual.length(), expected.length());
        while (common < limit && actual.charAt(common) == expected.charAt(common)) {
            common++;
        }
        return Optional.of(what + " has " + codePoints(actual) + " code points where endContent has "
                + codePoints(expected) + ", and differs from it at code point "
                + actual.codePointCount(0, common));
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
